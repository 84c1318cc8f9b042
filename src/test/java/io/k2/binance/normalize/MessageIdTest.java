package io.k2.binance.normalize;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The same Binance event always gets the same id; different events never share one. */
class MessageIdTest {

    @Test
    void sameEventSameIdAcrossInstancesAndReceiveTimes() {
        String frame = Fixtures.line(24);
        String first = Fixtures.normalizer().normalize(frame, null, Fixtures.RECEIVED_AT).messageId();
        BinanceNormalizer other = Fixtures.normalizer();
        other.normalize(Fixtures.line(32), null, Fixtures.RECEIVED_AT); // different history
        String again = other.normalize(frame, "btcusdt@trade", Fixtures.RECEIVED_AT + 5_000_000).messageId();
        assertThat(again).isEqualTo(first).isEqualTo("BINANCE:BTCUSDT:trade:5455447976");
    }

    @Test
    void rawAndCombinedFormsOfOneEventShareTheId() {
        String raw = "{\"e\":\"trade\",\"E\":1762578805373,\"s\":\"BTCUSDT\",\"t\":5455447976,\"p\":\"102571.17000000\","
                + "\"q\":\"0.00100000\",\"T\":1762578805372,\"m\":true,\"M\":true}";
        assertThat(Fixtures.normalizer().normalize(raw, null, Fixtures.RECEIVED_AT).messageId())
                .isEqualTo(Fixtures.normalizer().normalize(Fixtures.line(24), null, Fixtures.RECEIVED_AT).messageId());
    }

    @Test
    void klineIdIsTheSameOnMillisecondAndMicrosecondFeeds() {
        String ms = Fixtures.line(38);
        String us = ms.replace("\"E\":1653818762502", "\"E\":1653818762502417").replace("\"t\":1653818760000", "\"t\":1653818760000000")
                .replace("\"T\":1653818819999", "\"T\":1653818819999999");
        BinanceNormalizer n = Fixtures.normalizer();
        assertThat(n.normalize(us, null, Fixtures.RECEIVED_AT).messageId())
                .isEqualTo(n.normalize(ms, null, Fixtures.RECEIVED_AT).messageId());
    }

    @Test
    void everyFixtureEventHasADistinctId() {
        BinanceNormalizer n = Fixtures.normalizer();
        Set<String> ids = new HashSet<>();
        int events = 0;
        for (String line : Fixtures.sampleLines()) {
            try {
                ids.add(n.normalize(line, null, Fixtures.RECEIVED_AT).messageId());
                events++;
            } catch (BadInputException expected) {
                // not an event
            }
        }
        assertThat(events).isEqualTo(34); // 40 lines minus 6 non-events (25, 35, 36, 37, 39, 40)
        assertThat(ids).hasSize(events);
    }

    @Test
    void idsSeparateTypesSymbolsAndSnapshotDepths() {
        assertThat(Set.copyOf(List.of(
                MessageIds.trade("BTCUSDT", 1), MessageIds.aggTrade("BTCUSDT", 1), MessageIds.bookTicker("BTCUSDT", 1),
                MessageIds.trade("ETHUSDT", 1), MessageIds.depthDiff("BTCUSDT", 1, 2), MessageIds.depthDiff("BTCUSDT", 1, 3),
                MessageIds.depthSnapshot("BTCUSDT", 5, 2), MessageIds.depthSnapshot("BTCUSDT", 20, 2),
                MessageIds.kline("BTCUSDT", "1m", 60_000_000L, 7, false, 61_000_000L),
                MessageIds.kline("BTCUSDT", "1m", 60_000_000L, 7, false, 63_000_000L),
                MessageIds.kline("BTCUSDT", "1m", 60_000_000L, 8, false, 61_000_000L),
                MessageIds.kline("BTCUSDT", "1m", 60_000_000L, 8, true, 61_000_000L),
                MessageIds.kline("BTCUSDT", "5m", 60_000_000L, 7, false, 61_000_000L)))).hasSize(13);
    }

    @Test
    void depthIdNamesTheUpdateRange() {
        assertThat(MessageIds.depthDiff("NKNUSDT", 499869750, 499869752)).isEqualTo("BINANCE:NKNUSDT:depth:499869750-499869752");
    }

    @Test
    void tradeAndAggTradeIdsAreTakenApartAgainAndNothingElseIs() {
        assertThat(MessageIds.tradeSequence(MessageIds.trade("BTCUSDT", 5455447976L)))
                .isEqualTo(new MessageIds.TradeSequence("BTCUSDT", "trade", 5455447976L));
        assertThat(MessageIds.tradeSequence(MessageIds.aggTrade("BTCUSDT", 640283266L)))
                .isEqualTo(new MessageIds.TradeSequence("BTCUSDT", "aggTrade", 640283266L));
        assertThat(MessageIds.tradeSequence(MessageIds.bookTicker("BTCUSDT", 1L))).isNull();
        assertThat(MessageIds.tradeSequence(MessageIds.depthDiff("BTCUSDT", 1, 5))).isNull();
        assertThat(MessageIds.tradeSequence("BINANCE:BTCUSDT:trade:x")).isNull();
        assertThat(MessageIds.tradeSequence("nonsense")).isNull();
    }
}
