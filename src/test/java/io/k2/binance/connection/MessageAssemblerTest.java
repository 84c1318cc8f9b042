package io.k2.binance.connection;

import java.nio.charset.StandardCharsets;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole messages from frames: exact text when it is exact, the original bytes when it is not, bounded size. */
class MessageAssemblerTest {

    private final MessageAssembler assembler = new MessageAssembler(64);

    @Test
    void aValidTextFrameIsTakenAsItIsWithoutACopyOfItsBytes() {
        MessageAssembler.Message m = assembler.accept(WebSocketFrame.textFrame("{\"a\":\"é\"}", true));
        assertThat(m.text()).isEqualTo("{\"a\":\"é\"}");
        assertThat(m.originalBytes()).isNull();
        assertThat(m.oversizedBytes()).isZero();
    }

    @Test
    void invalidUtf8KeepsTheBytesThatArrived() {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        MessageAssembler.Message m = assembler.accept(frame(bad, true, false));
        assertThat(m.text()).contains("\uFFFD");
        assertThat(m.originalBytes()).containsExactly(bad);
    }

    @Test
    void aRealReplacementCharacterIsNotMistakenForInvalidBytes() {
        MessageAssembler.Message m = assembler.accept(WebSocketFrame.textFrame("{\"a\":\"\uFFFD\"}", true));
        assertThat(m.originalBytes()).isNull();
    }

    @Test
    void aBinaryMessageKeepsItsBytes() {
        byte[] payload = {0, 1, 2, (byte) 0xFF};
        MessageAssembler.Message m = assembler.accept(WebSocketFrame.binaryFrame(Buffer.buffer(payload), true));
        assertThat(m.originalBytes()).containsExactly(payload);
    }

    @Test
    void fragmentsMakeOneMessage() {
        assertThat(assembler.accept(WebSocketFrame.textFrame("{\"a\":", false))).isNull();
        assertThat(assembler.accept(WebSocketFrame.continuationFrame(Buffer.buffer("1"), false))).isNull();
        MessageAssembler.Message m = assembler.accept(WebSocketFrame.continuationFrame(Buffer.buffer("}"), true));
        assertThat(m.text()).isEqualTo("{\"a\":1}");
    }

    @Test
    void anOversizedMessageKeepsWhatADeadLetterHoldsAndItsFullSize() {
        String big = "x".repeat(200);
        MessageAssembler.Message small = assembler.accept(WebSocketFrame.textFrame(big, true));
        assertThat(small.oversizedBytes()).as("over the 64-byte limit").isEqualTo(200);
        assertThat(small.text()).as("kept whole: it fits a dead letter").isEqualTo(big);

        String huge = "y".repeat(MessageAssembler.KEPT_OF_OVERSIZED);
        assembler.accept(WebSocketFrame.textFrame(huge, false));
        MessageAssembler.Message fragmented = assembler.accept(WebSocketFrame.continuationFrame(Buffer.buffer(huge), true));
        assertThat(fragmented.oversizedBytes()).as("counted over all fragments").isEqualTo(2L * huge.length());
        assertThat(fragmented.originalBytes()).as("memory stays bounded").hasSize(MessageAssembler.KEPT_OF_OVERSIZED);
    }

    private static WebSocketFrame frame(byte[] bytes, boolean isFinal, boolean binary) {
        return binary ? WebSocketFrame.binaryFrame(Buffer.buffer(bytes), isFinal)
                : new io.vertx.core.http.impl.ws.WebSocketFrameImpl(io.vertx.core.http.WebSocketFrameType.TEXT, bytes, isFinal);
    }

    @SuppressWarnings("unused")
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
