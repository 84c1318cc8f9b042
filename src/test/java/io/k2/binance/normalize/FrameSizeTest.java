package io.k2.binance.normalize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Frames are measured in UTF-8 bytes against the limit. */
class FrameSizeTest {

    @Test
    void atTheLimitPasses() {
        assertThatCode(() -> FrameSize.check("x".repeat(100), 100)).doesNotThrowAnyException();
    }

    @Test
    void overTheLimitIsOversized() {
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> FrameSize.check("x".repeat(101), 100));
        assertThat(e.reason()).isEqualTo(BadInputReason.OVERSIZED_FRAME);
        assertThat(e.getMessage()).contains("100");
    }

    @Test
    void multiByteCharactersCountAsTheirBytes() {
        String frame = "é".repeat(60); // 120 bytes in 60 chars
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> FrameSize.check(frame, 100));
        assertThat(e.reason()).isEqualTo(BadInputReason.OVERSIZED_FRAME);
        assertThat(e.getMessage()).contains("120 bytes");
    }
}
