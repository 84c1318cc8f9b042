package io.k2.binance.soak;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link IdLedger} and {@link LedgerCheck}: every id from the first seen to the last generated, exactly once. */
class SoakLedgerTest {

    @Test
    void contiguousIdsInAnyOrderPass() {
        IdLedger ledger = new IdLedger();
        for (long id = 1000; id <= 1100; id++) {
            if (id < 1040 || id > 1050) {
                ledger.record("btcusdt@trade", id);
            }
        }
        // the hole's backfill lands after the live events that followed it
        for (long id = 1040; id <= 1050; id++) {
            ledger.record("btcusdt@trade", id);
        }
        LedgerCheck c = ledger.check("btcusdt@trade", 1100);
        assertThat(c.passed()).isTrue();
        assertThat(c.firstSeen()).isEqualTo(1000);
        assertThat(c.maxSeen()).isEqualTo(1100);
        assertThat(c.records()).isEqualTo(101);
        assertThat(c.missing()).isZero();
        assertThat(c.duplicates()).isZero();
    }

    @Test
    void aHoleFailsWithTheMissingIdsNamed() {
        IdLedger ledger = new IdLedger();
        for (long id = 1; id <= 50; id++) {
            if (id != 17 && id != 18 && id != 40) {
                ledger.record("ethusdt@aggTrade", id);
            }
        }
        LedgerCheck c = ledger.check("ethusdt@aggTrade", 50);
        assertThat(c.passed()).isFalse();
        assertThat(c.missing()).isEqualTo(3);
        assertThat(c.someMissing()).containsExactly(17L, 18L, 40L);
    }

    @Test
    void idsTheAppNeverDeliveredUpToTheLastGeneratedOneAreMissing() {
        IdLedger ledger = new IdLedger();
        for (long id = 10; id <= 20; id++) {
            ledger.record("btcusdt@trade", id);
        }
        LedgerCheck c = ledger.check("btcusdt@trade", 25);
        assertThat(c.missing()).isEqualTo(5);
        assertThat(c.someMissing()).containsExactly(21L, 22L, 23L, 24L, 25L);
        assertThat(c.passed()).isFalse();
    }

    @Test
    void idsAfterTheLastGeneratedOneAreNotMissingButDuplicatesCountAnywhere() {
        IdLedger ledger = new IdLedger();
        for (long id = 10; id <= 30; id++) {
            ledger.record("btcusdt@trade", id);
        }
        ledger.record("btcusdt@trade", 12);
        ledger.record("btcusdt@trade", 29); // after the last generated id (25): still a duplicate
        LedgerCheck c = ledger.check("btcusdt@trade", 25);
        assertThat(c.missing()).isZero();
        assertThat(c.duplicates()).isEqualTo(2);
        assertThat(c.records()).isEqualTo(23);
        assertThat(c.passed()).isFalse();
    }

    @Test
    void anIdBelowTheFirstOneReadExtendsTheRangeDownwards() {
        IdLedger ledger = new IdLedger();
        ledger.record("btcusdt@trade", 100);
        ledger.record("btcusdt@trade", 101);
        ledger.record("btcusdt@trade", 98);  // a late backfill of older events
        ledger.record("btcusdt@trade", 98);
        LedgerCheck c = ledger.check("btcusdt@trade", 101);
        assertThat(c.firstSeen()).isEqualTo(98);
        assertThat(c.missing()).isEqualTo(1);
        assertThat(c.someMissing()).containsExactly(99L);
        assertThat(c.duplicates()).isEqualTo(1);
    }

    @Test
    void aStreamWithNoRecordFails() {
        LedgerCheck c = new IdLedger().check("bnbusdt@trade", 500);
        assertThat(c.firstSeen()).isNull();
        assertThat(c.passed()).isFalse();
    }

    @Test
    void messageIdsOfTradesAndAggTradesAreRecordedPerStreamOthersAreNot() {
        IdLedger ledger = new IdLedger();
        assertThat(ledger.recordMessageId("BINANCE:BTCUSDT:trade:5455447976")).isTrue();
        assertThat(ledger.recordMessageId("BINANCE:BTCUSDT:aggTrade:640283266")).isTrue();
        assertThat(ledger.recordMessageId("BINANCE:BTCUSDT:depth:1-5")).isFalse();
        assertThat(ledger.recordMessageId("BINANCE:BTCUSDT:trade:x")).isFalse();
        assertThat(ledger.recordMessageId("nonsense")).isFalse();
        assertThat(ledger.maxSeen("btcusdt@trade")).isEqualTo(5455447976L);
        assertThat(ledger.maxSeen("btcusdt@aggTrade")).isEqualTo(640283266L);
        assertThat(ledger.maxSeen("ethusdt@trade")).isEqualTo(Long.MIN_VALUE);
        assertThat(ledger.records()).isEqualTo(2);
    }

    @Test
    void anIdTooFarFromTheFirstIsRefusedRatherThanMiscounted() {
        IdLedger ledger = new IdLedger();
        ledger.record("btcusdt@trade", 0);
        assertThatThrownBy(() -> ledger.record("btcusdt@trade", 1L << 32)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2^31");
    }
}
