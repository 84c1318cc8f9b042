package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Generated payloads have the shape of the real captures in fixtures/binance-samples.jsonl: the same keys
 * in the same order, with the same JSON types (decimal strings, integer ids, booleans).
 */
class PayloadShapeTest extends SimulatorTestSupport {

    /** Captured stream suffix -> the simulated stream that must look like it. */
    private static final Map<String, String> SAMPLE_STREAMS = Map.of(
            "btcusdt@trade", "btcusdt@trade",
            "nknusdt@aggTrade", "btcusdt@aggTrade",
            "nknusdt@bookTicker", "btcusdt@bookTicker",
            "btcusdt@depth@100ms", "btcusdt@depth@100ms",
            "ethusdt@depth20", "btcusdt@depth20",
            "btcusdt@kline_1m", "btcusdt@kline_1m",
            "btcusdt@miniTicker", "btcusdt@miniTicker");

    @Test
    void generatedEventsLookLikeTheCaptures() throws IOException {
        Map<String, JsonNode> samples = new HashMap<>();
        for (String line : Files.readAllLines(ReplayTest.samples())) {
            JsonNode n = parse(line);
            String simulated = SAMPLE_STREAMS.get(n.path("stream").asText());
            if (simulated != null) {
                samples.putIfAbsent(simulated, n.get("data"));
            }
        }
        assertThat(samples).hasSize(SAMPLE_STREAMS.size());

        start(config().ratePerSecond(2000).symbols(java.util.List.of("btcusdt")));
        TestClient client = connect("/stream?streams=" + String.join("/", samples.keySet()));
        Map<String, JsonNode> generated = new HashMap<>();
        await().atMost(WAIT).until(() -> {
            // Arrays are compared by their first element, so take events whose level lists are not empty.
            parsed(client).stream().filter(n -> n.get("data").findParents("b").stream().noneMatch(p -> p.get("b").isArray() && p.get("b").isEmpty())
                            && n.get("data").findParents("a").stream().noneMatch(p -> p.get("a").isArray() && p.get("a").isEmpty()))
                    .forEach(n -> generated.putIfAbsent(n.get("stream").asText(), n.get("data")));
            return generated.keySet().containsAll(samples.keySet());
        });
        samples.forEach((stream, sample) ->
                assertThat(shape(generated.get(stream))).as(stream).isEqualTo(shape(sample)));
    }

    /** Keys in order with the JSON type of each value, recursively; arrays by their first element. */
    private static String shape(JsonNode n) {
        if (n.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(e.getKey()).append(':').append(shape(e.getValue())).append(',');
            }
            return sb.append('}').toString();
        }
        if (n.isArray()) {
            return n.isEmpty() ? "[]" : "[" + shape(n.get(0)) + "]";
        }
        if (n.isTextual()) {
            return n.asText().matches("-?\\d+\\.\\d{8}") ? "decimal8" : "string";
        }
        return n.getNodeType().name();
    }
}
