package io.k2.binance.pipeline;

/** What a record built from one frame is: a data record for its event topic, or a dead letter. */
public enum RecordOutcome {
    DATA,
    DEAD_LETTER;

    /** Exchange property on each record exchange. */
    public static final String PROPERTY = "k2.outcome";
}
