package io.k2.binance.pipeline;

/**
 * Headers and properties the pipeline steps set. Headers (not starting with "Camel" or "kafka.") become
 * Kafka record headers; properties stay inside the app.
 */
public final class PipelineHeaders {

    /** trade, aggTrade, bookTicker, depth or kline. */
    public static final String EVENT_TYPE = "k2.eventType";
    /** The record's deterministic message_id. */
    public static final String EVENT_ID = "k2.eventId";
    /** Hex CRC-64-AVRO fingerprint of the writer schema (also in the value's single-object header). */
    public static final String SCHEMA_FINGERPRINT = "k2.schemaFingerprint";
    /** "true" on a record made from an event fetched over REST to fill a gap (not read off the stream). */
    public static final String BACKFILLED = "k2.backfilled";
    /** On records not read off the stream: "backfill" (REST trade/aggTrade) or "snapshot" (REST depth). */
    public static final String ORIGIN = "k2.origin";
    /** Gap records: DETECTED or CLOSED. */
    public static final String GAP_RECORD = "k2.gapRecord";
    /** Dead-letter records: why the frame is there (a BadInputReason tag). */
    public static final String REASON = "k2.reason";
    /** Dead-letter records: the error message. */
    public static final String ERROR = "k2.error";
    /** Dead-letter records: "true" when the raw frame was cut to fit the topic; k2.frameBytes has the real size. */
    public static final String TRUNCATED = "k2.truncated";
    public static final String FRAME_BYTES = "k2.frameBytes";

    /**
     * Property: the {@link io.k2.binance.connection.BinanceFrame} a record was built from, kept for the
     * dead-letter topic (its original bytes when they are not the text's UTF-8, its full size when oversized).
     */
    public static final String RAW_FRAME_PROPERTY = "k2.rawFrame";

    private PipelineHeaders() {
    }
}
