package io.k2.binance.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.k2.binance.sequence.Position;

import static org.assertj.core.api.Assertions.assertThat;

/** Which value the scanner takes for an id, and when it refuses to give a position. */
class FrameScannerFieldsTest {

    private final FrameScanner scanner = new FrameScanner();

    private FrameScan combined(String stream, String data) {
        return scanner.scan("{\"stream\":\"" + stream + "\",\"data\":" + data + "}");
    }

    @Test
    void aTInsideTheKlineIsNotATradeId() {
        // a trade stream carrying a kline-shaped payload: the only t is k.t, which must not be read as a trade id
        FrameScan scan = combined("btcusdt@trade", "{\"s\":\"BTCUSDT\",\"k\":{\"t\":123,\"L\":5,\"x\":false}}");
        assertThat(scan.kind()).isEqualTo(FrameScan.Kind.DATA);
        assertThat(scan.hasPosition()).isFalse();
    }

    @Test
    void theKlineTakesKtNotThePayloadsT() {
        FrameScan scan = combined("btcusdt@kline_1m",
                "{\"t\":999,\"E\":5,\"L\":777,\"k\":{\"t\":60000,\"L\":12,\"x\":true,\"k\":{\"t\":1}},\"x\":false}");
        assertThat(scan.position()).isEqualTo(Position.kline(60000, 12, true, 5));
    }

    @Test
    void aKlineWithoutTradesHasLastTradeIdMinusOne() {
        FrameScan scan = combined("btcusdt@kline_1s",
                "{\"e\":\"kline\",\"E\":5,\"s\":\"BTCUSDT\",\"k\":{\"t\":1000,\"f\":-1,\"L\":-1,\"n\":0,\"x\":false}}");
        assertThat(scan.position()).isEqualTo(Position.kline(1000, -1, false, 5));
    }

    @Test
    void keysAreCaseSensitive() {
        // T (trade time) is not t; l is not L; U is not u
        assertThat(combined("btcusdt@trade", "{\"T\":5}").hasPosition()).isFalse();
        assertThat(combined("btcusdt@trade", "{\"T\":5,\"t\":6}").position()).isEqualTo(Position.trade(6));
        assertThat(combined("btcusdt@aggTrade", "{\"a\":1,\"f\":2,\"L\":3}").hasPosition()).isFalse();
        assertThat(combined("btcusdt@bookTicker", "{\"U\":4}").hasPosition()).isFalse();
        assertThat(combined("btcusdt@depth", "{\"U\":4,\"u\":9}").position()).isEqualTo(Position.depthDiff(4, 9));
    }

    @Test
    void idsInsideStringsAndNestedValuesAreNotRead() {
        FrameScan scan = combined("btcusdt@trade",
                "{\"p\":\"\\\"t\\\":1\",\"x\":[{\"t\":2}],\"m\":{\"t\":3},\"t\":4,\"q\":\"t\"}");
        assertThat(scan.position()).isEqualTo(Position.trade(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"5\"", "5.0", "5e0", "null", "true", "[5]", "{\"t\":5}", "9223372036854775808",
        "-9223372036854775809"})
    void anIdThatIsNotAPlainLongGivesNoPosition(String value) {
        FrameScan scan = combined("btcusdt@trade", "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":" + value + "}");
        assertThat(scan.kind()).isEqualTo(FrameScan.Kind.DATA);
        assertThat(scan.hasPosition()).isFalse();
    }

    @Test
    void idsUseTheFullLongRange() {
        assertThat(combined("btcusdt@trade", "{\"t\":9223372036854775807}").position().first())
                .isEqualTo(Long.MAX_VALUE);
        assertThat(combined("btcusdt@trade", "{\"t\":-9223372036854775808}").position().first())
                .isEqualTo(Long.MIN_VALUE);
        assertThat(combined("btcusdt@trade", "{\"t\":-0}").position().first()).isZero();
    }

    @Test
    void aSymbolOtherThanTheStreamsGivesNoPosition() {
        FrameScan scan = combined("btcusdt@trade", "{\"e\":\"trade\",\"s\":\"ETHUSDT\",\"t\":5}");
        assertThat(scan.kind()).isEqualTo(FrameScan.Kind.DATA);
        assertThat(scan.symbol()).isEqualTo("ETHUSDT");
        assertThat(scan.hasPosition()).isFalse();
        assertThat(combined("btcusdt@trade", "{\"s\":\"BTCUSD\",\"t\":5}").hasPosition()).isFalse();
        assertThat(combined("btcusdt@trade", "{\"s\":\"BTCUSDTX\",\"t\":5}").hasPosition()).isFalse();
        assertThat(combined("btcusdt@trade", "{\"s\":5,\"t\":5}").hasPosition()).isFalse();
    }

    @Test
    void anEventTypeOtherThanTheStreamsGivesNoPosition() {
        assertThat(combined("btcusdt@trade", "{\"e\":\"blockTrade\",\"t\":5}").hasPosition()).isFalse();
        assertThat(combined("btcusdt@trade", "{\"e\":1,\"t\":5}").hasPosition()).isFalse();
        // bookTicker has no e on spot; futures adds one: not ours to judge
        assertThat(combined("btcusdt@bookTicker", "{\"e\":\"bookTicker\",\"u\":5}").hasPosition()).isTrue();
    }

    @Test
    void aDiffEndingBeforeItStartsGivesNoPosition() {
        assertThat(combined("btcusdt@depth", "{\"U\":10,\"u\":9}").hasPosition()).isFalse();
    }

    @Test
    void escapedKeysAndValuesAreDecoded() {
        FrameScan scan = scanner.scan(
                "{\"str\\u0065am\":\"btcusdt\\u0040trade\",\"data\":{\"\\u0074\":5,\"s\":\"BTC\\u0055SDT\"}}");
        assertThat(scan.stream()).isEqualTo("btcusdt@trade");
        assertThat(scan.symbol()).isEqualTo("BTCUSDT");
        assertThat(scan.position()).isEqualTo(Position.trade(5));
    }

    @Test
    void theLastOfARepeatedKeyWins() {
        assertThat(combined("btcusdt@trade", "{\"t\":5,\"t\":6}").position()).isEqualTo(Position.trade(6));
        assertThat(combined("btcusdt@trade", "{\"t\":5,\"t\":\"6\"}").hasPosition()).isFalse();
    }

    @Test
    void aSymbolInAnotherCaseMatches() {
        assertThat(combined("btcusdt@trade", "{\"s\":\"btcUSDT\",\"t\":5}").hasPosition()).isTrue();
    }

    @Test
    void depthFramesWithHundredsOfLevelsAreSkipped() {
        StringBuilder levels = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            levels.append(i == 0 ? "" : ",").append("[\"89218.").append(i).append("\",\"0.0311\"]");
        }
        FrameScan scan = combined("btcusdt@depth@100ms", "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"b\":["
                + levels + "],\"U\":82626886844,\"a\":[" + levels + "],\"u\":82626886850}");
        assertThat(scan.position()).isEqualTo(Position.depthDiff(82626886844L, 82626886850L));
    }
}
