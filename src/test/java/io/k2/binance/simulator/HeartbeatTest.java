package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pings with a payload every interval; a missing echo closes the connection, unsolicited pongs do not help. */
class HeartbeatTest extends SimulatorTestSupport {

    private static SimulatorConfig.Builder fastPings() {
        return config().ratePerSecond(0).pingInterval(Duration.ofMillis(150)).pongTimeout(Duration.ofMillis(600))
                .incomingMessagesPerSecond(100);
    }

    @Test
    void pingsCarryDistinctNonEmptyPayloadsAndEchoesKeepTheConnection() {
        start(fastPings());
        TestClient client = connect("/ws/btcusdt@trade");
        await().atMost(WAIT).until(() -> client.pings().size() >= 8);
        assertThat(client.pings()).allSatisfy(p -> assertThat(p).isNotEmpty()).doesNotHaveDuplicates();
        // 8 pings at 150 ms span longer than the 600 ms timeout: the echoes were accepted.
        assertThat(client.ended()).isFalse();
        assertThat(sim.connectionCount()).isEqualTo(1);
    }

    @Test
    void noPongClosesAfterTheTimeout() {
        start(fastPings());
        TestClient client = connect("/ws/btcusdt@trade");
        client.answerPings = false;
        await().atMost(WAIT).until(client::ended);
        assertThat(client.closeCode()).isEqualTo(1008);
        assertThat(client.closeReason()).isEqualTo("Pong timeout");
    }

    @Test
    void unsolicitedPongsDoNotCount() throws IOException {
        start(fastPings());
        TestClient client = connect("/ws/btcusdt@trade");
        client.answerPings = false;
        long started = System.nanoTime();
        while (!client.ended() && System.nanoTime() - started < WAIT.toNanos()) {
            client.pong("");
            await().pollDelay(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> true);
        }
        assertThat(client.ended()).isTrue();
        assertThat(client.closeReason()).isEqualTo("Pong timeout");
    }

    @Test
    void ignorePongsHookMakesTheTimeoutFireForAnAnsweringClient() {
        start(fastPings());
        TestClient client = connect("/ws/btcusdt@trade");
        sim.ignorePongs(true);
        await().atMost(WAIT).until(client::ended);
        assertThat(client.pings()).isNotEmpty();
        assertThat(client.closeReason()).isEqualTo("Pong timeout");
    }

    @Test
    void pausedPingsAreNotSent() {
        start(fastPings());
        sim.pausePings(true);
        TestClient client = connect("/ws/btcusdt@trade");
        await().pollDelay(Duration.ofMillis(700)).atMost(WAIT).until(() -> true);
        assertThat(client.pings()).isEmpty();
        assertThat(client.ended()).isFalse();
        sim.pausePings(false);
        await().atMost(WAIT).until(() -> !client.pings().isEmpty());
    }
}
