package io.k2.binance.health;

import java.util.Map;

import io.k2.binance.observe.MemoryMonitor;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness details of the memory monitor: RSS, VMS, heap after GC, the growth over the window, its R² and the
 * leak score, and {@code degraded=true} with the reason while the score has been high (docs/memory.md). Always
 * UP: a slow leak is a reason to look and to plan a restart, not to take traffic away now, and a readiness that
 * flipped on memory would only move the load (and the leak) to the other instance.
 */
public class MemoryHealthCheck extends AbstractHealthCheck {

    private final MemoryMonitor monitor;

    public MemoryHealthCheck(MemoryMonitor monitor) {
        super("k2", "memory");
        this.monitor = monitor;
    }

    @Override
    public boolean isLiveness() {
        return false; // a restart does cure a leak, but that is the operator's call (the alert), not the probe's
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        MemoryMonitor.Reading r = monitor.reading();
        if (r == null) {
            builder.detail("memory", "not sampled yet");
            builder.up();
            return;
        }
        builder.detail("rssBytes", r.memory().rssBytes());
        builder.detail("vmsBytes", r.memory().vmsBytes());
        builder.detail("heapAfterGcBytes", r.memory().heapAfterGcBytes());
        builder.detail("slopeMbPerHour", r.trend().slopeMbPerHour());
        builder.detail("r2", r.trend().r2());
        builder.detail("leakScore", r.trend().score());
        builder.detail("samples", r.trend().samples());
        builder.detail("sampledAt", java.time.Instant.ofEpochMilli(r.atMillis()).toString());
        builder.detail("degraded", r.degraded());
        String reason = monitor.degradedReason();
        if (reason != null) {
            builder.detail("degradedReason", reason);
            builder.message("degraded: " + reason);
        }
        builder.up();
    }
}
