package io.k2.binance.connection;

/**
 * One message as read off a Binance socket, with what we knew about it at that moment. With
 * {@code batchSize > 1} an exchange's body is a {@code List<BinanceFrame>} in arrival order.
 *
 * @param text             the message as text (UTF-8 decoded; for an oversized message, its first bytes only)
 * @param originalBytes    the bytes exactly as received when {@code text} is not a faithful copy of them: a
 *                         binary message, a text message that is not valid UTF-8 (decoding replaced bytes with
 *                         U+FFFD), or the kept head of an oversized message; null otherwise (the common case:
 *                         {@code text} is exact, so no copy is made)
 * @param stream           the stream name from a combined frame, or null (raw payloads, control responses)
 * @param connectionId     the connection it arrived on
 * @param receivedAtMicros when it was read, epoch µs
 * @param oversizedBytes   0, or the full size in bytes of a message larger than the endpoint's maxFrameBytes
 * @param origin           {@link FrameOrigin#LIVE} for what a socket delivered; else what the gap closer made
 */
public record BinanceFrame(String text, byte[] originalBytes, String stream, String connectionId,
                           long receivedAtMicros, long oversizedBytes, FrameOrigin origin) {

    /** A frame read off a socket. */
    public BinanceFrame(String text, byte[] originalBytes, String stream, String connectionId, long receivedAtMicros,
                        long oversizedBytes) {
        this(text, originalBytes, stream, connectionId, receivedAtMicros, oversizedBytes, FrameOrigin.LIVE);
    }

    /** A frame the gap closer made (backfill, snapshot, gap record); {@code source} names where it came from. */
    public static BinanceFrame made(FrameOrigin origin, String text, String stream, String source, long madeAtMicros) {
        return new BinanceFrame(text, null, stream, source, madeAtMicros, 0, origin);
    }

    /** A frame whose text is exactly what arrived. */
    public BinanceFrame(String text, String stream, String connectionId, long receivedAtMicros) {
        this(text, null, stream, connectionId, receivedAtMicros, 0);
    }

    /** The stream name, or {@code unknown}. */
    public String streamOrUnknown() {
        return stream != null ? stream : "unknown";
    }

    public boolean oversized() {
        return oversizedBytes > 0;
    }

    public boolean live() {
        return origin == FrameOrigin.LIVE;
    }
}
