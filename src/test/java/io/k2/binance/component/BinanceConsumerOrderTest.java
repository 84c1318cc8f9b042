package io.k2.binance.component;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.LedgerEntry;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Frames reach the route in exactly the order the server sent them, at a rate that exposes any reordering. */
class BinanceConsumerOrderTest extends BinanceConsumerTestSupport {

    static final int EVENTS = 20_000;
    static BinanceSimulator sim;

    @BeforeAll
    static void start() {
        sim = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(20_000).maxEvents(EVENTS).seed(1).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Override
    protected String binanceUri() {
        return uri(sim, "btcusdt,ethusdt", "trade,bookTicker", "");
    }

    @Test
    void deliversEveryFrameInArrivalOrder() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= EVENTS);
        List<LedgerEntry> sent = sim.ledger().entries();
        assertThat(received).hasSameSizeAs(sent);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < sent.size(); i++) {
            JsonNode frame = json.readTree(received.get(i).getMessage().getBody(String.class));
            assertThat(frame.get("stream").asText()).isEqualTo(sent.get(i).stream());
            assertThat(frame.get("data").toString()).isEqualTo(json.readTree(sent.get(i).payload()).toString());
        }
    }
}
