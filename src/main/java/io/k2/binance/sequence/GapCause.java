package io.k2.binance.sequence;

/**
 * Why ids went missing, as far as the connection layer can tell: what ended the connection that delivered
 * the stream's previous event. Published on every gap record, so a consumer can tell an outage from a
 * quiet market and an exchange-side hole from ours.
 */
public enum GapCause {
    /** The previous connection closed or failed (1006 drop, server close, failed handshake) and a new one was opened. */
    RECONNECT,
    /** The previous connection was alive but stopped delivering (no pong, no message, a stale stream) and was replaced. */
    STALL,
    /** A make-before-break rotation (lifetime, near the 24 h cut-off, serverShutdown) cut over before the new socket covered the old one. */
    ROTATION_SEAM,
    /** The ids jumped on one and the same connection: the exchange skipped them, or the reason is not known. */
    UNKNOWN;

    /**
     * The cause of a gap found on the first event a connection delivered on a stream, from why that connection
     * was opened (the reconnect or rotation reason tags of {@code binance_reconnects_total} and
     * {@code binance_connection_rotations_total}).
     */
    public static GapCause ofConnectionOrigin(String origin) {
        if (origin == null) {
            return UNKNOWN;
        }
        return switch (origin) {
            case "pong_timeout", "stale", "stream_stale", "incoming_silent" -> STALL;
            case "lifetime", "near_cutoff", "server_shutdown", "server_shutdown_incoming" -> ROTATION_SEAM;
            case "start" -> UNKNOWN;
            default -> RECONNECT;
        };
    }

    /** The lower-case tag used in records and metrics. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
