package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Drop, close and serverShutdown aimed at one connection end that one only. */
class TargetedDisconnectTest extends SimulatorTestSupport {

    private final List<TestClient> clients = new ArrayList<>();
    private String targetId;

    private void twoClients() {
        start(config().ratePerSecond(500).shutdownNotice(Duration.ofMillis(300)));
        targetId = connectForId("/ws/btcusdt@trade", clients);
        connectForId("/ws/btcusdt@trade", clients);
    }

    /** The other client is still open and still getting data once the target has ended. */
    private void otherCarriesOn() {
        TestClient other = clients.get(1);
        int seen = other.messages().size();
        await().atMost(WAIT).until(() -> other.messages().size() > seen + 5);
        assertThat(other.ended()).isFalse();
        assertThat(sim.connectionIds()).containsExactly("c2");
    }

    @Test
    void dropOneAbruptly() {
        twoClients();
        sim.dropConnectionAbruptly(targetId);
        await().atMost(WAIT).until(clients.get(0)::ended);
        assertThat(clients.get(0).closeFrameSeen()).isFalse();
        assertThat(clients.get(0).closeCode()).isEqualTo(1006);
        otherCarriesOn();
    }

    @Test
    void closeOneWithTooManyRequests() {
        twoClients();
        sim.closeConnection(targetId, 1008, "Too many requests");
        await().atMost(WAIT).until(clients.get(0)::ended);
        assertThat(clients.get(0).closeCode()).isEqualTo(1008);
        assertThat(clients.get(0).closeReason()).isEqualTo("Too many requests");
        otherCarriesOn();
    }

    @Test
    void serverShutdownToOne() {
        twoClients();
        sim.sendServerShutdown(targetId);
        TestClient target = clients.get(0);
        await().atMost(WAIT).until(() -> target.messages().stream().anyMatch(m -> m.contains("\"serverShutdown\"")));
        await().atMost(WAIT).until(target::ended);
        assertThat(target.closeCode()).isEqualTo(1001);
        assertThat(clients.get(1).messages()).noneMatch(m -> m.contains("serverShutdown"));
        otherCarriesOn();
    }
}
