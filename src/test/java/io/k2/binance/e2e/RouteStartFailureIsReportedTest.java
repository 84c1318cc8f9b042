package io.k2.binance.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import io.k2.binance.testing.CapturedLog;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A route that cannot start is loud: a JAAS config that passes the settings check but that Kafka cannot parse
 * makes every Kafka producer fail to construct, so neither route starts. The app says so at ERROR with the
 * cause (and without the secret), and readiness is DOWN naming the routes and the cause.
 */
class RouteStartFailureIsReportedTest extends PipelineTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "hunter2-route-start";
    /** No terminating semicolon: Kafka's JAAS parser refuses it when the producer is built. */
    private static final String BROKEN_JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"k2\" password=\"" + SECRET + "\"";

    private static CapturedLog log;

    @BeforeAll
    static void startSimulatorAndCapture() {
        log = CapturedLog.withAppLayout(); // before the app starts: the failure happens while it starts
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt")).ratePerSecond(5).build());
    }

    @AfterAll
    static void stopCapture() {
        log.close();
    }

    @Override protected String topicPrefix() { return "routefail"; }
    @Override protected String symbols() { return "btcusdt"; }
    @Override protected String streams() { return "trade"; }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = super.useOverridePropertiesWithPropertiesComponent();
        p.setProperty("k2.kafka.security-protocol", "SASL_PLAINTEXT");
        p.setProperty("k2.kafka.sasl-mechanism", "PLAIN");
        p.setProperty("k2.kafka.sasl-jaas-config", BROKEN_JAAS);
        return p;
    }

    @Test
    void aRouteThatCannotStartIsAnErrorAndMakesReadinessDown() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> log.formatted(Level.ERROR).stream()
                .filter(l -> l.contains("Failed to construct kafka producer")).map(l -> l.contains("dead-letter") ? "dl" : l.contains("binance-ingest") ? "in" : "")
                .distinct().filter(s -> !s.isEmpty()).count() == 2);
        String error = log.formatted(Level.ERROR).stream()
                .filter(l -> l.contains("Failed to construct kafka producer")).findFirst().orElseThrow();
        assertThat(error).contains("cannot start").contains("JAAS");

        HttpResponse<String>[] last = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> (last[0] = observe("/observe/health/ready")).statusCode() == 503);
        JsonNode routes = null;
        for (JsonNode c : JSON.readTree(last[0].body()).path("checks")) {
            if ("routes-started".equals(c.path("name").asText())) {
                routes = c;
            }
        }
        assertThat(routes).as("routes-started check in " + last[0].body()).isNotNull();
        assertThat(routes.path("status").asText()).as(observe("/observe/health/ready?data=true").body()).isEqualTo("DOWN");
        assertThat(routes.path("message").asText()).contains("binance-ingest").contains("dead-letter")
                .contains("Failed to construct kafka producer");

        assertThat(log.text()).as("the JAAS password never reaches the log").doesNotContain(SECRET);
        assertThat(observe("/observe/health/ready?data=true").body()).doesNotContain(SECRET);
    }
}
