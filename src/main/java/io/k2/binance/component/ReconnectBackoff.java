package io.k2.binance.component;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter for reconnects. Jitter keeps a fleet of instances from reconnecting
 * in lock-step after a Binance-wide disconnect, and the floor keeps us well under Binance's limit of 300
 * connection attempts per 5 minutes per IP.
 */
final class ReconnectBackoff {

    private final long initialMillis;
    private final long maxMillis;
    private int failures;

    ReconnectBackoff(long initialMillis, long maxMillis) {
        if (initialMillis <= 0 || maxMillis < initialMillis) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initialMillis + ", " + maxMillis);
        }
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
    }

    /** The delay before the next attempt; grows with each call until {@link #reset()}. */
    synchronized long nextDelayMillis() {
        long ceiling = Math.min(maxMillis, initialMillis << Math.min(failures, 20));
        failures++;
        // full jitter, but never below the initial delay
        return initialMillis + ThreadLocalRandom.current().nextLong(Math.max(1, ceiling - initialMillis + 1));
    }

    synchronized int failures() {
        return failures;
    }

    synchronized void reset() {
        failures = 0;
    }
}
