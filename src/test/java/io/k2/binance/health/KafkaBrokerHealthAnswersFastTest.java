package io.k2.binance.health;

import java.time.Duration;
import java.util.Properties;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With no broker at the address (a refused loopback port), the kafka-broker check still answers within a few
 * milliseconds, DOWN, with the probe's error in its details: the probe runs in the background, and stops
 * with the context.
 */
class KafkaBrokerHealthAnswersFastTest {

    private static final long FAST_MILLIS = 50;

    private final DefaultCamelContext context = new DefaultCamelContext();

    @AfterEach
    void stopContext() {
        context.stop();
    }

    /** A loopback port nothing listens on: it was free a moment ago, so connects to it are refused. */
    private static int refusedPort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void answersFromBackgroundStateWhileNoBrokerAnswers() throws Exception {
        String brokers = "127.0.0.1:" + refusedPort();
        KafkaBrokerHealthCheck check = new KafkaBrokerHealthCheck(brokers, new Properties(), 2_000);
        check.setCamelContext(context);
        context.addService(check);
        context.start();

        // the first probe's answer (a refused port: about 3-4 s, its request timeout)
        await().atMost(Duration.ofSeconds(20)).until(() -> check.call().getState() == HealthCheck.State.DOWN);
        // 8 s: one probe starts every 2 s after the last, so this window spans at least two probes; a check that
        // probed in the caller's thread would be slow in it at least once
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    long t0 = System.nanoTime();
                    HealthCheck.Result r = check.call();
                    long millis = (System.nanoTime() - t0) / 1_000_000;
                    return millis < FAST_MILLIS && r.getState() == HealthCheck.State.DOWN;
                });
        HealthCheck.Result down = check.call();
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains(brokers));
        assertThat(down.getDetails()).containsKey("kafka.error");

        context.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && (t.getName().contains("kafka-broker-probe")
                        || t.getName().contains("k2-health"))));
    }
}
