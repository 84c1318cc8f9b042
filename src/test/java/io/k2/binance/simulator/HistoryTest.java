package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The history is a bounded ring per stream holding what the market generated, as it was sent. */
class HistoryTest extends SimulatorTestSupport {

    @Test
    void eachStreamKeepsItsNewestEventsUpToTheBound() {
        start(config().ratePerSecond(5000).historySize(50));
        await().atMost(WAIT).until(() -> sim.history().generated("ethusdt@aggTrade") > 200);
        List<HistoryEvent> events = sim.history().events("ethusdt@aggTrade");
        assertThat(events).hasSize(50);
        long generated = sim.history().generated("ethusdt@aggTrade");
        assertThat(events.get(49).seq()).isBetween(generated - 5, generated);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).seq()).isEqualTo(events.get(i - 1).seq() + 1);
            assertThat(events.get(i).lastId()).isEqualTo(events.get(i - 1).lastId() + 1);
            assertThat(events.get(i).generatedMicros()).isGreaterThanOrEqualTo(events.get(i - 1).generatedMicros());
        }
        assertThat(sim.history().streams()).contains("btcusdt@kline_1m", "btcusdt@bookTicker", "ethusdt@depth@100ms");
    }

    @Test
    void whatAClientGotIsInTheHistoryAsSent() {
        start(config().ratePerSecond(3000));
        TestClient client = connect("/ws/btcusdt@trade");
        await().atMost(WAIT).until(() -> client.messages().size() >= 50);
        List<String> got = client.messages().subList(0, 50);
        long firstT = parse(got.get(0)).get("t").asLong();
        List<HistoryEvent> kept = sim.history().range("btcusdt@trade", firstT, firstT + 49);
        assertThat(kept.stream().map(HistoryEvent::payload).toList()).isEqualTo(got);
        assertThat(kept).allSatisfy(e -> assertThat(e.receivers()).isEqualTo(1));
    }

    @Test
    void sizeZeroKeepsNothing() {
        start(config().ratePerSecond(2000).historySize(0));
        await().atMost(WAIT).until(() -> sim.marketEvents() > 100);
        assertThat(sim.history().streams()).isEmpty();
        assertThat(sim.history().events("btcusdt@trade")).isEmpty();
    }
}
