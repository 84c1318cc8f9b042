package io.k2.binance.normalize;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A bookTicker with its best bid above its best ask (both > 0) is crossed_book; an empty side (0) is not. */
class CrossedBookTest {

    private final BinanceNormalizer normalizer = Fixtures.normalizer();

    @ParameterizedTest(name = "bid {0} ask {1}")
    @CsvSource({
            "100.01, 100.00, true",
            "100.00, 100.01, false",
            "100.00, 100.00, false",
            "100.01, 0,      false",
            "0,      100.00, false"})
    void bidAboveAskIsRejected(String bid, String ask, boolean crossed) {
        String frame = "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":400900217,\"s\":\"BTCUSDT\",\"b\":\"" + bid
                + "\",\"B\":\"31.21\",\"a\":\"" + ask + "\",\"A\":\"40.66\"}}";
        BadInputException e = catchThrowableOfType(BadInputException.class,
                () -> normalizer.normalize(frame, null, Fixtures.RECEIVED_AT));
        if (!crossed) {
            assertThat(e).isNull();
            return;
        }
        assertThat(e).isNotNull();
        assertThat(e.reason().tag()).isEqualTo("crossed_book");
        assertThat(e.getMessage()).contains("best bid b " + bid).contains("best ask a " + ask);
    }
}
