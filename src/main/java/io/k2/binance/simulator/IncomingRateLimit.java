package io.k2.binance.simulator;

import java.util.ArrayDeque;

/**
 * Binance's "5 incoming messages per second" per connection: pings, pongs and JSON control messages,
 * counted in a strict rolling one-second window, as field reports describe it (binance-protocol.md §2).
 */
final class IncomingRateLimit {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int limit;
    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();

    IncomingRateLimit(int limit) {
        this.limit = limit;
    }

    /** Counts one message; false when it is one too many. */
    boolean admit(long nowNanos) {
        while (!arrivals.isEmpty() && nowNanos - arrivals.peekFirst() >= WINDOW_NANOS) {
            arrivals.pollFirst();
        }
        arrivals.addLast(nowNanos);
        return arrivals.size() <= limit;
    }
}
