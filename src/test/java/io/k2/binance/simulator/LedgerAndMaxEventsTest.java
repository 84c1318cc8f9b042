package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** maxEvents gives a known count, and the ledger equals what each client received, in order. */
class LedgerAndMaxEventsTest extends SimulatorTestSupport {

    @Test
    void rawClientReceivesExactlyTheLedger() {
        start(config().ratePerSecond(8000).maxEvents(3000));
        TestClient client = connect("/ws/btcusdt@trade/btcusdt@depth@100ms/btcusdt@bookTicker");
        await().atMost(WAIT).until(() -> client.messages().size() == 3000);
        await().pollDelay(Duration.ofMillis(200)).atMost(WAIT).until(() -> true);
        assertThat(client.messages()).hasSize(3000);
        assertThat(sim.eventsGenerated()).isEqualTo(3000);
        assertThat(sim.ledger().count()).isEqualTo(3000);
        assertThat(sim.ledger().entries().stream().map(LedgerEntry::payload).toList()).isEqualTo(client.messages());
        assertThat(sim.ledger().countFor("btcusdt@trade") + sim.ledger().countFor("btcusdt@depth@100ms")
                + sim.ledger().countFor("btcusdt@bookTicker")).isEqualTo(3000);
    }

    @Test
    void twoConnectionsOnOneStreamGetTheSameEventsAndTheLedgerHasBoth() {
        start(config().ratePerSecond(5000).maxEvents(500).seed(7));
        sim.stallData(true);
        TestClient blue = connect("/stream?streams=ethusdt@aggTrade");
        TestClient green = connect("/stream?streams=ethusdt@aggTrade");
        sim.stallData(false);
        await().atMost(WAIT).until(() -> blue.messages().size() == 500 && green.messages().size() == 500);
        assertThat(green.messages()).isEqualTo(blue.messages());
        assertThat(sim.ledger().count()).isEqualTo(1000);
        List<String> ids = sim.connectionIds();
        for (String id : ids) {
            List<String> sent = sim.ledger().entriesFor(id).stream()
                    .map(e -> Subscriptions.wrap(e.stream(), e.payload())).toList();
            assertThat(sent).isEqualTo(blue.messages());
        }
    }
}
