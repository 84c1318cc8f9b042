package io.k2.binance.health;

import java.util.List;
import java.util.Map;

import io.k2.binance.component.BinanceComponent;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Liveness: DOWN only when the app is wedged and a restart is the cure: an ingest thread has died, or one
 * hand-over to the route has not returned for minutes. Waiting for Kafka (the in-flight limit, the delivery
 * gate) or for the exchange is not wedged: readiness says so, and a restart would only lose what is queued.
 */
public class IngestLivenessCheck extends AbstractHealthCheck {

    public IngestLivenessCheck() {
        super("k2", "ingest-progress");
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        BinanceComponent component = getCamelContext().hasComponent("binance") instanceof BinanceComponent b ? b : null;
        List<String> wedged = component == null ? List.of() : component.wedged();
        if (wedged.isEmpty()) {
            builder.up();
        } else {
            builder.message(String.join("; ", wedged));
            builder.down();
        }
    }
}
