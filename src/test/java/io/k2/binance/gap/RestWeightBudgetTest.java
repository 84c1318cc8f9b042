package io.k2.binance.gap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The weight budget paces requests the way Binance counts them: per clock-aligned window, per IP. */
class RestWeightBudgetTest {

    private static final long MINUTE = 60_000;
    /** 12:00:10.000 on some day: 10 s into a window. */
    private static final long T0 = 1_800_000_000_000L - Math.floorMod(1_800_000_000_000L, MINUTE) + 10_000;

    @Test
    void requestsGoWhileTheWindowHasRoomThenWaitForTheNextWindow() {
        RestWeightBudget b = new RestWeightBudget(100, MINUTE);
        for (int i = 0; i < 4; i++) {
            assertThat(b.delayFor(25, T0)).isZero();
            b.spend(25, T0);
        }
        assertThat(b.delayFor(25, T0)).as("the fifth 25-weight request waits for the window's end").isEqualTo(50_000);
        assertThat(b.delayFor(25, T0 + 50_000)).as("new window").isZero();
    }

    @Test
    void theExchangesCountWinsWhenOtherProcessesSpendToo() {
        RestWeightBudget b = new RestWeightBudget(100, MINUTE);
        b.spend(4, T0);
        b.observed(90, T0, T0);
        assertThat(b.delayFor(25, T0)).isEqualTo(50_000);
        b.observed(10, T0, T0);
        assertThat(b.used()).as("an older, lower header does not undo what is known to be spent").isEqualTo(90);
    }

    @Test
    void anAnswerFromTheLastWindowDoesNotChargeThisOne() {
        RestWeightBudget b = new RestWeightBudget(100, MINUTE);
        long sentLastWindow = T0 + 49_990;
        long answeredThisWindow = T0 + 50_010;
        b.spend(4, sentLastWindow);
        b.observed(95, sentLastWindow, answeredThisWindow);
        assertThat(b.delayFor(25, answeredThisWindow)).isZero();
    }

    @Test
    void a429HoldsEveryRequestForRetryAfterAtLeastToTheWindowsEnd() {
        RestWeightBudget b = new RestWeightBudget(6000, MINUTE);
        b.rateLimited(5_000, T0);
        assertThat(b.delayFor(1, T0)).isEqualTo(50_000);
        b.rateLimited(120_000, T0);
        assertThat(b.delayFor(1, T0)).isEqualTo(120_000);
    }

    @Test
    void a418BanHoldsUntilItEndsAndDefaultsToBinancesShortestBan() {
        RestWeightBudget b = new RestWeightBudget(6000, MINUTE);
        b.banned(0, T0);
        assertThat(b.bannedUntil()).isEqualTo(T0 + 120_000);
        assertThat(b.delayFor(1, T0 + 1_000)).isEqualTo(119_000);
        assertThat(b.delayFor(1, T0 + 120_000)).isZero();
    }

    @Test
    void aRequestHeavierThanTheWholeBudgetStillGoesAloneInItsWindow() {
        RestWeightBudget b = new RestWeightBudget(100, MINUTE);
        assertThat(b.delayFor(250, T0)).isZero();
        b.spend(250, T0);
        assertThat(b.delayFor(5, T0)).isEqualTo(50_000);
    }

    @Test
    void headerNamesFollowBinancesIntervalLetters() {
        assertThat(BinanceRest.weightHeader(java.time.Duration.ofMinutes(1))).isEqualTo("X-MBX-USED-WEIGHT-1M");
        assertThat(BinanceRest.weightHeader(java.time.Duration.ofSeconds(10))).isEqualTo("X-MBX-USED-WEIGHT-10S");
        assertThat(BinanceRest.weightHeader(java.time.Duration.ofHours(1))).isEqualTo("X-MBX-USED-WEIGHT-1H");
        assertThat(BinanceRest.weightHeader(java.time.Duration.ofDays(1))).isEqualTo("X-MBX-USED-WEIGHT-1D");
    }
}
