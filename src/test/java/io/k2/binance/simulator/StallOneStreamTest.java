package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Stalling one stream of one connection stops only that stream there; its other streams and other connections go on. */
class StallOneStreamTest extends SimulatorTestSupport {

    private static final String STREAMS = "/stream?streams=btcusdt@trade/btcusdt@bookTicker";

    @Test
    void onlyThatStreamOnThatConnectionStops() {
        start(config().ratePerSecond(3000));
        List<TestClient> clients = new ArrayList<>();
        String targetId = connectForId(STREAMS, clients);
        connectForId(STREAMS, clients);
        TestClient target = clients.get(0);
        TestClient other = clients.get(1);
        await().atMost(WAIT).until(() -> count(target, "btcusdt@trade") > 10 && count(target, "btcusdt@bookTicker") > 3);

        sim.stallStream(targetId, "btcusdt@trade", true);
        // Whatever trade was in flight is in once bookTickers generated after the stall have arrived.
        long tickersAtStall = sim.history().generated("btcusdt@bookTicker");
        long tradesAtStall = sim.history().generated("btcusdt@trade");
        await().atMost(WAIT).until(() -> sim.history().generated("btcusdt@bookTicker") > tickersAtStall + 3
                && count(target, "btcusdt@bookTicker") > 0 && lastTicker(target) > tickerAt(tickersAtStall));
        long tradesFrozen = count(target, "btcusdt@trade");
        long otherTrades = count(other, "btcusdt@trade");
        long tickers = count(target, "btcusdt@bookTicker");
        // Until 100 more trades were generated (~150 ms at this rate): they reach the other client, not the target.
        await().atMost(WAIT).until(() -> sim.history().generated("btcusdt@trade") > tradesAtStall + 100
                && count(other, "btcusdt@trade") > otherTrades + 50);
        await().atMost(WAIT).until(() -> count(target, "btcusdt@bookTicker") > tickers);
        assertThat(count(target, "btcusdt@trade")).isEqualTo(tradesFrozen);
        assertThat(sim.connections().get(0).faults()).containsExactly("stall:btcusdt@trade");

        sim.stallStream(targetId, "btcusdt@trade", false);
        await().atMost(WAIT).until(() -> count(target, "btcusdt@trade") > tradesFrozen);
    }

    @Test
    void aStreamTheConnectionDoesNotHaveIsRefused() {
        start(config().ratePerSecond(0));
        List<TestClient> clients = new ArrayList<>();
        String id = connectForId("/ws/btcusdt@trade", clients);
        assertThatThrownBy(() -> sim.stallStream(id, "ethusdt@trade", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not subscribe to ethusdt@trade");
        assertThatThrownBy(() -> sim.stallData("c99", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no open connection c99");
    }

    private long lastTicker(TestClient c) {
        List<com.fasterxml.jackson.databind.JsonNode> t = dataOf(c, "btcusdt@bookTicker");
        return t.get(t.size() - 1).get("u").asLong();
    }

    /** The u of the bookTicker with this position in the stream's history. */
    private long tickerAt(long seq) {
        return sim.history().events("btcusdt@bookTicker").stream().filter(e -> e.seq() == seq).findFirst()
                .map(HistoryEvent::lastId).orElse(Long.MAX_VALUE);
    }
}
