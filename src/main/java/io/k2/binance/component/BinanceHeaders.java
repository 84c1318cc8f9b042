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


    /**
     * Exchange property with {@code batchSize=1}: the {@link io.k2.binance.connection.BinanceFrame} itself, so a
     * step can reach what the headers do not carry (the original bytes of a non-UTF-8 message, its full size).
     */
    public static final String FRAME_PROPERTY = "k2.frame";

    /** Exchange property (not a header, so not sent to Kafka): the receive time as a long, epoch µs. */
    public static final String RECEIVED_AT_MICROS_PROPERTY = "k2.receivedAtMicros";

    private BinanceHeaders() {
    }
}
