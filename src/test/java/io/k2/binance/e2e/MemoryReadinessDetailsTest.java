package io.k2.binance.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The timer route routes/memory-monitor.camel.yaml samples on its period, and readiness (?data=true) carries the
 * memory check's values; the check is UP and not degraded while memory is not climbing.
 */
class MemoryReadinessDetailsTest extends PipelineTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder()
                .symbols(List.of("btcusdt"))
                .ratePerSecond(20)
                .seed(3)
                .build());
    }

    @Override protected String topicPrefix() { return "memory-ready"; }
    @Override protected String symbols() { return "btcusdt"; }
    @Override protected String streams() { return "trade"; }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = super.useOverridePropertiesWithPropertiesComponent();
        p.setProperty("k2.observe.memory-sample-seconds", "1");
        return p;
    }

    /** The memory check's details in one readiness answer, or a missing node before the check is listed. */
    private JsonNode memoryDetails() throws Exception {
        HttpResponse<String> r = observe("/observe/health/ready?data=true");
        for (JsonNode c : JSON.readTree(r.body()).path("checks")) {
            if ("memory".equals(c.path("name").asText())) {
                return c;
            }
        }
        return JSON.missingNode();
    }

    @Test
    void readinessDetailsCarryTheSampledMemoryAndTheLeakScore() throws Exception {
        // the route samples every second: the window fills
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> memoryDetails().path("data").path("samples").asInt() >= 3);
        JsonNode check = memoryDetails();
        assertThat(check.path("status").asText()).isEqualTo("UP");
        JsonNode data = check.path("data");
        long rss = data.path("rssBytes").asLong();
        assertThat(rss).isGreaterThan(10_000_000);
        assertThat(data.path("vmsBytes").asLong()).isGreaterThanOrEqualTo(rss);
        assertThat(data.path("heapAfterGcBytes").asLong()).isNotNegative();
        assertThat(data.path("leakScore").asDouble()).isBetween(0.0, 1.0);
        assertThat(data.path("r2").asDouble()).isBetween(0.0, 1.0);
        assertThat(data.has("slopeMbPerHour")).isTrue();
        assertThat(data.path("sampledAt").asText()).isNotBlank();
        assertThat(data.path("degraded").asBoolean()).isFalse();
        assertThat(data.has("degradedReason")).isFalse();
    }
}
