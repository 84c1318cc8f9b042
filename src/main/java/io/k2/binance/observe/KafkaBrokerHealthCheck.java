package io.k2.binance.observe;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Readiness: DOWN while no Kafka broker answers. It asks the cluster for its nodes with a short timeout
 * (an idle producer cannot tell a dead cluster from a quiet one) and caches the answer briefly, so a
 * scrape storm cannot turn into an admin-request storm.
 */
public class KafkaBrokerHealthCheck extends AbstractHealthCheck {

    private static final long CACHE_MILLIS = 2_000;

    private final String brokers;
    private final Properties clientProperties;
    private Admin admin;
    private long checkedAt;
    private String lastProblem;
    private int lastNodes;

    /**
     * @param brokers          bootstrap servers, e.g. 127.0.0.1:9092
     * @param clientProperties security settings shared with the producer (may be empty)
     */
    public KafkaBrokerHealthCheck(String brokers, Properties clientProperties) {
        super("k2", "kafka-broker");
        this.brokers = brokers;
        this.clientProperties = clientProperties;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected synchronized void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        long now = System.currentTimeMillis();
        if (now - checkedAt > CACHE_MILLIS) {
            probe();
            checkedAt = System.currentTimeMillis();
        }
        builder.detail("kafka.brokers", brokers);
        if (lastProblem == null) {
            builder.detail("kafka.nodes", lastNodes);
            builder.up();
        } else {
            builder.detail("kafka.error", lastProblem);
            builder.message("no Kafka broker reachable at " + brokers + " (k2.kafka.brokers / K2_KAFKA_BROKERS)");
            builder.down();
        }
    }

    /** Asks the cluster once; returns null when a broker answered, else what went wrong. */
    public synchronized String probeOnce() {
        probe();
        return lastProblem;
    }

    private void probe() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(3_000)).nodes()
                    .get(4, TimeUnit.SECONDS).size();
            lastNodes = nodes;
            lastProblem = nodes > 0 ? null : "cluster reports no nodes";
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            lastProblem = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
    }

    private Admin admin() {
        if (admin == null) {
            Properties p = new Properties();
            p.putAll(clientProperties);
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4_000);
            p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
            p.put(AdminClientConfig.CLIENT_ID_CONFIG, "k2-health");
            admin = Admin.create(p);
        }
        return admin;
    }

    /** Closes the admin client; called when the context stops. */
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
