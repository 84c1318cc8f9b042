package io.k2.binance.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import io.k2.binance.testing.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * /observe/health/ready follows the two things the app needs: DOWN (503) naming the exchange connection
 * while no socket is open, UP (200) once the simulator is there, DOWN naming the broker address while the
 * (dedicated) broker is stopped, UP again after it restarts. /observe/health/live stays 200 throughout.
 */
class ReadinessTest extends PipelineTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIMULATOR_PORT = freePort();

    @RegisterExtension
    static KafkaBrokerExtension kafka = KafkaBrokerExtension.dedicated();
    /** Started by the test, after the app, on {@link #SIMULATOR_PORT}. */
    static BinanceSimulator simulator;

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Override protected String topicPrefix() { return "ready"; }
    @Override protected BinanceSimulator simulator() { return simulator; }
    @Override protected KafkaBrokerExtension kafka() { return kafka; }
    @Override protected String symbols() { return "btcusdt"; }
    @Override protected String streams() { return "trade"; }
    @Override protected String wsBaseUrl() { return "ws://127.0.0.1:" + SIMULATOR_PORT; }
    @Override protected String restBaseUrl() { return "http://127.0.0.1:" + SIMULATOR_PORT; }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = super.useOverridePropertiesWithPropertiesComponent();
        // reconnect within a second once the simulator is up, instead of after a long backoff
        p.setProperty("k2.binance.reconnect-initial-delay-ms", "200");
        p.setProperty("k2.binance.reconnect-max-delay-ms", "1000");
        return p;
    }

    @Test
    void readinessFollowsTheExchangeConnectionAndTheBroker() {
        // 1. no exchange yet: not ready, and the answer says it is the exchange connection
        // the broker check answers from its background probe, whose first answer comes shortly after start
        JsonNode down = awaitReady(503, r -> "UP".equals(check(r, "kafka-broker").path("status").asText()));
        JsonNode exchange = check(down, "binance-connection");
        assertThat(exchange.path("status").asText()).isEqualTo("DOWN");
        assertThat(exchange.path("message").asText()).contains("has no open connection to the exchange");
        assertThat(check(down, "kafka-broker").path("status").asText()).isEqualTo("UP");
        // with data=true the details name each shard, its state and why it is not open
        JsonNode exchangeData = check(readyWithData(503), "binance-connection").path("data");
        assertThat(exchangeData.path("binance.binance-ingest.shard0.state").asText()).isNotEqualTo("OPEN");
        assertThat(exchangeData.path("binance.binance-ingest.shard0.lastClose").asText()).contains("connect failed");
        assertLive();

        // 2. the exchange comes up: ready
        simulator = BinanceSimulator.start(SimulatorConfig.builder().port(SIMULATOR_PORT)
                .symbols(List.of("btcusdt")).ratePerSecond(10).build());
        JsonNode up = awaitReady(200);
        assertThat(up.path("status").asText()).isEqualTo("UP");
        assertThat(check(up, "binance-connection").path("status").asText()).isEqualTo("UP");
        assertThat(check(readyWithData(200), "binance-connection").path("data").path("binance.binance-ingest.shard0.state").asText())
                .isEqualTo("OPEN");
        assertLive();

        // 3. the broker goes away: not ready, and the answer names the broker address
        kafka.stop();
        JsonNode noBroker = awaitReady(503);
        JsonNode broker = check(noBroker, "kafka-broker");
        assertThat(broker.path("status").asText()).isEqualTo("DOWN");
        assertThat(broker.path("message").asText()).contains(kafka.bootstrapServers());
        assertThat(check(noBroker, "binance-connection").path("status").asText()).isEqualTo("UP");
        JsonNode brokerData = check(readyWithData(503), "kafka-broker").path("data");
        assertThat(brokerData.path("kafka.brokers").asText()).isEqualTo(kafka.bootstrapServers());
        assertThat(brokerData.path("kafka.error").asText()).isNotBlank();
        assertLive();

        // 4. the broker is back: ready again
        kafka.restart();
        assertThat(check(awaitReady(200), "kafka-broker").path("status").asText()).isEqualTo("UP");
        assertLive();

        // 5. the exchange goes away: not ready again
        simulator.close();
        JsonNode gone = awaitReady(503);
        assertThat(check(gone, "binance-connection").path("status").asText()).isEqualTo("DOWN");
        assertLive();
    }

    /** One readiness answer with the checks' details (?data=true), expected to have this status. */
    private JsonNode readyWithData(int status) {
        HttpResponse<String> r = observe("/observe/health/ready?data=true");
        LOG.info("readiness with details {}: {}", r.statusCode(), r.body());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return json(r.body());
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("readiness answer is not JSON: " + body, e);
        }
    }

    /** Polls readiness until it answers with this status, and returns that answer's JSON. */
    private JsonNode awaitReady(int status) {
        return awaitReady(status, r -> true);
    }

    /** Polls readiness until it answers with this status and an answer that matches. */
    private JsonNode awaitReady(int status, java.util.function.Predicate<JsonNode> matches) {
        HttpResponse<String>[] last = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> (last[0] = observe("/observe/health/ready")).statusCode() == status
                        && matches.test(json(last[0].body())));
        LOG.info("readiness {}: {}", status, last[0].body());
        return json(last[0].body());
    }

    private void assertLive() {
        HttpResponse<String> live = observe("/observe/health/live");
        assertThat(live.statusCode()).as("liveness: " + live.body()).isEqualTo(200);
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode c : health.path("checks")) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no check named " + name + " in " + health);
    }
}
