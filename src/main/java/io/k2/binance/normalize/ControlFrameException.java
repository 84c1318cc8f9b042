package io.k2.binance.normalize;

/**
 * Thrown by {@link BinanceNormalizer#normalize} for a frame that is not an event but is not bad input either
 * (a subscription ack, a serverShutdown notice). The pipeline should neither dead-letter nor count it as an
 * error: hand it to the connection layer or drop it. An exception rather than a null return, so that a
 * caller cannot mistake it for an event by forgetting a check.
 */
public class ControlFrameException extends RuntimeException {

    private final ControlFrameKind kind;
    private final String requestId;

    public ControlFrameException(ControlFrameKind kind, String requestId, String message) {
        super(message, null, false, false); // expected traffic: no stack trace
        this.kind = kind;
        this.requestId = requestId;
    }

    public ControlFrameKind kind() {
        return kind;
    }

    /** The {@code id} of the request a RESPONSE answers, as text (Binance ids may be numbers or strings); null otherwise. */
    public String requestId() {
        return requestId;
    }
}
