package io.k2.binance.observe;

import java.util.List;
import java.util.Map;

import io.k2.binance.component.BinanceComponent;
import io.k2.binance.component.ConnectionState;
import io.k2.binance.component.ConnectionStatus;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: DOWN while any binance endpoint has no open connection to the exchange. The details name
 * each endpoint, its state and its last error, and warn when TLS verification is off.
 */
public class BinanceConnectionHealthCheck extends AbstractHealthCheck {

    public BinanceConnectionHealthCheck() {
        super("k2", "binance-connection");
    }

    @Override
    public boolean isLiveness() {
        return false; // a dead exchange link is not a reason to restart the process; it reconnects by itself
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        BinanceComponent component = getCamelContext().hasComponent("binance") instanceof BinanceComponent b ? b : null;
        List<ConnectionStatus> statuses = component == null ? List.of() : component.connectionStatuses();
        if (statuses.isEmpty()) {
            builder.detail("binance", "no binance consumer is running (is the ingest route started?)");
            builder.down();
            return;
        }
        boolean allOpen = true;
        for (ConnectionStatus s : statuses) {
            // named by route id: the endpoint key carries every URI option (base URL, all symbols...)
            String prefix = "binance." + s.route() + ".";
            builder.detail(prefix + "state", s.state().name());
            builder.detail(prefix + "url", s.url());
            if (s.connectionId() != null) {
                builder.detail(prefix + "connectionId", s.connectionId());
                builder.detail(prefix + "openSince", java.time.Instant.ofEpochMilli(s.openSinceMillis()).toString());
            }
            if (s.lastError() != null) {
                builder.detail(prefix + "lastError", s.lastError());
            }
            if (s.failures() > 0) {
                builder.detail(prefix + "failedAttempts", s.failures());
            }
            if (!s.tlsVerify()) {
                builder.detail(prefix + "WARNING", "TLS verification is OFF (k2.binance.ssl-verify=false)");
            }
            allOpen &= s.state() == ConnectionState.OPEN;
        }
        if (allOpen) {
            builder.up();
        } else {
            builder.message("no open connection to the exchange");
            builder.down();
        }
    }
}
