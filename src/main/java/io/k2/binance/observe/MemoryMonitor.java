package io.k2.binance.observe;

import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the process's memory on a timer (routes/memory-monitor.camel.yaml), keeps the window of the
 * {@link LeakScore}, says through a {@link LeakAlarm} when the score is high for long enough, and exports the
 * last reading as gauges and as the details of the {@code memory} readiness check.
 *
 * <p>Every gauge reads the last {@link Reading}, so metrics and health always show the same values; they move
 * once per sample, not per scrape.
 */
public final class MemoryMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryMonitor.class);

    /** The last sample with the trend over the window at that time. */
    public record Reading(long atMillis, MemorySample memory, LeakScore.Trend trend, boolean degraded) {
    }

    private final Supplier<MemorySample> probe;
    private final LongSupplier clock;
    private final LeakScore window;
    private final LeakAlarm alarm;
    private volatile Reading reading;
    private boolean gaugesRegistered;

    /**
     * @param probe          reads the memory ({@link MemoryProbe} in the app)
     * @param clock          epoch millis of each sample
     * @param windowSamples  samples the trend is fitted over (k2.observe.memory-window-samples)
     * @param scoreThreshold score above which the memory is degraded (k2.observe.leak-score-threshold)
     */
    public MemoryMonitor(Supplier<MemorySample> probe, LongSupplier clock, int windowSamples, double scoreThreshold) {
        this.probe = probe;
        this.clock = clock;
        this.window = new LeakScore(windowSamples);
        this.alarm = new LeakAlarm(scoreThreshold);
    }

    /**
     * Takes a first reading and registers the gauges, once the context has started (the Prometheus registry
     * exists only by then). That reading is not part of the window: start-up growth (class loading, the JIT,
     * the first buffers) is not a leak, and the window begins with the timer's first sample, one period later.
     */
    public synchronized void start(MeterRegistry registry) {
        if (reading == null) {
            reading = new Reading(clock.getAsLong(), probe.get(), window.trend(), false);
        }
        if (gaugesRegistered) {
            return;
        }
        gaugesRegistered = true;
        gauge(registry, MetricNames.PROCESS_MEMORY_RSS, "Resident set size of the app process (OSHI)", "bytes",
                r -> r.memory().rssBytes());
        gauge(registry, MetricNames.PROCESS_RSS, "Resident set size of the app process (OSHI); same as "
                + "process_memory_rss_bytes", "bytes", r -> r.memory().rssBytes());
        gauge(registry, MetricNames.PROCESS_MEMORY_VMS, "Virtual size of the app process (OSHI)", "bytes",
                r -> r.memory().vmsBytes());
        gauge(registry, MetricNames.HEAP_AFTER_GC, "JVM heap in use right after the last garbage collection",
                "bytes", r -> r.memory().heapAfterGcBytes());
        gauge(registry, MetricNames.LEAK_SLOPE, "Growth of the RSS over the sample window, MB per hour", null,
                r -> r.trend().slopeMbPerHour());
        gauge(registry, MetricNames.LEAK_R2, "R squared of the RSS growth line over the sample window", null,
                r -> r.trend().r2());
        gauge(registry, MetricNames.LEAK_SCORE, "How much the RSS over the sample window looks like a leak, 0..1",
                null, r -> r.trend().score());
    }

    /**
     * The monitor is held strongly: Micrometer keeps a gauge's object only weakly by default, and a gauge whose
     * object was collected reads NaN from then on (what happened to the first RSS gauge after the first GC).
     */
    private void gauge(MeterRegistry registry, String name, String description, String unit,
                       ToDoubleFunction<Reading> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.reading)).description(description).baseUnit(unit)
                .strongReference(true).register(registry);
    }

    /** One sample: called by the timer route every k2.observe.memory-sample-seconds. */
    public synchronized void sample() {
        long now = clock.getAsLong();
        MemorySample memory = probe.get();
        LeakScore.Trend trend = window.add(now, memory.rssBytes());
        boolean wasDegraded = alarm.degraded();
        boolean degraded = alarm.update(trend.score());
        reading = new Reading(now, memory, trend, degraded);
        if (degraded && !wasDegraded) {
            LOG.warn("Memory looks like a leak: the RSS grows {} MB/h over the last {} samples (R² {}), leak score {} "
                    + "above {}; readiness details show degraded=true (docs/memory.md)", fmt(trend.slopeMbPerHour()),
                    trend.samples(), fmt(trend.r2()), fmt(trend.score()), alarm.threshold());
        } else if (!degraded && wasDegraded) {
            LOG.info("Memory no longer looks like a leak: leak score {} below {} for {} samples", fmt(trend.score()),
                    fmt(alarm.clearBelow()), LeakAlarm.CONSECUTIVE);
        }
    }

    /** The last reading, or null before {@link #start} and the first sample. */
    public Reading reading() {
        return reading;
    }

    /** Why the memory is degraded, for the health details. */
    public String degradedReason() {
        Reading r = reading;
        if (r == null || !r.degraded()) {
            return null;
        }
        return "leak score " + fmt(r.trend().score()) + " above " + alarm.threshold() + " (RSS grows "
                + fmt(r.trend().slopeMbPerHour()) + " MB/h over the last " + r.trend().samples() + " samples, R² "
                + fmt(r.trend().r2()) + "); clears after " + LeakAlarm.CONSECUTIVE + " samples below "
                + fmt(alarm.clearBelow());
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
