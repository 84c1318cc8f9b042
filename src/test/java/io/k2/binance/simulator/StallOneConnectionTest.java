package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stalling one connection's data leaves it open and pinged, and every other connection untouched. */
class StallOneConnectionTest extends SimulatorTestSupport {

    @Test
    void onlyTheStalledConnectionStopsGettingData() {
        start(config().ratePerSecond(3000).pingInterval(Duration.ofMillis(100)).pongTimeout(Duration.ofSeconds(5))
                .incomingMessagesPerSecond(100));
        List<TestClient> clients = new ArrayList<>();
        String stalledId = connectForId("/ws/btcusdt@trade", clients);
        connectForId("/ws/btcusdt@trade", clients);
        TestClient stalled = clients.get(0);
        TestClient other = clients.get(1);
        await().atMost(WAIT).until(() -> stalled.messages().size() > 10 && other.messages().size() > 10);

        sim.stallData(stalledId, true);
        assertThat(sim.connections().get(0).faults()).containsExactly("stall");
        // Frames in flight when the stall began have arrived once two ping rounds went by after it.
        int pings = stalled.pings().size();
        await().atMost(WAIT).until(() -> stalled.pings().size() >= pings + 2);
        int frozenAt = stalled.messages().size();
        int otherAt = other.messages().size();
        // Five more ping rounds (500 ms) at ~800 trades/s: the other client gets hundreds meanwhile.
        await().atMost(WAIT).until(() -> stalled.pings().size() >= pings + 7);
        assertThat(stalled.messages()).hasSize(frozenAt);
        assertThat(other.messages().size()).isGreaterThan(otherAt + 50);
        assertThat(stalled.ended()).isFalse();

        long lastT = parse(stalled.messages().get(frozenAt - 1)).get("t").asLong();
        sim.stallData(stalledId, false);
        await().atMost(WAIT).until(() -> stalled.messages().size() > frozenAt);
        // The market went on meanwhile: the resumed connection jumps over what it was not sent.
        assertThat(parse(stalled.messages().get(frozenAt)).get("t").asLong()).isGreaterThan(lastT + 50);
    }
}
