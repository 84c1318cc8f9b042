package io.k2.binance.connection;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.k2.binance.sequence.Position;
import io.k2.binance.sequence.SequenceKind;

import static org.assertj.core.api.Assertions.assertThat;

/** The 40 captured Binance messages (protocol reference §7), each read as Jackson reads it. */
class FrameScannerFixturesTest {

    private static final List<String> LINES = JacksonFrameReference.fixtureLines();
    private final FrameScanner scanner = new FrameScanner();

    static Stream<Arguments> lines() {
        return IntStream.range(0, LINES.size()).mapToObj(i -> Arguments.of(i + 1, LINES.get(i)));
    }

    @ParameterizedTest(name = "line {0}")
    @MethodSource("lines")
    void everyLineAgreesWithJackson(int line, String frame) {
        JacksonFrameReference.assertAgrees(scanner.scan(frame), frame, null);
    }

    @Test
    void theFileHasTheFortyCapturedLines() {
        assertThat(LINES).hasSize(40);
    }

    @Test
    void combinedEventsAreDataWithTheirStream() {
        // lines 1-25 and 32-38 are combined events, 26-31 raw trades, 39-40 errors
        for (int line = 1; line <= 38; line++) {
            FrameScan scan = scanner.scan(LINES.get(line - 1));
            assertThat(scan.kind()).as("line %d", line).isEqualTo(FrameScan.Kind.DATA);
        }
    }

    @Test
    void diffDepthReadsFirstAndLastUpdateId() {
        FrameScan scan = scanner.scan(LINES.get(0));
        assertThat(scan.stream()).isEqualTo("nknusdt@depth@100ms");
        assertThat(scan.sequenceKind()).isEqualTo(SequenceKind.DEPTH_DIFF);
        assertThat(scan.symbol()).isEqualTo("NKNUSDT");
        assertThat(scan.position()).isEqualTo(Position.depthDiff(499869750L, 499869752L));
        assertThat(scanner.scan(LINES.get(17)).position()).isEqualTo(Position.depthDiff(82626886844L, 82626886850L));
    }

    @Test
    void bookTickerReadsU() {
        assertThat(scanner.scan(LINES.get(7)).position()).isEqualTo(Position.bookTicker(499869768L));
    }

    @Test
    void aggTradeReadsAFAndL() {
        assertThat(scanner.scan(LINES.get(10)).position()).isEqualTo(Position.aggTrade(15683430L, 19862790L, 19862790L));
    }

    @Test
    void klineReadsOpenTimeLastTradeClosedAndEventTime() {
        FrameScan scan = scanner.scan(LINES.get(11));
        assertThat(scan.sequenceKind()).isEqualTo(SequenceKind.KLINE);
        assertThat(scan.position()).isEqualTo(Position.kline(1633998480000L, 19862790L, false, 1633998523963L));
    }

    @Test
    void partialDepthReadsLastUpdateIdAndHasNoSymbol() {
        FrameScan scan = scanner.scan(LINES.get(33));
        assertThat(scan.position()).isEqualTo(Position.partialDepth(17044571457L));
        assertThat(scan.symbol()).isNull();
    }

    @Test
    void tradeReadsT() {
        assertThat(scanner.scan(LINES.get(23)).position()).isEqualTo(Position.trade(5455447976L));
    }

    @Test
    void streamsWithoutOrderAreDataWithoutPosition() {
        for (int line : new int[] {25, 35, 36, 37}) {
            FrameScan scan = scanner.scan(LINES.get(line - 1));
            assertThat(scan.kind()).isEqualTo(FrameScan.Kind.DATA);
            assertThat(scan.sequenceKind()).isEqualTo(SequenceKind.NONE);
            assertThat(scan.hasPosition()).isFalse();
        }
        assertThat(scanner.scan(LINES.get(36)).stream()).isEqualTo("!ticker@arr");
    }

    @Test
    void rawTradesAreDataAndGetAPositionOnceTheirStreamIsKnown() {
        for (int line = 26; line <= 31; line++) {
            String frame = LINES.get(line - 1);
            FrameScan bare = scanner.scan(frame);
            assertThat(bare.kind()).isEqualTo(FrameScan.Kind.DATA);
            assertThat(bare.stream()).isNull();
            assertThat(bare.hasPosition()).isFalse();
            assertThat(bare.symbol()).isEqualTo("BTCUSDT");

            FrameScan raw = scanner.scan(frame, "btcusdt@trade");
            assertThat(raw.stream()).isEqualTo("btcusdt@trade");
            assertThat(raw.position()).isEqualTo(Position.trade(5416518451L + line - 26));
            JacksonFrameReference.assertAgrees(raw, frame, "btcusdt@trade");
        }
    }

    @Test
    void errorFramesCarryCodeMessageAndId() {
        FrameScan invalid = scanner.scan(LINES.get(38));
        assertThat(invalid.kind()).isEqualTo(FrameScan.Kind.ERROR_RESPONSE);
        assertThat(invalid.errorCode()).isEqualTo(2);
        assertThat(invalid.errorMessage()).isEqualTo("Invalid request: invalid stream");
        assertThat(invalid.requestId()).isEqualTo("2");
        FrameScan tooMany = scanner.scan(LINES.get(39));
        assertThat(tooMany.errorCode()).isEqualTo(4);
        assertThat(tooMany.requestId()).isEqualTo("19");
    }

    @Test
    void theStreamNameIsTheSameInstanceFromTheSecondFrameOn() {
        String first = scanner.scan(LINES.get(0)).stream();
        assertThat(scanner.scan(LINES.get(1)).stream()).isSameAs(first);
    }
}
