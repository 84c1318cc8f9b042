package io.k2.binance.component;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameStreamTest {

    @Test
    void readsTheStreamOfACombinedFrame() {
        assertThat(FrameStream.peek("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\"}}"))
                .isEqualTo("btcusdt@depth@100ms");
    }

    @Test
    void returnsNullForRawPayloadsAndControlFrames() {
        assertThat(FrameStream.peek("{\"e\":\"trade\",\"s\":\"BTCUSDT\"}")).isNull();
        assertThat(FrameStream.peek("{\"result\":null,\"id\":1}")).isNull();
        assertThat(FrameStream.peek("{\"stream\":\"unterminated")).isNull();
        assertThat(FrameStream.peek("not json")).isNull();
    }
}
