package io.k2.binance.connection;

/**
 * Where a frame came from. Everything but {@link #LIVE} is made by the gap closer and enters the ordered
 * hand-over at the place of the events it stands for, so it reaches Kafka through the same steps, the same
 * accounting and the same dead-letter policy as live frames.
 */
public enum FrameOrigin {
    /** Read off a Binance socket. */
    LIVE,
    /** A trade or aggTrade fetched over REST to fill a gap, rewritten in the shape of its stream event. */
    BACKFILL,
    /** A REST order-book snapshot ({@code /api/v3/depth}) published after a diff-depth gap. */
    SNAPSHOT,
    /** A gap record (detected, or its outcome) for the gaps topic; the text is a {@code GapNotice} JSON. */
    GAP_RECORD
}
