package io.k2.binance.connection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamSetTest {

    @Test
    void buildsEverySymbolTimesEveryTypeAsLowerCaseStreamNames() {
        StreamSet set = StreamSet.parse(" BTCUSDT, ethusdt ,1000SATSUSDT", "trade,depth@100ms,kline_1m");
        assertThat(set.streams()).containsExactly(
                "btcusdt@trade", "btcusdt@depth@100ms", "btcusdt@kline_1m",
                "ethusdt@trade", "ethusdt@depth@100ms", "ethusdt@kline_1m",
                "1000satsusdt@trade", "1000satsusdt@depth@100ms", "1000satsusdt@kline_1m");
        assertThat(set.combinedPath()).isEqualTo("/stream?streams=btcusdt@trade/btcusdt@depth@100ms/btcusdt@kline_1m/"
                + "ethusdt@trade/ethusdt@depth@100ms/ethusdt@kline_1m/1000satsusdt@trade/1000satsusdt@depth@100ms/"
                + "1000satsusdt@kline_1m");
    }

    @Test
    void acceptsEveryDocumentedStreamType() {
        StreamSet set = StreamSet.parse("btcusdt", "trade,aggTrade,bookTicker,depth,depth@100ms,depth5,depth10@100ms,"
                + "depth20,kline_1s,kline_1M,kline_12h");
        assertThat(set.streams()).hasSize(11);
    }

    @Test
    void rejectsUnknownStreamTypeNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> StreamSet.parse("btcusdt", "trade,miniTicker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown stream type 'miniTicker'")
                .hasMessageContaining("aggTrade").hasMessageContaining("kline_<interval>");
        assertThatThrownBy(() -> StreamSet.parse("btcusdt", "kline_7m")).hasMessageContaining("'kline_7m'");
        assertThatThrownBy(() -> StreamSet.parse("btcusdt", "depth15")).hasMessageContaining("'depth15'");
    }

    @Test
    void rejectsSymbolsWithBadCharacters() {
        assertThatThrownBy(() -> StreamSet.parse("btc-usdt", "trade"))
                .hasMessageContaining("symbol 'btc-usdt' is not a Binance symbol");
        assertThatThrownBy(() -> StreamSet.parse("btcusdt/ethusdt", "trade")).hasMessageContaining("btcusdt/ethusdt");
    }

    @Test
    void rejectsEmptyLists() {
        assertThatThrownBy(() -> StreamSet.parse(" , ", "trade")).hasMessageContaining("no symbols");
        assertThatThrownBy(() -> StreamSet.parse("btcusdt", "")).hasMessageContaining("no stream types");
    }

    @Test
    void acceptsMoreStreamsThanOneConnectionCarries() {
        StringBuilder symbols = new StringBuilder();
        for (int i = 0; i < 205; i++) {
            symbols.append("sym").append(i).append("usdt,");
        }
        assertThat(StreamSet.parse(symbols.toString(), "trade,aggTrade,bookTicker,depth,kline_1m").streams()).hasSize(1025);
    }

    @Test
    void rejectsMoreStreamsThanTheConnectionCapCarries() {
        StringBuilder symbols = new StringBuilder();
        for (int i = 0; i < 4097; i++) {
            symbols.append("sym").append(i).append("usdt,");
        }
        assertThatThrownBy(() -> StreamSet.parse(symbols.toString(), "trade,aggTrade,bookTicker,depth,kline_1m"))
                .hasMessageContaining("20485 streams").hasMessageContaining("20480");
    }
}
