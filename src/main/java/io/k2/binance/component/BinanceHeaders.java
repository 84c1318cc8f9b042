package io.k2.binance.component;

/**
 * Exchange headers set by the binance consumer. They do not start with "Camel" or "kafka.", so
 * camel-kafka copies them into the Kafka record headers as they are.
 */
public final class BinanceHeaders {

    /** The Binance stream name, e.g. {@code btcusdt@trade}; {@code unknown} for frames without one. */
    public static final String STREAM = "k2.stream";
    /** The id of the WebSocket connection the frame arrived on. */
    public static final String CONNECTION_ID = "k2.connectionId";
    /** When the frame was read off the socket, epoch microseconds, as a decimal string. */
    public static final String RECEIVED_AT = "k2.receivedAt";

    /** Set (true) only on frames larger than the endpoint's maxFrameBytes; the normalizer dead-letters them. */
    public static final String OVERSIZED = "k2.oversized";

    /** Exchange property (not a header, so not sent to Kafka): the receive time as a long, epoch µs. */
    public static final String RECEIVED_AT_MICROS_PROPERTY = "k2.receivedAtMicros";

    private BinanceHeaders() {
    }
}
