package io.k2.binance.pipeline;

/** What a record built from one frame is: a data record for its event topic, a gap record, or a dead letter. */
public enum RecordOutcome {
    DATA,
    /** A GapV1 record for the gaps topic; encoded like data, counted apart (k2_gap_records_total). */
    GAP,
    DEAD_LETTER;

    /** Exchange property on each record exchange. */
    public static final String PROPERTY = "k2.outcome";
}
