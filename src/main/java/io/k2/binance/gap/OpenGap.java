package io.k2.binance.gap;

import io.k2.binance.sequence.Gap;
import io.k2.binance.sequence.GapCause;

/** A gap being closed: what is missing, what was recovered so far, and whether it still lands in order. */
final class OpenGap {

    final Gap gap;
    final String id;
    final String symbol;
    final GapCause cause;
    final String connectionId;
    final long detectedAtMicros;
    final long deadlineMillis;
    /** The next id to ask the REST API for (trade and aggTrade gaps). */
    long next;
    long recovered;
    /** Ids the REST API no longer had (the first row it answered with was past them). */
    long goneFromRest;
    int emptyAnswers;
    int staleSnapshots;
    /** Not a gap: the first diff of a depth stream, which gets a snapshot so a consumer can start a book. */
    boolean initial;
    /** Set when the stream's hold ran out: what is backfilled from now on lands after later live events. */
    boolean late;

    OpenGap(Gap gap, String symbol, GapCause cause, String connectionId, long detectedAtMicros, long deadlineMillis) {
        this.gap = gap;
        this.id = gap.stream() + ":" + gap.firstMissing() + "-" + gap.lastMissing();
        this.symbol = symbol;
        this.cause = cause;
        this.connectionId = connectionId;
        this.detectedAtMicros = detectedAtMicros;
        this.deadlineMillis = deadlineMillis;
        this.next = gap.firstMissing();
    }

    /** The U of the diff that revealed a depth gap: a snapshot must be at least there (Binance's rule). */
    long firstHeldUpdateId() {
        return gap.lastMissing() + 1;
    }
}
