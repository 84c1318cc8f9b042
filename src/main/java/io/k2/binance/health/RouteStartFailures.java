package io.k2.binance.health;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.k2.binance.observe.LogText;
import io.k2.binance.observe.MetricNames;
import io.k2.binance.observe.PipelineMetrics;
import io.k2.binance.observe.ThrottledLog;
import io.micrometer.core.instrument.Counter;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Makes a route that cannot start loud. The supervising route controller retries such a route every
 * {@code camel.routeController.backOffDelay} forever and logs each failure at INFO only ("Failed restarting
 * route"), so a producer setting Kafka refuses gave an app that served metrics and ingested nothing. This
 * notifier listens for Camel's route restarting-failure events (the first start attempt is one too, attempt
 * 0): it logs an ERROR with the cause chain (a few per route per minute), counts
 * {@code k2_route_start_failures_total{route}}, and keeps the last cause per route for the
 * {@link RoutesStartedHealthCheck}. A route that starts clears its entry.
 */
public class RouteStartFailures extends EventNotifierSupport {

    static final int LINES_PER_MINUTE = 3;

    /** Why a route is not started, as the last attempt to start it said. */
    public record Failure(String cause, long attempt, boolean exhausted) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final ThrottledLog log = new ThrottledLog(LoggerFactory.getLogger(RouteStartFailures.class), Level.ERROR,
            LINES_PER_MINUTE, "k2_route_start_failures_total");

    public RouteStartFailures() {
        // route events only: exchange events would be built for every record just to be ignored here
        setIgnoreCamelContextEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.RouteRestartingFailureEvent || event instanceof CamelEvent.RouteStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.RouteRestartingFailureEvent failed) {
            String route = failed.getRoute().getId();
            String cause = describe(failed.getCause());
            failures.put(route, new Failure(cause, failed.getAttempt(), failed.isExhausted()));
            counter(route).increment();
            log.log(route, "Route {} cannot start (attempt {}{}): {}. Fix the cause (for a Kafka producer setting: "
                            + "application.properties or its K2_KAFKA_* env var) and restart; readiness is DOWN "
                            + "(routes-started) until it starts", route, failed.getAttempt(),
                    failed.isExhausted() ? ", no more attempts" : ", retried every camel.routeController.backOffDelay",
                    cause);
        } else if (event instanceof CamelEvent.RouteStartedEvent started) {
            Failure before = failures.remove(started.getRoute().getId());
            if (before != null) {
                LoggerFactory.getLogger(RouteStartFailures.class).info("Route {} started after {} failed attempts",
                        started.getRoute().getId(), before.attempt() + 1);
            }
        }
    }

    /** The last failure of a route that has not started since, if any. */
    public Optional<Failure> of(String routeId) {
        return Optional.ofNullable(failures.get(routeId));
    }

    private Counter counter(String route) {
        return counters.computeIfAbsent(route, r -> Counter.builder(MetricNames.ROUTE_START_FAILURES)
                .description("Failed attempts to start a route").tag(MetricNames.TAG_ROUTE, r)
                .register(PipelineMetrics.of(getCamelContext()).registry()));
    }

    /**
     * {@code KafkaException: Failed to construct kafka producer; caused by IllegalArgumentException: ...},
     * skipping Camel's wrappers that only repeat their cause, escaped for the log.
     */
    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getCause() != null && c.getMessage() != null && c.getMessage().equals(c.getCause().toString())) {
                continue; // e.g. RuntimeCamelException(cause): its message is the cause's toString
            }
            if (!sb.isEmpty()) {
                sb.append("; caused by ");
            }
            sb.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        return LogText.escape(sb.toString());
    }
}
