package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exchange is down when the app starts (connections refused) and comes up later. The app starts anyway,
 * readiness is DOWN saying the exchange connection is not open and why (connect failed), it keeps retrying
 * with its backoff (capped at 1 s here), connects within that bound once the server listens, and from then
 * on delivers every event once.
 */
class ServerDownAtStartupThenUpTest extends FaultTestSupport {

    /** The backoff cap (1 s) plus a loopback handshake; 3 s is room for a busy box. */
    private static final Duration CONNECT_BOUND = Duration.ofSeconds(3);

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(600).seed(71).listening(false).build());
    }

    @Override protected String topicPrefix() { return "fault-down-at-start"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }

    @Test
    void startsNotReadyThenConnectsWithinTheBackoffAndDeliversEverything() {
        // several refused attempts: the backoff has reached its cap
        await().atMost(Duration.ofSeconds(30)).until(() -> reconnects("connect_failed") >= 4);
        JsonNode down = parse(observe("/observe/health/ready?data=true").body());
        assertThat(observe("/observe/health/ready").statusCode()).isEqualTo(503);
        JsonNode exchange = check(down, "binance-connection");
        assertThat(exchange.path("status").asText()).isEqualTo("DOWN");
        assertThat(exchange.path("message").asText()).contains("has no open connection to the exchange")
                .contains("connect failed");
        assertThat(exchange.path("data").path("binance.binance-ingest.shard0.lastClose").asText()).contains("connect failed");
        assertThat(observe("/observe/health/live").statusCode()).as("liveness while the exchange is down").isEqualTo(200);

        long upAt = System.nanoTime();
        simulator.startListening();
        await().atMost(CONNECT_BOUND).pollInterval(Duration.ofMillis(10)).until(() -> simulator.connectionCount() == 1);
        LOG.info("connected {} ms after the server came up", (System.nanoTime() - upAt) / 1_000_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> observe("/observe/health/ready").statusCode() == 200);
        awaitAllStreamsDeliver(Duration.ofSeconds(10));
        awaitMoreAcked(500, Duration.ofSeconds(10));
        settle();

        assertThat(simulator.ledger().entries()).allMatch(e -> e.connectionId().equals("c1"), "one connection");
        Delivery d = delivery();
        d.assertEveryEventOnce();
    }
}
