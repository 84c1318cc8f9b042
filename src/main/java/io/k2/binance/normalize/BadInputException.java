package io.k2.binance.normalize;

/** Thrown when a frame cannot be normalized; the pipeline dead-letters the frame with {@link #reason()}. */
public class BadInputException extends RuntimeException {

    private final BadInputReason reason;

    public BadInputException(BadInputReason reason, String message) {
        super(message, null, false, false); // no stack trace: bad input is data, not a bug, and can be frequent
        this.reason = reason;
    }

    public BadInputReason reason() {
        return reason;
    }
}
