package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The four URL forms, raw versus combined framing, and {@code timeUnit}. */
class PathsAndFramingTest extends SimulatorTestSupport {

    @Test
    void rawPathSendsBarePayloads() {
        start(config());
        TestClient client = connect("/ws/btcusdt@trade");
        await().atMost(WAIT).until(() -> client.messages().size() >= 5);
        for (JsonNode n : parsed(client)) {
            assertThat(n.has("stream")).isFalse();
            assertThat(n.get("e").asText()).isEqualTo("trade");
            assertThat(n.get("s").asText()).isEqualTo("BTCUSDT");
            assertThat(n.get("E").asText()).hasSize(13);
        }
    }

    @Test
    void combinedPathWrapsEveryEventWithItsStream() {
        start(config());
        TestClient client = connect("/stream?streams=btcusdt@trade/ethusdt@bookTicker");
        await().atMost(WAIT).until(() -> parsed(client).stream().map(n -> n.path("stream").asText()).distinct().count() == 2);
        for (JsonNode n : parsed(client)) {
            assertThat(List.copyOf(toList(n.fieldNames()))).containsExactly("stream", "data");
            assertThat(n.get("stream").asText()).isIn("btcusdt@trade", "ethusdt@bookTicker");
        }
    }

    @Test
    void bareWsAndStreamPathsStartSilentAndTakeSubscriptions() throws IOException {
        start(config());
        TestClient raw = connect("/ws");
        TestClient combined = connect("/stream");
        assertThat(request(raw, "{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":1}").get("result").asBoolean()).isFalse();
        assertThat(request(combined, "{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":1}").get("result").asBoolean()).isTrue();
        assertThat(raw.messages()).hasSize(1);
        request(raw, "{\"method\":\"SUBSCRIBE\",\"params\":[\"ethusdt@aggTrade\"],\"id\":2}");
        request(combined, "{\"method\":\"SUBSCRIBE\",\"params\":[\"ethusdt@aggTrade\"],\"id\":2}");
        await().atMost(WAIT).until(() -> raw.messages().size() > 3 && combined.messages().size() > 3);
        assertThat(parse(raw.messages().get(2)).get("e").asText()).isEqualTo("aggTrade");
        assertThat(parse(combined.messages().get(2)).get("stream").asText()).isEqualTo("ethusdt@aggTrade");
    }

    @Test
    void timeUnitMicrosecondGivesSixteenDigitTimes() {
        start(config());
        TestClient micros = connect("/ws/btcusdt@trade?timeUnit=MICROSECOND");
        TestClient millis = connect("/ws/btcusdt@trade?timeUnit=millisecond");
        await().atMost(WAIT).until(() -> micros.messages().size() >= 3 && millis.messages().size() >= 3);
        JsonNode first = parse(micros.messages().get(0));
        assertThat(first.get("E").asText()).hasSize(16);
        assertThat(first.get("T").asText()).hasSize(16);
        assertThat(parse(millis.messages().get(0)).get("E").asText()).hasSize(13);
        // Both connections see the same trade, just in different units.
        JsonNode inMillis = parse(millis.messages().get(0));
        JsonNode sameInMicros = parsed(micros).stream()
                .filter(n -> n.get("t").asLong() == inMillis.get("t").asLong()).findFirst().orElseThrow();
        assertThat(sameInMicros.get("E").asLong() / 1000).isEqualTo(inMillis.get("E").asLong());
    }

    @Test
    void malformedStreamInThePathIsRefused() {
        start(config());
        assertThatThrownBy(() -> TestClient.connect(sim.wsBaseUrl() + "/ws/BTCUSDT@nonsense"))
                .isInstanceOfSatisfying(TestClient.HandshakeRefused.class, e -> assertThat(e.status).isEqualTo(400));
    }

    private static <T> List<T> toList(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
