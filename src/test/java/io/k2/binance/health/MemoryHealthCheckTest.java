package io.k2.binance.health;

import java.util.concurrent.atomic.AtomicLong;

import io.k2.binance.observe.MemoryMonitor;
import io.k2.binance.observe.MemorySample;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The memory readiness check: the monitor's values as details, degraded as a detail, and always UP. */
class MemoryHealthCheckTest {

    private static final long MB = 1024 * 1024;

    private final AtomicLong now = new AtomicLong(1_764_000_000_000L);
    private final AtomicLong rss = new AtomicLong(300 * MB);
    private final MemoryMonitor monitor = new MemoryMonitor(() -> new MemorySample(rss.get(), 4000 * MB, 40 * MB),
            now::get, 20, 0.8);

    private HealthCheck.Result call() {
        MemoryHealthCheck check = new MemoryHealthCheck(monitor);
        check.setCamelContext(new DefaultCamelContext());
        return check.call();
    }

    @Test
    void isAReadinessCheckNamedMemory() {
        MemoryHealthCheck check = new MemoryHealthCheck(monitor);
        assertThat(check.getId()).isEqualTo("memory");
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
    }

    @Test
    void detailsCarryTheLastReading() {
        monitor.start(new SimpleMeterRegistry());
        HealthCheck.Result r = call();
        assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(r.getDetails()).containsEntry("rssBytes", 300 * MB).containsEntry("vmsBytes", 4000 * MB)
                .containsEntry("heapAfterGcBytes", 40 * MB).containsEntry("leakScore", 0.0)
                .containsEntry("degraded", false).containsKeys("slopeMbPerHour", "r2", "samples", "sampledAt")
                .doesNotContainKey("degradedReason");
    }

    @Test
    void aDegradedReadingIsADetailWithItsReasonWhileTheCheckStaysUp() {
        monitor.start(new SimpleMeterRegistry());
        while (!monitor.reading().degraded()) {
            now.addAndGet(30_000);
            rss.addAndGet(MB);
            monitor.sample();
        }
        HealthCheck.Result r = call();
        assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(r.getDetails()).containsEntry("degraded", true);
        assertThat((String) r.getDetails().get("degradedReason")).contains("leak score").contains("above 0.8");
    }

    @Test
    void beforeTheFirstReadingItIsUpAndSaysSo() {
        HealthCheck.Result r = call();
        assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(r.getDetails()).containsEntry("memory", "not sampled yet");
    }
}
