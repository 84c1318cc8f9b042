package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** At the end of its lifetime a connection gets {@code serverShutdown}, then a 1001 close. */
class ConnectionLifetimeTest extends SimulatorTestSupport {

    @Test
    void serverShutdownThenClose() {
        start(config().ratePerSecond(0).connectionLifetime(Duration.ofMillis(1500)).shutdownNotice(Duration.ofMillis(700)));
        TestClient raw = connect("/ws/btcusdt@trade");
        TestClient combined = connect("/stream?streams=btcusdt@trade");
        long start = System.nanoTime();
        await().atMost(WAIT).until(() -> !raw.messages().isEmpty() && !combined.messages().isEmpty());
        assertThat(raw.ended()).isFalse();
        JsonNode notice = parse(raw.messages().get(0));
        assertThat(List.copyOf(iterable(notice.fieldNames()))).containsExactly("e", "E");
        assertThat(notice.get("e").asText()).isEqualTo("serverShutdown");
        JsonNode wrapped = parse(combined.messages().get(0));
        assertThat(wrapped.get("stream").asText()).isEqualTo("!serverShutdown");
        assertThat(wrapped.get("data").get("e").asText()).isEqualTo("serverShutdown");

        await().atMost(WAIT).until(raw::ended);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(300));
        assertThat(raw.closeCode()).isEqualTo(1001);
        await().atMost(WAIT).until(combined::ended);
        assertThat(combined.closeCode()).isEqualTo(1001);
    }

    @Test
    void sendServerShutdownHookAnnouncesAndClosesAfterTheNotice() {
        start(config().ratePerSecond(0).shutdownNotice(Duration.ofMillis(300)));
        TestClient client = connect("/ws");
        sim.sendServerShutdown();
        await().atMost(WAIT).until(() -> !client.messages().isEmpty());
        assertThat(parse(client.messages().get(0)).get("e").asText()).isEqualTo("serverShutdown");
        await().atMost(WAIT).until(client::ended);
        assertThat(client.closeCode()).isEqualTo(1001);
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
