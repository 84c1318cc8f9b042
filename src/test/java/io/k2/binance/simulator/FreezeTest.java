package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A frozen connection behaves like a SIGSTOPped server: no data, no pings, client pings unanswered, the
 * socket open and no timeout fired; the other connections carry on. Thawed, it goes on where the market is.
 */
class FreezeTest extends SimulatorTestSupport {

    @Test
    void onlyTheFrozenConnectionFallsSilentAndItsSocketStaysOpen() throws IOException {
        start(config().ratePerSecond(2000).pingInterval(Duration.ofMillis(100)).pongTimeout(Duration.ofMillis(400))
                .incomingMessagesPerSecond(100));
        List<TestClient> clients = new ArrayList<>();
        String frozenId = connectForId("/ws/btcusdt@trade", clients);
        connectForId("/ws/btcusdt@trade", clients);
        TestClient frozen = clients.get(0);
        TestClient other = clients.get(1);
        await().atMost(WAIT).until(() -> frozen.pings().size() >= 2 && frozen.messages().size() > 10);

        sim.freeze(frozenId, true);
        frozen.ping("while-frozen");
        // Anything written before the freeze has arrived once the other client got two ping rounds more.
        int otherPings = other.pings().size();
        await().atMost(WAIT).until(() -> other.pings().size() >= otherPings + 2);
        int data = frozen.messages().size();
        int pings = frozen.pings().size();
        // Eight more ping rounds (800 ms): twice the pong timeout, so a frozen server that still enforced it
        // would have closed the connection, and one that still pinged or sent would have shown it.
        await().atMost(WAIT).until(() -> other.pings().size() >= otherPings + 10);
        assertThat(frozen.messages()).hasSize(data);
        assertThat(frozen.pings()).hasSize(pings);
        assertThat(frozen.pongs()).isEmpty();
        assertThat(frozen.ended()).isFalse();
        assertThat(other.ended()).isFalse();
        assertThat(sim.connectionIds()).contains(frozenId);

        sim.freeze(frozenId, false);
        // The held ping is read on thaw, as a resumed process reads its socket.
        await().atMost(WAIT).until(() -> frozen.pongs().contains("while-frozen") && frozen.messages().size() > data);
        await().atMost(WAIT).until(() -> frozen.pings().size() > pings);
    }
}
