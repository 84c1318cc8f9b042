package io.k2.binance.normalize;

import io.k2.marketdata.DepthKind;
import io.k2.marketdata.DepthUpdateV1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every line of the shared real-message file has its documented outcome. */
class FixtureSamplesTest {

    /** Expected outcome per line: an EventType name, or "!" + a BadInputReason name. */
    private static final String[] EXPECTED = {
            /* 1-7   */ "DEPTH", "DEPTH", "DEPTH", "DEPTH", "DEPTH", "DEPTH", "DEPTH",
            /* 8-10  */ "BOOK_TICKER", "BOOK_TICKER", "DEPTH",
            /* 11-17 */ "AGG_TRADE", "KLINE", "BOOK_TICKER", "KLINE", "AGG_TRADE", "DEPTH", "DEPTH",
            /* 18-23 */ "DEPTH", "DEPTH", "DEPTH", "DEPTH", "DEPTH", "DEPTH",
            /* 24    */ "TRADE",
            /* 25    */ "!UNKNOWN_EVENT",   // 24hrMiniTicker
            /* 26-31 */ "TRADE", "TRADE", "TRADE", "TRADE", "TRADE", "TRADE", // raw, keys sorted
            /* 32-34 */ "AGG_TRADE", "DEPTH", "DEPTH",
            /* 35    */ "!RETIRED_STREAM",  // !bookTicker
            /* 36    */ "!UNKNOWN_EVENT",   // 24hrTicker
            /* 37    */ "!RETIRED_STREAM",  // !ticker@arr
            /* 38    */ "KLINE",
            /* 39-40 */ "!EXCHANGE_ERROR", "!EXCHANGE_ERROR"};

    static Stream<Arguments> lines() {
        List<String> lines = Fixtures.sampleLines();
        List<Arguments> args = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            args.add(Arguments.of(i + 1, lines.get(i)));
        }
        return args.stream();
    }

    @Test
    void theFileHasTheFortyDocumentedLines() {
        assertThat(Fixtures.sampleLines()).hasSize(EXPECTED.length);
    }

    @ParameterizedTest(name = "line {0}")
    @MethodSource("lines")
    void lineHasItsDocumentedOutcome(int lineNumber, String frame) {
        String expected = EXPECTED[lineNumber - 1];
        BinanceNormalizer normalizer = Fixtures.normalizer();
        if (expected.startsWith("!")) {
            BadInputException e = catchThrowableOfType(BadInputException.class,
                    () -> normalizer.normalize(frame, null, Fixtures.RECEIVED_AT));
            assertThat(e).as("line %d", lineNumber).isNotNull();
            assertThat(e.reason()).isEqualTo(BadInputReason.valueOf(expected.substring(1)));
        } else {
            NormalizedEvent event = normalizer.normalize(frame, null, Fixtures.RECEIVED_AT);
            assertThat(event.type()).isEqualTo(EventType.valueOf(expected));
            assertThat(event.messageId()).startsWith("BINANCE:" + event.symbol() + ":");
            assertThat(event.record().get("message_id")).isEqualTo(event.messageId());
        }
    }

    @Test
    void rawTradeLinesGetTheStreamNameBinanceWouldUse() {
        NormalizedEvent event = Fixtures.normalizer().normalize(Fixtures.line(26), null, Fixtures.RECEIVED_AT);
        assertThat(event.stream()).isEqualTo("btcusdt@trade");
        assertThat(event.messageId()).isEqualTo("BINANCE:BTCUSDT:trade:5416518451");
    }

    @Test
    void partialDepthTakesItsSymbolFromTheStreamName() {
        NormalizedEvent event = Fixtures.normalizer().normalize(Fixtures.line(34), null, Fixtures.RECEIVED_AT);
        DepthUpdateV1 depth = (DepthUpdateV1) event.record();
        assertThat(event.symbol()).isEqualTo("ETHUSDT");
        assertThat(depth.getKind()).isEqualTo(DepthKind.SNAPSHOT);
        assertThat(depth.getDepthLevels()).isEqualTo(20);
        assertThat(depth.getCurrency()).isEqualTo("USDT");
        assertThat(event.messageId()).isEqualTo("BINANCE:ETHUSDT:depth20:17044571457");
    }

    @Test
    void errorFramesNameCodeAndMessage() {
        assertThatThrownBy(() -> Fixtures.normalizer().normalize(Fixtures.line(40), null, Fixtures.RECEIVED_AT))
                .hasMessageContaining("code 4").hasMessageContaining("Too many subscriptions").hasMessageContaining("19");
    }
}
