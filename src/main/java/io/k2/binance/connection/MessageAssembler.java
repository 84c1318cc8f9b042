package io.k2.binance.connection;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

/**
 * Turns WebSocket frames into whole messages with bounded memory, keeping the exact bytes wherever the text
 * would not be a faithful copy of them.
 *
 * <p>Why not Vert.x's own {@code textMessageHandler}: it drops a message above its size limit with only an
 * exception (the message is neither counted nor dead-lettered), and it decodes invalid UTF-8 and binary
 * messages into U+FFFD, so a dead letter would no longer hold what arrived. Here a message above
 * {@code maxBytes} keeps its head (as much as a dead letter holds) and its full size, and anything that is
 * not valid UTF-8 text keeps its original bytes.
 *
 * <p>Confined to the connection's event loop.
 */
final class MessageAssembler {

    /** A whole message; {@code originalBytes} is null when {@code text} is exactly what arrived. */
    record Message(String text, byte[] originalBytes, long oversizedBytes) {
    }

    /** What a dead letter can hold of a message (the dead-letter record keeps at most this); bounds memory. */
    static final int KEPT_OF_OVERSIZED = 256 * 1024;

    private final int maxBytes;
    private final int keep;
    private Buffer partial;
    private boolean partialBinary;
    private long partialSize;

    MessageAssembler(int maxBytes) {
        this.maxBytes = maxBytes;
        this.keep = Math.max(maxBytes, KEPT_OF_OVERSIZED);
    }

    /** @return the message this frame completes, or null (a fragment, or a control frame) */
    Message accept(WebSocketFrame frame) {
        if (frame.isText() || frame.isBinary()) {
            if (frame.isFinal()) {
                partial = null;
                return whole(frame.binaryData(), frame.isBinary(), frame.binaryData().length());
            }
            partial = Buffer.buffer();
            partialBinary = frame.isBinary();
            partialSize = 0;
            append(frame.binaryData());
            return null;
        }
        if (frame.isContinuation() && partial != null) {
            append(frame.binaryData());
            if (!frame.isFinal()) {
                return null;
            }
            Buffer done = partial;
            partial = null;
            return whole(done, partialBinary, partialSize);
        }
        return null;
    }

    private void append(Buffer data) {
        partialSize += data.length();
        int room = keep - partial.length();
        if (room > 0) {
            partial.appendBuffer(data, 0, Math.min(room, data.length()));
        }
    }

    private Message whole(Buffer data, boolean binary, long size) {
        if (size > maxBytes) {
            byte[] head = data.getBytes(0, Math.min(data.length(), keep));
            return new Message(new String(head, StandardCharsets.UTF_8), head, size);
        }
        ByteBuf buf = data.getByteBuf();
        String text = buf.toString(StandardCharsets.UTF_8);
        if (binary) {
            return new Message(text, data.getBytes(), 0);
        }
        // Decoding replaces invalid bytes with U+FFFD. Checking strictly only when one shows up keeps the
        // common case (valid ASCII JSON) to a single decode.
        if (text.indexOf('\uFFFD') >= 0 && !validUtf8(data.getBytes())) {
            return new Message(text, data.getBytes(), 0);
        }
        return new Message(text, null, 0);
    }

    static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
