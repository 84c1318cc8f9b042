package io.k2.binance.normalize;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A payload that contradicts its stream name (symbol, event type, kline interval) is stream_mismatch. */
class StreamMismatchTest {

    private static final String TRADE = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1762578805373,"
            + "\"s\":\"BTCUSDT\",\"t\":5455447976,\"p\":\"102571.17000000\",\"q\":\"0.00100000\",\"T\":1762578805372,\"m\":true}}";
    private static final String KLINE = "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1762578805373,"
            + "\"s\":\"BTCUSDT\",\"k\":{\"t\":1762578780000,\"T\":1762578839999,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,"
            + "\"L\":200,\"o\":\"1.0\",\"c\":\"2.0\",\"h\":\"2.5\",\"l\":\"0.5\",\"v\":\"1000\",\"n\":101,\"x\":false,"
            + "\"q\":\"1.0\",\"V\":\"500\",\"Q\":\"0.5\",\"B\":\"0\"}}}";

    private final BinanceNormalizer normalizer = Fixtures.normalizer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "other symbol         | trade | \"s\":\"BTCUSDT\"            | \"s\":\"ETHUSDT\"            | carries symbol ETHUSDT",
            "same symbol ok       | trade | \"s\":\"BTCUSDT\"            | \"s\":\"BTCUSDT\"            | ",
            "other event type     | trade | \"e\":\"trade\"              | \"e\":\"aggTrade\"           | carries a 'aggTrade' event",
            "other stream symbol  | trade | btcusdt@trade                | ethusdt@trade                | carries symbol BTCUSDT",
            "other kline interval | kline | \"i\":\"1m\"                 | \"i\":\"5m\"                 | interval '5m'",
            "kline with offset ok | kline | btcusdt@kline_1m             | btcusdt@kline_1m@+08:00      | "})
    void payloadMustMatchItsStream(String name, String kind, String from, String to, String message) {
        String valid = kind.equals("trade") ? TRADE : KLINE;
        assertThat(valid).contains(from);
        String frame = valid.replace(from, to);
        BadInputException e = catchThrowableOfType(BadInputException.class,
                () -> normalizer.normalize(frame, null, Fixtures.RECEIVED_AT));
        if (message == null) {
            assertThat(e).as("accepted: " + frame).isNull();
            return;
        }
        assertThat(e).as("rejected: " + frame).isNotNull();
        assertThat(e.reason().tag()).isEqualTo("stream_mismatch");
        assertThat(e.getMessage()).contains(message);
    }
}
