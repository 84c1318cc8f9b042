package io.k2.binance.normalize;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Millisecond and microsecond Binance times both become microseconds; implausible ones are refused. */
class TimestampsTest {

    private static final long NOW = Fixtures.RECEIVED_AT;

    @Test
    void millisecondsAreScaled() {
        assertThat(Timestamps.toMicros(1_762_578_805_372L, "T", NOW)).isEqualTo(1_762_578_805_372_000L);
    }

    @Test
    void microsecondsAreKept() {
        assertThat(Timestamps.toMicros(1_762_578_805_372_123L, "T", NOW)).isEqualTo(1_762_578_805_372_123L);
    }

    @Test
    void firstBinanceDayIsAccepted() {
        assertThat(Timestamps.toMicros(1_498_867_200_000L, "E", NOW)).isEqualTo(Timestamps.EARLIEST_MICROS);
    }

    @Test
    void beforeJuly2017IsAbsurd() {
        BadInputException e = catchThrowableOfType(BadInputException.class,
                () -> Timestamps.toMicros(1_498_867_199_999L, "E", NOW));
        assertThat(e.reason()).isEqualTo(BadInputReason.ABSURD_VALUE);
        assertThat(e.getMessage()).contains("E:").contains("2017-07-01");
    }

    @Test
    void upToOneDayAheadIsClockSkewBeyondIsAbsurd() {
        long oneDayMs = 86_400_000L;
        long nowMs = NOW / 1000;
        assertThat(Timestamps.toMicros(nowMs + oneDayMs, "T", NOW)).isEqualTo(NOW + Timestamps.MAX_AHEAD_MICROS);
        BadInputException e = catchThrowableOfType(BadInputException.class,
                () -> Timestamps.toMicros(nowMs + oneDayMs + 1, "T", NOW));
        assertThat(e.reason()).isEqualTo(BadInputReason.ABSURD_VALUE);
        assertThat(e.getMessage()).contains("T:").contains("1 day");
    }

    @Test
    void negativeIsAbsurd() {
        assertThat(catchThrowableOfType(BadInputException.class, () -> Timestamps.toMicros(-1, "T", NOW)).reason())
                .isEqualTo(BadInputReason.ABSURD_VALUE);
    }

    @Test
    void instantKeepsMicroseconds() {
        assertThat(Timestamps.instant(1_762_578_805_372_123L)).isEqualTo(Instant.parse("2025-11-08T05:13:25.372123Z"));
    }
}
