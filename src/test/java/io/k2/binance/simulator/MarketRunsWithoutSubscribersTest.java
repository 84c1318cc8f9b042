package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The market runs whether or not anyone listens, as the exchange's does: a client that is away misses
 * what was generated meanwhile, and the history shows exactly what that was.
 */
class MarketRunsWithoutSubscribersTest extends SimulatorTestSupport {

    private static final String TRADE = "btcusdt@trade";
    private static final String DEPTH = "btcusdt@depth@100ms";

    @Test
    void idsAdvanceWhileNobodyIsSubscribed() {
        start(config().ratePerSecond(2000));
        await().atMost(WAIT).until(() -> sim.history().generated(TRADE) > 100 && sim.history().generated(DEPTH) > 20);
        assertThat(sim.history().events(TRADE)).allSatisfy(e -> assertThat(e.receivers()).isZero());
        assertThat(sim.eventsGenerated()).as("events sent to somebody").isZero();
        assertThat(sim.marketEvents()).isGreaterThan(100);

        List<HistoryEvent> unsent = sim.history().events(TRADE);
        long lastBefore = unsent.get(unsent.size() - 1).lastId();
        assertThat(lastBefore - unsent.get(0).firstId()).isEqualTo(unsent.size() - 1);
        TestClient client = connect("/ws/" + TRADE);
        await().atMost(WAIT).until(() -> client.messages().size() >= 3);
        // No replay: a later subscriber starts at the current position.
        assertThat(parse(client.messages().get(0)).get("t").asLong()).isGreaterThan(lastBefore);
    }

    @Test
    void aReconnectMissesExactlyWhatTheHistoryShows() {
        start(config().ratePerSecond(2000));
        List<TestClient> clients = new ArrayList<>();
        String first = connectForId("/stream?streams=" + TRADE + "/" + DEPTH, clients);
        TestClient before = clients.get(0);
        await().atMost(WAIT).until(() -> count(before, TRADE) >= 20 && count(before, DEPTH) >= 5);
        sim.dropConnectionAbruptly(first);
        await().atMost(WAIT).until(before::ended);
        long tradesAtDrop = sim.history().generated(TRADE);
        long depthAtDrop = sim.history().generated(DEPTH);
        await().atMost(WAIT).until(() -> sim.history().generated(TRADE) > tradesAtDrop + 50
                && sim.history().generated(DEPTH) > depthAtDrop + 10);

        TestClient after = connect("/stream?streams=" + TRADE + "/" + DEPTH);
        await().atMost(WAIT).until(() -> count(after, TRADE) >= 5 && count(after, DEPTH) >= 2);

        List<JsonNode> tradesBefore = dataOf(before, TRADE);
        long lastT = tradesBefore.get(tradesBefore.size() - 1).get("t").asLong();
        long nextT = dataOf(after, TRADE).get(0).get("t").asLong();
        assertThat(nextT - lastT).as("trade ids jumped over the time away").isGreaterThan(50);
        List<HistoryEvent> missedTrades = sim.history().range(TRADE, lastT + 1, nextT - 1);
        assertThat(missedTrades).hasSize((int) (nextT - lastT - 1));
        assertThat(missedTrades).allSatisfy(e -> assertThat(e.receivers()).isZero());

        List<JsonNode> depthBefore = dataOf(before, DEPTH);
        long lastU = depthBefore.get(depthBefore.size() - 1).get("u").asLong();
        long nextU = dataOf(after, DEPTH).get(0).get("U").asLong();
        List<HistoryEvent> missedDepth = sim.history().range(DEPTH, lastU + 1, nextU - 1);
        assertThat(missedDepth).hasSizeGreaterThan(10);
        // The missed diffs chain exactly from the last one received to the first one after: U = prev u + 1.
        long expectedU = lastU + 1;
        for (HistoryEvent e : missedDepth) {
            assertThat(e.firstId()).isEqualTo(expectedU);
            assertThat(e.receivers()).isZero();
            expectedU = e.lastId() + 1;
        }
        assertThat(expectedU).isEqualTo(nextU);
    }
}
