package io.k2.binance.component;

/**
 * One text frame as read off the socket, with what we knew about it at that moment. With
 * {@code batchSize > 1} an exchange's body is a {@code List<BinanceFrame>} in arrival order.
 *
 * @param text             the frame exactly as received
 * @param stream           the stream name from a combined frame, or null (raw payloads, control responses)
 * @param connectionId     the connection it arrived on
 * @param receivedAtMicros when it was read, epoch µs
 * @param oversized        larger than the endpoint's maxFrameBytes
 */
public record BinanceFrame(String text, String stream, String connectionId, long receivedAtMicros,
                           boolean oversized) {

    /** The stream name, or {@code unknown}. */
    public String streamOrUnknown() {
        return stream != null ? stream : "unknown";
    }
}
