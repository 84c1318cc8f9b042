package io.k2.binance.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One clear WARN line per dead-lettered frame, but at most {@value #LINES_PER_MINUTE} per reason per
 * minute: a broken feed can produce thousands a second, and the metric already counts every one. The
 * first line after a quiet spell says how many were left out.
 */
final class DeadLetterLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.k2.binance.deadletter");
    static final int LINES_PER_MINUTE = 20;

    private static final class Window {
        long startMillis;
        int logged;
        final AtomicLong suppressed = new AtomicLong();
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    void warn(String reason, String stream, String error, String frameExcerpt) {
        Window w = windows.computeIfAbsent(reason, r -> new Window());
        long suppressedBefore;
        synchronized (w) {
            long now = System.currentTimeMillis();
            if (now - w.startMillis >= 60_000) {
                w.startMillis = now;
                w.logged = 0;
            }
            if (w.logged >= LINES_PER_MINUTE) {
                w.suppressed.incrementAndGet();
                return;
            }
            w.logged++;
            suppressedBefore = w.suppressed.getAndSet(0);
        }
        LOG.warn("Dead-lettered a frame from {}: reason={} error=\"{}\" frame={}{}", stream, reason, error, frameExcerpt,
                suppressedBefore > 0 ? " (" + suppressedBefore + " more with this reason were not logged; see "
                        + "k2_records_dead_lettered_total)" : "");
    }
}
