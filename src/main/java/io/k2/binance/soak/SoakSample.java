package io.k2.binance.soak;

import java.util.Map;

/**
 * One look at the app during a soak: RSS from /proc of its pid, the rest from its /observe/metrics. A metric
 * the app did not answer for is -1 (the chart leaves it out).
 *
 * @param reconnects unscheduled connection losses so far by reason ({@code binance_reconnects_total})
 * @param rotations  make-before-break replacements so far by reason ({@code binance_connection_rotations_total})
 * @param faults     faults injected so far
 */
public record SoakSample(long atMillis, double elapsedSeconds, long rssBytes, long heapAfterGcBytes, double leakScore,
                         long eventsReceived, long eventsAcked, Map<String, Long> reconnects,
                         Map<String, Long> rotations, long gaps, int faults) {

    public long reconnectsTotal() {
        return reconnects.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rotationsTotal() {
        return rotations.values().stream().mapToLong(Long::longValue).sum();
    }
}
