package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.net.SocketException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A server down at start-up comes up on the same port, and can go down again; its market runs throughout. */
class ServerDownAndUpTest extends SimulatorTestSupport {

    @Test
    void downAtStartThenUpThenDownAgain() {
        start(config().ratePerSecond(2000).listening(false));
        int port = sim.port();
        assertThat(port).isPositive();
        assertThat(sim.isListening()).isFalse();
        // Down means the TCP connection fails: mostly refused (ConnectException, a SocketException); once in
        // CI it was reset instead (the just-released ephemeral port). An HTTP answer of any kind would fail this.
        assertThatThrownBy(() -> TestClient.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade")).isInstanceOf(SocketException.class);
        await().atMost(WAIT).until(() -> sim.history().generated("btcusdt@trade") > 50);

        sim.startListening();
        assertThat(sim.port()).isEqualTo(port);
        TestClient client = connect("/ws/btcusdt@trade");
        await().atMost(WAIT).until(() -> client.messages().size() > 5);

        sim.stopListening();
        await().atMost(WAIT).until(client::ended);
        assertThat(client.closeCode()).isEqualTo(1006);
        assertThatThrownBy(() -> TestClient.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade")).isInstanceOf(SocketException.class);
        long whileDown = sim.history().generated("btcusdt@trade");
        await().atMost(WAIT).until(() -> sim.history().generated("btcusdt@trade") > whileDown + 50);

        sim.startListening();
        TestClient again = connect("/ws/btcusdt@trade");
        await().atMost(WAIT).until(() -> again.messages().size() > 5);
    }
}
