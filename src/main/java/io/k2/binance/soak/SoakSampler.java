package io.k2.binance.soak;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import io.k2.binance.cli.MetricsScrape;
import io.k2.binance.cli.ProcessMemory;
import io.k2.binance.cli.PromName;
import io.k2.binance.observe.MetricNames;

/**
 * Takes a {@link SoakSample}: RSS from /proc of the app's pid (what the OS charges it, read from outside so a
 * stuck app is measured too), everything else from the app's own metrics.
 */
final class SoakSampler {

    static final String HEAP_AFTER_GC = PromName.gauge(MetricNames.HEAP_AFTER_GC);
    static final String LEAK_SCORE = PromName.gauge(MetricNames.LEAK_SCORE);
    static final String ACKED = PromName.counter(MetricNames.RECORDS_ACKED);
    static final String RECEIVED = PromName.counter(MetricNames.EVENTS_RECEIVED);
    static final String RECONNECTS = PromName.counter(MetricNames.RECONNECTS);
    static final String ROTATIONS = PromName.counter(MetricNames.ROTATIONS);
    static final String GAPS = PromName.counter(MetricNames.SEQUENCE_GAPS);
    static final String GAPS_OPEN = PromName.gauge(MetricNames.GAPS_OPEN);

    private final ProcessMemory memory = new ProcessMemory();
    private final String metricsUrl;
    private final long pid;
    private final long startNanos;

    SoakSampler(String metricsUrl, long pid, long startNanos) {
        this.metricsUrl = metricsUrl;
        this.pid = pid;
        this.startNanos = startNanos;
    }

    long rssBytes() {
        return memory.rssBytes(pid);
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    SoakSample sample(int faults) {
        long at = System.currentTimeMillis();
        double elapsed = elapsedSeconds();
        long rss = rssBytes();
        try {
            MetricsScrape m = MetricsScrape.of(metricsUrl);
            return new SoakSample(at, elapsed, rss, (long) m.sum(HEAP_AFTER_GC), m.sum(LEAK_SCORE), (long) m.sum(RECEIVED),
                    (long) m.sum(ACKED), longs(m.sumBy(RECONNECTS, MetricNames.TAG_REASON)),
                    longs(m.sumBy(ROTATIONS, MetricNames.TAG_REASON)), (long) m.sum(GAPS), faults);
        } catch (IOException e) {
            return new SoakSample(at, elapsed, rss, -1, -1, -1, -1, Map.of(), Map.of(), -1, faults);
        }
    }

    /** The app's open gaps now, -1 when it does not answer. */
    long gapsOpen() {
        try {
            return (long) MetricsScrape.of(metricsUrl).sum(GAPS_OPEN);
        } catch (IOException e) {
            return -1;
        }
    }

    private static Map<String, Long> longs(Map<String, Double> values) {
        Map<String, Long> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, v.longValue()));
        return out;
    }
}
