package io.k2.binance.connection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Binance key order is not a contract (§3 "Parse by key"): any order, any whitespace, same reading. */
class FrameScannerKeyOrderTest {

    private final FrameScanner scanner = new FrameScanner();

    @Test
    void shuffledKeysAtEveryLevelReadTheSame() throws Exception {
        Random random = new Random(42);
        for (String line : JacksonFrameReference.fixtureLines()) {
            String original = scanner.scan(line).toString();
            for (int round = 0; round < 20; round++) {
                String shuffled = JacksonFrameReference.MAPPER.writeValueAsString(
                        shuffle(JacksonFrameReference.MAPPER.readTree(line), random));
                FrameScan scan = scanner.scan(shuffled);
                assertThat(scan.toString()).as(shuffled).isEqualTo(original);
                JacksonFrameReference.assertAgrees(scan, shuffled, null);
            }
        }
    }

    @Test
    void prettyPrintedFramesReadTheSame() throws Exception {
        for (String line : JacksonFrameReference.fixtureLines()) {
            String pretty = JacksonFrameReference.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(JacksonFrameReference.MAPPER.readTree(line)).replace("\n", "\r\n\t");
            assertThat(scanner.scan(pretty).toString()).as(pretty).isEqualTo(scanner.scan(line).toString());
        }
    }

    @Test
    void responseKeysInEitherOrder() {
        assertThat(scanner.scan("{\"id\":1,\"result\":null}").kind()).isEqualTo(FrameScan.Kind.RESPONSE);
        assertThat(scanner.scan("{\"result\":null,\"id\":1}").requestId()).isEqualTo("1");
        assertThat(scanner.scan("{\"id\":19,\"error\":{\"msg\":\"Too many subscriptions\",\"code\":4}}").errorCode())
                .isEqualTo(4);
    }

    @Test
    void dataBeforeStreamStillFindsTheStreamsKind() {
        FrameScan scan = scanner.scan("{\"data\":{\"t\":7,\"s\":\"BTCUSDT\",\"e\":\"trade\"},\"stream\":\"btcusdt@trade\"}");
        assertThat(scan.stream()).isEqualTo("btcusdt@trade");
        assertThat(scan.position()).isNotNull();
        assertThat(scan.position().first()).isEqualTo(7);
    }

    static JsonNode shuffle(JsonNode node, Random random) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            Collections.shuffle(fields, random);
            ObjectNode out = JacksonFrameReference.MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> field : fields) {
                out.set(field.getKey(), shuffle(field.getValue(), random));
            }
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JacksonFrameReference.MAPPER.createArrayNode();
            array.forEach(element -> out.add(shuffle(element, random)));
            return out;
        }
        return node;
    }
}
