package io.k2.binance.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * "300 connections per attempt every 5 minutes per IP" (binance-protocol.md §2). Every handshake counts,
 * refused ones too, so a client that keeps hammering stays refused, as an IP ban would.
 */
final class ConnectionAttemptLimit {

    private final int limit;
    private final long windowNanos;
    private final Map<String, ArrayDeque<Long>> attemptsByIp = new HashMap<>();

    ConnectionAttemptLimit(int limit, Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** Counts one attempt from {@code ip}; false when it is over the limit. */
    synchronized boolean admit(String ip, long nowNanos) {
        ArrayDeque<Long> attempts = attemptsByIp.computeIfAbsent(ip, k -> new ArrayDeque<>());
        while (!attempts.isEmpty() && nowNanos - attempts.peekFirst() >= windowNanos) {
            attempts.pollFirst();
        }
        attempts.addLast(nowNanos);
        return attempts.size() <= limit;
    }
}
