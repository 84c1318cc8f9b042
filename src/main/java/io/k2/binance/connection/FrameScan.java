package io.k2.binance.connection;

import io.k2.binance.sequence.Position;
import io.k2.binance.sequence.SequenceKind;

/**
 * What {@link FrameScanner} read from one frame. The scanner reuses one instance for every frame, so read what
 * you need before scanning the next one; {@link #position()}, {@link #stream()} and the strings it returns are
 * immutable and may be kept.
 *
 * <p>Strings other than the stream name are only cut out of the frame when asked for, so the per-frame path
 * allocates nothing but the {@link Position}.
 */
public final class FrameScan {

    public enum Kind {
        /** A market data event: combined {@code {"stream":..,"data":..}} or a raw payload. */
        DATA,
        /** Binance will close this connection soon: open a new one now. */
        SERVER_SHUTDOWN,
        /** {@code {"result":..,"id":..}}: the answer to one of our requests. */
        RESPONSE,
        /** {@code {"error":{"code":N,"msg":".."},"id":..}}. */
        ERROR_RESPONSE,
        /** Anything else, malformed JSON included: the normalizer dead-letters it. */
        UNRECOGNISED
    }

    Kind kind = Kind.UNRECOGNISED;
    String frame;
    String stream;
    SequenceKind sequenceKind = SequenceKind.NONE;

    boolean hasPosition;
    long first;
    long last;
    long aux1;
    long aux2;
    private Position position;

    int symbolFrom = -1;
    int symbolTo;
    boolean symbolEscaped;
    private String symbol;

    /** The id as it appeared: one of the FrameScanner.ID_* constants. */
    int idType;
    int idFrom;
    int idTo;
    boolean idEscaped;

    long errorCode;
    int messageFrom = -1;
    int messageTo;
    boolean messageEscaped;

    void reset(String text) {
        kind = Kind.UNRECOGNISED;
        frame = text;
        stream = null;
        sequenceKind = SequenceKind.NONE;
        hasPosition = false;
        position = null;
        symbolFrom = -1;
        symbol = null;
        idType = FrameScanner.ID_ABSENT;
        errorCode = 0;
        messageFrom = -1;
    }

    public Kind kind() {
        return kind;
    }

    /** The frame exactly as given to the scanner. */
    public String frame() {
        return frame;
    }

    /**
     * DATA and SERVER_SHUTDOWN: the stream name from the combined wrapper, or the raw stream the scanner was
     * told about; null for a raw payload without one.
     */
    public String stream() {
        return stream;
    }

    /** The stream's kind; NONE when there is no stream name. */
    public SequenceKind sequenceKind() {
        return sequenceKind;
    }

    /** True when the ids the stream's kind needs were all present, plain integers, and the symbol matched. */
    public boolean hasPosition() {
        return hasPosition;
    }

    /** The event's ids for the {@link io.k2.binance.sequence.SequenceTracker}, or null (see {@link #hasPosition}). */
    public Position position() {
        if (!hasPosition) {
            return null;
        }
        if (position == null) {
            position = new Position(sequenceKind, first, last, aux1, aux2);
        }
        return position;
    }

    /** DATA: the payload's {@code s}, or null when it has none (partial depth) or it is not a string. */
    public String symbol() {
        if (symbol == null && symbolFrom >= 0) {
            symbol = symbolEscaped ? JsonString.decode(frame, symbolFrom, symbolTo) : frame.substring(symbolFrom, symbolTo);
        }
        return symbol;
    }

    /**
     * RESPONSE and ERROR_RESPONSE: the request id as text (an integer's digits, or a string's content), or null
     * when the id was JSON {@code null} or absent; see {@link #hasRequestId()}.
     */
    public String requestId() {
        switch (idType) {
            case FrameScanner.ID_NUMBER:
                return frame.substring(idFrom, idTo);
            case FrameScanner.ID_STRING:
                return idEscaped ? JsonString.decode(frame, idFrom, idTo) : frame.substring(idFrom, idTo);
            default:
                return null;
        }
    }

    /** False when the id was JSON {@code null} or missing: Binance could not read the request's id. */
    public boolean hasRequestId() {
        return idType == FrameScanner.ID_NUMBER || idType == FrameScanner.ID_STRING;
    }

    /** ERROR_RESPONSE: Binance's error code (e.g. 2 "invalid stream", 4 "too many subscriptions"), else 0. */
    public long errorCode() {
        return errorCode;
    }

    /** ERROR_RESPONSE: the error's {@code msg}, or null. */
    public String errorMessage() {
        if (messageFrom < 0) {
            return null;
        }
        return messageEscaped ? JsonString.decode(frame, messageFrom, messageTo) : frame.substring(messageFrom, messageTo);
    }

    @Override
    public String toString() {
        return "FrameScan[" + kind + ", stream=" + stream + ", position=" + position() + ", id=" + requestId()
                + (kind == Kind.ERROR_RESPONSE ? ", code=" + errorCode : "") + "]";
    }
}
