package io.k2.binance.normalize;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A raw frame with no stream hint is named as Binance names the stream it belongs to. */
class DerivedStreamNameTest {

    @ParameterizedTest(name = "line {0} -> {1}")
    @CsvSource({"24, btcusdt@trade", "11, nknusdt@aggTrade", "8, nknusdt@bookTicker", "1, nknusdt@depth",
            "12, nknusdt@kline_1m"})
    void unwrappedPayloadGetsTheBinanceStreamName(int line, String expected) {
        String combined = Fixtures.line(line);
        String raw = combined.substring(combined.indexOf("\"data\":") + "\"data\":".length(), combined.length() - 1);
        NormalizedEvent event = Fixtures.normalizer().normalize(raw, null, Fixtures.RECEIVED_AT);
        assertThat(event.stream()).isEqualTo(expected);
        assertThat(event.record().get("vendor_data").toString()).contains("stream=" + expected);
    }
}
