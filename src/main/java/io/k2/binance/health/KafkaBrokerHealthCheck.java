package io.k2.binance.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.k2.binance.observe.LogText;
import org.apache.camel.Service;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness: DOWN while no Kafka broker answers. An idle producer cannot tell a dead cluster from a quiet one,
 * so a background probe asks the cluster for its nodes every few seconds and keeps the answer; a readiness
 * call only reads that answer, so it returns within microseconds even while every probe waits for its
 * timeout (a probe in the caller's thread made a third of the calls take over 3 s during an outage). Camel
 * has no periodic health check runner for registry checks, hence the scheduler here; it comes from the
 * context's executor service manager (a daemon thread), and {@link #stop()} ends it with the context.
 *
 * <p>Also the one place that tells an operator, once per outage, that the broker address does not answer.
 */
public class KafkaBrokerHealthCheck extends AbstractHealthCheck implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerHealthCheck.class);
    private static final int PROBE_TIMEOUT_MS = 3_000;

    /** What the last probe found; replaced whole, so a reader never sees half of one probe's answer. */
    private record State(String problem, int nodes, Instant at) {
        static final State NOT_YET = new State("no probe has completed yet", 0, null);
    }

    private final String brokers;
    private final Properties clientProperties;
    private final long intervalMillis;
    private volatile State state = State.NOT_YET;
    private ScheduledExecutorService scheduler;
    private Admin admin;
    private boolean warnedSinceLastUp;

    /**
     * @param brokers          bootstrap servers, e.g. 127.0.0.1:9092
     * @param clientProperties security settings shared with the producer (may be empty)
     * @param intervalMillis   pause between the end of one probe and the start of the next
     */
    public KafkaBrokerHealthCheck(String brokers, Properties clientProperties, long intervalMillis) {
        super("k2", "kafka-broker");
        this.brokers = brokers;
        this.clientProperties = clientProperties;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        State s = state;
        builder.detail("kafka.brokers", brokers);
        if (s.at() != null) {
            builder.detail("kafka.checkedAt", s.at().toString());
        }
        if (s.problem() == null) {
            builder.detail("kafka.nodes", s.nodes());
            builder.up();
        } else {
            builder.detail("kafka.error", s.problem());
            builder.message("no Kafka broker reachable at " + brokers + " (k2.kafka.brokers / K2_KAFKA_BROKERS)");
            builder.down();
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "k2-kafka-broker-probe");
            scheduler.scheduleWithFixedDelay(this::probe, 0, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            // interrupts a probe waiting for its answer; wait for it to return so the admin client is not in use
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
        closeAdmin();
    }

    /** One probe; runs on the scheduler thread only. */
    private void probe() {
        State next;
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_TIMEOUT_MS)).nodes()
                    .get(PROBE_TIMEOUT_MS + 1_000, TimeUnit.MILLISECONDS).size();
            next = new State(nodes > 0 ? null : "cluster reports no nodes", nodes, Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // stopping
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            next = new State(LogText.escape(cause.getClass().getSimpleName() + ": " + cause.getMessage()), 0,
                    Instant.now());
        } catch (Throwable t) {
            // a scheduled task that throws is never run again: keep probing whatever happens
            next = new State(LogText.escape(t.toString()), 0, Instant.now());
        }
        state = next;
        if (next.problem() != null && !warnedSinceLastUp) {
            warnedSinceLastUp = true;
            LOG.warn("No Kafka broker reachable at {} ({}). Set k2.kafka.brokers / K2_KAFKA_BROKERS to your cluster, "
                    + "or start a local one with `bin/k2 kafka start`. The app keeps running: readiness is DOWN, and "
                    + "records wait in the producer up to k2.kafka.delivery-timeout-ms, then are dead-lettered "
                    + "(logged if Kafka is still unreachable).", brokers, next.problem());
        } else if (next.problem() == null && warnedSinceLastUp) {
            warnedSinceLastUp = false;
            LOG.info("Kafka broker at {} answers again ({} nodes)", brokers, next.nodes());
        }
    }

    private Admin admin() {
        if (admin == null) {
            Properties p = new Properties();
            p.putAll(clientProperties);
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MS);
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MS + 1_000);
            p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
            p.put(AdminClientConfig.CLIENT_ID_CONFIG, "k2-health");
            admin = Admin.create(p);
        }
        return admin;
    }

    private void closeAdmin() {
        Admin a = admin;
        admin = null;
        if (a != null) {
            a.close(Duration.ofSeconds(2));
        }
    }
}
