package io.k2.binance.normalize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Acks and shutdown notices are neither events nor bad input. */
class ControlFrameTest {

    private final BinanceNormalizer normalizer = Fixtures.normalizer();

    private ControlFrameException control(String frame) {
        ControlFrameException e = catchThrowableOfType(ControlFrameException.class,
                () -> normalizer.normalize(frame, null, Fixtures.RECEIVED_AT));
        assertThat(e).isNotNull();
        return e;
    }

    @Test
    void subscribeAckIsAResponse() {
        ControlFrameException e = control("{\"result\":null,\"id\":1}");
        assertThat(e.kind()).isEqualTo(ControlFrameKind.RESPONSE);
        assertThat(e.requestId()).isEqualTo("1");
    }

    @Test
    void keyOrderAndResultValueDoNotMatter() {
        ControlFrameException e = control("{\"id\":\"req-7\",\"result\":[\"btcusdt@aggTrade\"]}");
        assertThat(e.kind()).isEqualTo(ControlFrameKind.RESPONSE);
        assertThat(e.requestId()).isEqualTo("req-7");
    }

    @Test
    void serverShutdownRawAndCombined() {
        assertThat(control("{\"e\":\"serverShutdown\",\"E\":1770123456789}").kind())
                .isEqualTo(ControlFrameKind.SERVER_SHUTDOWN);
        assertThat(control("{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\",\"E\":1770123456789}}").kind())
                .isEqualTo(ControlFrameKind.SERVER_SHUTDOWN);
    }

    @Test
    void controlFramesAreNotBadInput() {
        assertThat(BadInputException.class.isAssignableFrom(ControlFrameException.class)).isFalse();
    }
}
