package io.k2.binance.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The grammar of Binance stream names (protocol reference §1, URL forms), read in one place. */
class StreamNameTest {

    @Test
    void theSymbolIsThePartBeforeTheFirstAt() {
        assertThat(StreamName.symbolEnd("btcusdt@depth@100ms")).isEqualTo(7);
        assertThat(StreamName.symbolPart("btcusdt@depth@100ms")).isEqualTo("btcusdt");
        assertThat(StreamName.symbol("btcusdt@depth@100ms")).isEqualTo("BTCUSDT");
    }

    @Test
    void allMarketStreamsAndMalformedNamesHaveNoSymbol() {
        for (String name : new String[] {"!miniTicker@arr", "!bookTicker", "btcusdt", "@trade", ""}) {
            assertThat(StreamName.symbolEnd(name)).as(name).isEqualTo(-1);
            assertThat(StreamName.symbolPart(name)).as(name).isNull();
            assertThat(StreamName.symbol(name)).as(name).isNull();
        }
    }

    @Test
    void theKindIsEverythingAfterTheFirstAt() {
        assertThat(StreamName.kind("btcusdt@depth20@100ms")).isEqualTo("depth20@100ms");
        assertThat(StreamName.kind("btcusdt@kline_1m")).isEqualTo("kline_1m");
        assertThat(StreamName.kind("btcusdt")).isEmpty();
    }

    @Test
    void aKlineIntervalIsReadWithOrWithoutTheUtc8Suffix() {
        assertThat(StreamName.klineInterval("btcusdt@kline_1m")).isEqualTo("1m");
        assertThat(StreamName.klineInterval("btcusdt@kline_1M@+08:00")).isEqualTo("1M");
        assertThat(StreamName.klineInterval("btcusdt@trade")).isNull();
    }

    @Test
    void partialDepthLevelsAndTheExpectedEventFollowTheKind() {
        assertThat(StreamName.snapshotLevels("btcusdt@depth20@100ms")).isEqualTo(20);
        assertThat(StreamName.snapshotLevels("btcusdt@depth@100ms")).isZero();
        assertThat(StreamName.expectedEvent("btcusdt@depth@100ms")).isEqualTo("depthUpdate");
        assertThat(StreamName.expectedEvent("btcusdt@depth5")).isEqualTo("depthSnapshot");
        assertThat(StreamName.expectedEvent("btcusdt@aggTrade")).isEqualTo("aggTrade");
        assertThat(StreamName.expectedEvent("btcusdt@kline_5m@+08:00")).isEqualTo("kline");
        assertThat(StreamName.expectedEvent("btcusdt@ticker")).isNull();
    }

    @Test
    void theStreamsBinanceSwitchedOffAreKnown() {
        assertThat(StreamName.isRetired("!ticker@arr")).isTrue();
        assertThat(StreamName.isRetired("!bookTicker")).isTrue();
        assertThat(StreamName.isRetired("btcusdt@bookTicker")).isFalse();
    }
}
