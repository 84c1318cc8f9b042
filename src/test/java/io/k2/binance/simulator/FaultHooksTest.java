package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The fault hooks the client's resilience tests use. */
class FaultHooksTest extends SimulatorTestSupport {

    @Test
    void abruptDropClosesWithoutACloseFrame() {
        start(config());
        TestClient client = connect("/ws/btcusdt@trade");
        await().atMost(WAIT).until(() -> !client.messages().isEmpty());
        sim.dropConnectionsAbruptly();
        await().atMost(WAIT).until(client::ended);
        assertThat(client.closeFrameSeen()).isFalse();
        assertThat(client.closeCode()).isEqualTo(1006);
        await().atMost(WAIT).until(() -> sim.connectionCount() == 0);
    }

    @Test
    void closeConnectionsSendsTheGivenCode() {
        start(config());
        TestClient client = connect("/ws/btcusdt@trade");
        sim.closeConnections(1011, "maintenance");
        await().atMost(WAIT).until(client::ended);
        assertThat(client.closeCode()).isEqualTo(1011);
        assertThat(client.closeReason()).isEqualTo("maintenance");
    }

    @Test
    void stalledDataKeepsPingsGoing() {
        start(config().ratePerSecond(500).pingInterval(Duration.ofMillis(100)).pongTimeout(Duration.ofSeconds(2))
                .incomingMessagesPerSecond(100));
        TestClient client = connect("/ws/btcusdt@trade");
        await().atMost(WAIT).until(() -> client.messages().size() > 10);
        sim.stallData(true);
        // Whatever was in flight has arrived once a full ping round went by after the stall.
        int pingsAtStall = client.pings().size();
        await().atMost(WAIT).until(() -> client.pings().size() >= pingsAtStall + 2);
        int frozen = client.messages().size();
        await().atMost(WAIT).until(() -> client.pings().size() >= pingsAtStall + 6);
        assertThat(client.messages()).hasSize(frozen);
        assertThat(client.ended()).isFalse();
        sim.stallData(false);
        await().atMost(WAIT).until(() -> client.messages().size() > frozen);
    }

    @Test
    void sendRawReachesEveryConnection() {
        start(config().ratePerSecond(0));
        TestClient a = connect("/ws");
        TestClient b = connect("/stream");
        sim.sendRaw("{not json");
        await().atMost(WAIT).until(() -> a.messages().contains("{not json") && b.messages().contains("{not json"));
        assertThat(sim.ledger().count()).isZero();
    }

    @Test
    void droppedDepthEventLeavesAGap() {
        start(config().ratePerSecond(200));
        TestClient client = connect("/ws/btcusdt@depth@100ms");
        await().atMost(WAIT).until(() -> client.messages().size() >= 3);
        sim.dropNextDepthEvent("BTCUSDT");
        int before = client.messages().size();
        await().atMost(WAIT).until(() -> client.messages().size() >= before + 5);
        List<JsonNode> events = parsed(client);
        long gaps = 0;
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).get("U").asLong() != events.get(i - 1).get("u").asLong() + 1) {
                gaps++;
            }
        }
        assertThat(gaps).isEqualTo(1);
    }
}
