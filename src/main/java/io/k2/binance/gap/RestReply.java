package io.k2.binance.gap;

/**
 * What one REST request came to.
 *
 * @param status HTTP status, or 0 when no answer came (connection refused, timeout, the look-back ran out
 *               while it waited)
 * @param body   the answer body, or a description of what went wrong
 * @param failure null on 200; else the reason tag a gap that gives up on it publishes
 */
record RestReply(int status, String body, String failure) {

    boolean ok() {
        return status == 200 && failure == null;
    }
}
