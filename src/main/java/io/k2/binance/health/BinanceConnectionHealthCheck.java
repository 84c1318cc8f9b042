package io.k2.binance.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.k2.binance.component.BinanceComponent;
import io.k2.binance.connection.GroupStatus;
import io.k2.binance.connection.ShardStatus;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: DOWN while a shard has no delivering connection, or while its delivering connection has been
 * silent past the health-check timeout (stale data; its replacement is under way). Streams stale one by one
 * are listed in the details but do not take readiness down: a quiet market is not an outage. UP through a planned
 * rotation: the old connection delivers until the new one takes over, so there is always one. Answers from
 * state the connection layer keeps up to date; it never touches a socket.
 *
 * <p>The details show per connection its age, last message age, last pong, reconnects and the last close.
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
        List<GroupStatus> groups = component == null ? List.of() : component.connectionStatuses();
        if (groups.isEmpty()) {
            builder.detail("binance", "no binance consumer is running (is the ingest route started?)");
            builder.down();
            return;
        }
        long now = System.currentTimeMillis();
        String problem = null;
        for (GroupStatus g : groups) {
            String prefix = "binance." + g.route() + ".";
            for (ShardStatus s : g.shards()) {
                String sp = prefix + "shard" + s.shard() + ".";
                builder.detail(sp + "state", s.state().name());
                builder.detail(sp + "streams", s.streams());
                builder.detail(sp + "reconnects", s.reconnects());
                builder.detail(sp + "rotations", s.rotations());
                if (s.rotating() != null) {
                    builder.detail(sp + "rotating", s.rotating());
                }
                if (s.lastError() != null) {
                    builder.detail(sp + "lastClose", s.lastError());
                }
                if (s.failures() > 0) {
                    builder.detail(sp + "failedAttempts", s.failures());
                }
                for (ShardStatus.Connection c : s.connections()) {
                    String cp = sp + c.role() + ".";
                    builder.detail(cp + "connectionId", c.id());
                    builder.detail(cp + "url", c.url());
                    builder.detail(cp + "openSince", Instant.ofEpochMilli(c.openedAtMillis()).toString());
                    builder.detail(cp + "ageSeconds", (now - c.openedAtMillis()) / 1000);
                    builder.detail(cp + "lastMessageAgeMillis", now - c.lastMessageMillis());
                    builder.detail(cp + "lastPong", c.lastPongMillis() == 0 ? "none yet"
                            : Instant.ofEpochMilli(c.lastPongMillis()).toString());
                    if (c.paused()) {
                        builder.detail(cp + "paused", "back-pressure: the pipeline is behind");
                    }
                }
                if (problem == null && s.state() != io.k2.binance.connection.ConnectionState.OPEN) {
                    problem = "shard " + s.shard() + " of " + g.route() + " has no open connection to the exchange ("
                            + s.state() + (s.lastError() == null ? "" : ", " + s.lastError()) + ")";
                }
            }
            if (!g.staleStreams().isEmpty()) {
                builder.detail(prefix + "staleStreams", String.join(",", g.staleStreams()));
            }
            if (g.shedding()) {
                builder.detail(prefix + "WARNING.shedding", "Kafka cannot keep up: frames that do not fit the queue are "
                        + "shed (k2_records_dead_letter_failed_total{reason=\"ingest_overflow\"})");
            }
            if (g.connectHeldUntilMillis() > now) {
                builder.detail(prefix + "connectsHeldUntil", Instant.ofEpochMilli(g.connectHeldUntilMillis()).toString());
            }
            if (!g.tlsVerify()) {
                builder.detail(prefix + "WARNING", "TLS verification is OFF (k2.binance.ssl-verify=false)");
            }
            if (g.plaintextRemote()) {
                builder.detail(prefix + "WARNING.plaintext", "plain ws:// to a remote host (k2.binance.allow-plaintext=true)");
            }
        }
        if (problem != null) {
            builder.message(problem);
            builder.down();
        } else {
            builder.up();
        }
    }
}
