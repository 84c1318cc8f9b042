package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Five incoming messages per rolling second are fine; the sixth closes with 1008 "Too many requests". */
class IncomingRateLimitTest extends SimulatorTestSupport {

    @Test
    void sixthControlMessageWithinOneSecondCloses() throws IOException {
        start(config().ratePerSecond(0));
        TestClient client = connect("/ws");
        for (int i = 1; i <= 5; i++) {
            client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + i + "}");
        }
        await().atMost(WAIT).until(() -> client.messages().size() == 5);
        assertThat(client.ended()).isFalse();
        client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":6}");
        await().atMost(WAIT).until(client::ended);
        assertThat(client.closeCode()).isEqualTo(1008);
        assertThat(client.closeReason()).isEqualTo("Too many requests");
        assertThat(client.messages()).hasSize(5);
    }

    @Test
    void pingsAndPongsCountToo() throws IOException {
        start(config().ratePerSecond(0));
        TestClient client = connect("/ws");
        client.ping("a");
        client.ping("b");
        client.pong("c");
        client.pong("d");
        client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}");
        await().atMost(WAIT).until(() -> client.messages().size() == 1);
        assertThat(client.ended()).isFalse();
        client.ping("f");
        await().atMost(WAIT).until(client::ended);
        assertThat(client.closeCode()).isEqualTo(1008);
    }
}
