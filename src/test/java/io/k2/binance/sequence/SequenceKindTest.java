package io.k2.binance.sequence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceKindTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "btcusdt@trade, TRADE",
        "btcusdt@aggTrade, AGG_TRADE",
        "btcusdt@depth, DEPTH_DIFF",
        "btcusdt@depth@100ms, DEPTH_DIFF",
        "btcusdt@depth@1000ms, DEPTH_DIFF",
        "btcusdt@depth5, PARTIAL_DEPTH",
        "btcusdt@depth10@100ms, PARTIAL_DEPTH",
        "btcusdt@depth20@1000ms, PARTIAL_DEPTH",
        "btcusdt@bookTicker, BOOK_TICKER",
        "btcusdt@kline_1m, KLINE",
        "btcusdt@kline_1M, KLINE",
        "btcusdt@kline_1s, KLINE",
        "btcusdt@kline_12h, KLINE",
        "btcusdt@kline_1d@+08:00, KLINE",
        "1000satsusdt@trade, TRADE",
        // everything else has no per-stream order
        "btcusdt@ticker, NONE",
        "btcusdt@miniTicker, NONE",
        "btcusdt@avgPrice, NONE",
        "btcusdt@blockTrade, NONE",
        "!miniTicker@arr, NONE",
        "!bookTicker, NONE",
        "!serverShutdown, NONE",
        "@trade, NONE",
        "btcusdt, NONE",
        "btcusdt@, NONE",
        "btcusdt@aggtrade, NONE",
        "btcusdt@Trade, NONE",
        "btcusdt@trades, NONE",
        "btcusdt@depth15, NONE",
        "btcusdt@depth@250ms, NONE",
        "btcusdt@depth5@, NONE",
        "btcusdt@depth@100msx, NONE",
        "btcusdt@kline_, NONE",
        "btcusdt@kline_2m, NONE",
        "btcusdt@kline_@+08:00, NONE",
        "btcusdt@bookTickerx, NONE",
    })
    void mapsStreamNames(String name, SequenceKind expected) {
        assertThat(SequenceKind.of(name)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void nullAndEmptyAreNone() {
        assertThat(SequenceKind.of(null)).isEqualTo(SequenceKind.NONE);
        assertThat(SequenceKind.of("")).isEqualTo(SequenceKind.NONE);
    }

    @org.junit.jupiter.api.Test
    void onlyIdKindsWithoutHolesAreContiguous() {
        assertThat(SequenceKind.values()).filteredOn(SequenceKind::contiguous)
                .containsExactly(SequenceKind.TRADE, SequenceKind.AGG_TRADE, SequenceKind.DEPTH_DIFF);
    }
}
