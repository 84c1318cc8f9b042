package io.k2.binance.health;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.spi.RouteController;
import org.apache.camel.spi.SupervisingRouteController;

/**
 * Readiness: DOWN while any route that should run is not started, naming each one and why it is not (the
 * last start failure seen by {@link RouteStartFailures}, else the supervising controller's). Camel's own
 * per-route checks say only the status; an operator needs the cause, e.g. "Failed to construct kafka producer".
 */
public class RoutesStartedHealthCheck extends AbstractHealthCheck {

    private final RouteStartFailures failures;

    public RoutesStartedHealthCheck(RouteStartFailures failures) {
        super("k2", "routes-started");
        this.failures = failures;
    }

    @Override
    public boolean isLiveness() {
        return false; // restarting the process does not fix a setting; readiness keeps traffic away
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        RouteController controller = getCamelContext().getRouteController();
        List<String> notStarted = new ArrayList<>();
        for (Route route : routes(controller)) {
            String id = route.getId();
            ServiceStatus status = controller.getRouteStatus(id);
            builder.detail("route." + id + ".status", status == null ? "unknown" : status.name());
            if (status == ServiceStatus.Started) {
                continue;
            }
            String cause = failures.of(id).map(RouteStartFailures.Failure::cause).orElse(null);
            if (cause == null && controller instanceof SupervisingRouteController supervising
                    && supervising.getRestartException(id) != null) {
                cause = RouteStartFailures.describe(supervising.getRestartException(id));
            }
            if (cause != null) {
                builder.detail("route." + id + ".error", cause);
            }
            notStarted.add(id + (cause == null ? "" : " (" + cause + ")"));
        }
        if (!notStarted.isEmpty()) {
            builder.message("not started: " + String.join(", ", notStarted));
            builder.down();
        } else if (controller.isStartingRoutes() || routes(controller).isEmpty()) {
            builder.message("routes are starting");
            builder.down();
        } else {
            builder.up();
        }
    }

    /**
     * Every route the app has, started or not: a route whose start failed is not in the context's route list,
     * but the supervising controller still holds it (restarting, or exhausted).
     */
    private Collection<Route> routes(RouteController controller) {
        Map<String, Route> byId = new LinkedHashMap<>();
        for (Route r : getCamelContext().getRoutes()) {
            byId.put(r.getId(), r);
        }
        for (Route r : controller.getControlledRoutes()) {
            byId.putIfAbsent(r.getId(), r);
        }
        if (controller instanceof SupervisingRouteController supervising) {
            for (Route r : supervising.getRestartingRoutes()) {
                byId.putIfAbsent(r.getId(), r);
            }
            for (Route r : supervising.getExhaustedRoutes()) {
                byId.putIfAbsent(r.getId(), r);
            }
        }
        return byId.values();
    }
}
