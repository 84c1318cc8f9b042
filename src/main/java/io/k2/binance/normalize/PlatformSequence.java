package io.k2.binance.normalize;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-symbol counter of accepted events (all event types of a symbol share one counter), starting at 1.
 * It lives in memory only: it orders what one process accepted and restarts with the process.
 * Thread-safe.
 */
final class PlatformSequence {

    private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

    long next(String symbol) {
        AtomicLong counter = counters.get(symbol);
        if (counter == null) {
            counter = counters.computeIfAbsent(symbol, s -> new AtomicLong());
        }
        return counter.incrementAndGet();
    }
}
