package io.k2.binance.observe;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The monitor over a scripted probe and clock: readings, the window, the degraded flag and the gauges. */
class MemoryMonitorTest {

    private static final long MB = 1024 * 1024;
    private static final long PERIOD_MS = 30_000;

    private final AtomicLong now = new AtomicLong(1_764_000_000_000L);
    private final AtomicLong rss = new AtomicLong(300 * MB);
    private final MeterRegistry registry = new SimpleMeterRegistry();

    private MemoryMonitor monitor(int window) {
        return new MemoryMonitor(() -> new MemorySample(rss.get(), 4000 * MB, 40 * MB), now::get, window, 0.8);
    }

    /** One timer tick: the clock moves on a period, the RSS by {@code growMb}, then the monitor samples. */
    private void tick(MemoryMonitor monitor, double growMb) {
        now.addAndGet(PERIOD_MS);
        rss.addAndGet((long) (growMb * MB));
        monitor.sample();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    @Test
    void startFillsTheGaugesWithAReadingThatIsNotPartOfTheWindow() {
        MemoryMonitor m = monitor(120);
        assertThat(m.reading()).isNull();
        m.start(registry);
        assertThat(gauge(MetricNames.PROCESS_MEMORY_RSS)).isEqualTo(300.0 * MB);
        assertThat(gauge(MetricNames.PROCESS_RSS)).isEqualTo(300.0 * MB);
        assertThat(gauge(MetricNames.PROCESS_MEMORY_VMS)).isEqualTo(4000.0 * MB);
        assertThat(gauge(MetricNames.HEAP_AFTER_GC)).isEqualTo(40.0 * MB);
        assertThat(gauge(MetricNames.LEAK_SCORE)).isZero();
        assertThat(m.reading().trend().samples()).isZero();
    }

    @Test
    void gaugesAndReadingFollowEachSample() {
        MemoryMonitor m = monitor(120);
        m.start(registry);
        for (int i = 0; i < 120; i++) {
            tick(m, 50.0 / 120); // 50 MB/h
        }
        assertThat(m.reading().trend().samples()).isEqualTo(120);
        assertThat(gauge(MetricNames.PROCESS_MEMORY_RSS)).isEqualTo((double) rss.get());
        assertThat(gauge(MetricNames.LEAK_SLOPE)).isCloseTo(50, within(0.5));
        assertThat(gauge(MetricNames.LEAK_R2)).isCloseTo(1, within(0.01));
        assertThat(gauge(MetricNames.LEAK_SCORE)).isEqualTo(m.reading().trend().score()).isCloseTo(1, within(0.02));
    }

    @Test
    void aSteadyLeakMarksTheReadingDegradedWithAReasonAndFlatMemoryClearsIt() {
        MemoryMonitor m = monitor(20);
        m.start(registry);
        int ticks = 0;
        while (!m.reading().degraded()) {
            tick(m, 1); // 120 MB/h
            assertThat(++ticks).as("samples until degraded").isLessThan(LeakScore.MIN_SAMPLES + LeakAlarm.CONSECUTIVE);
        }
        assertThat(ticks).isEqualTo(LeakScore.MIN_SAMPLES + LeakAlarm.CONSECUTIVE - 1);
        assertThat(m.degradedReason()).contains("leak score 1.00 above 0.8").contains("MB/h");
        // flat from now on: once the climb has left the window the score is 0 and, 3 samples later, clear
        for (int i = 0; i < 20 + LeakAlarm.CONSECUTIVE; i++) {
            tick(m, 0);
        }
        assertThat(m.reading().degraded()).isFalse();
        assertThat(m.degradedReason()).isNull();
    }

    @Test
    void startingTwiceRegistersEachGaugeOnce() {
        MemoryMonitor m = monitor(120);
        m.start(registry);
        m.start(registry);
        assertThat(registry.find(MetricNames.LEAK_SCORE).gauges()).hasSize(1);
    }
}
