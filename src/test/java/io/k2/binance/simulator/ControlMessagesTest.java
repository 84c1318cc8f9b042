package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SUBSCRIBE & co. and every error shape of binance-protocol.md §3, byte for byte where Binance is known. */
class ControlMessagesTest extends SimulatorTestSupport {

    private TestClient client;

    @BeforeEach
    void connectSilentClient() {
        // No data, and a high message limit so the many requests here are not rate limited.
        start(config().ratePerSecond(0).incomingMessagesPerSecond(1000));
        client = connect("/ws");
    }

    private String answer(String json) throws IOException {
        int seen = client.messages().size();
        client.send(json);
        await().atMost(WAIT).until(() -> client.messages().size() > seen);
        return client.messages().get(seen);
    }

    @Test
    void subscribeUnsubscribeAndList() throws IOException {
        assertThat(answer("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\",\"btcusdt@depth\"],\"id\":1}"))
                .isEqualTo("{\"result\":null,\"id\":1}");
        assertThat(answer("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":3}"))
                .isEqualTo("{\"result\":[\"btcusdt@aggTrade\",\"btcusdt@depth\"],\"id\":3}");
        assertThat(answer("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@depth\"],\"id\":312}"))
                .isEqualTo("{\"result\":null,\"id\":312}");
        assertThat(answer("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":4}"))
                .isEqualTo("{\"result\":[\"btcusdt@aggTrade\"],\"id\":4}");
    }

    @Test
    void setAndGetCombined() throws IOException {
        assertThat(answer("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":2}")).isEqualTo("{\"result\":false,\"id\":2}");
        assertThat(answer("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":5}")).isEqualTo("{\"result\":null,\"id\":5}");
        assertThat(answer("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":6}")).isEqualTo("{\"result\":true,\"id\":6}");
    }

    @Test
    void combinedPropertySwitchesFramingOfData() throws IOException {
        sim.close();
        start(config().ratePerSecond(500).incomingMessagesPerSecond(1000));
        client = connect("/ws/btcusdt@trade");
        await().atMost(WAIT).until(() -> client.messages().size() >= 2);
        answer("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":7}");
        int after = client.messages().size();
        await().atMost(WAIT).until(() -> client.messages().size() >= after + 3);
        assertThat(parse(client.messages().get(0)).has("stream")).isFalse();
        assertThat(parse(client.messages().get(after + 1)).get("stream").asText()).isEqualTo("btcusdt@trade");
    }

    @Test
    void idIsEchoedAsGiven() throws IOException {
        assertThat(answer("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"abc-123\"}")).isEqualTo("{\"result\":[],\"id\":\"abc-123\"}");
        assertThat(answer("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":-9007199254740993}")).isEqualTo("{\"result\":[],\"id\":-9007199254740993}");
        assertThat(answer("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":null}")).isEqualTo("{\"result\":[],\"id\":null}");
    }

    @Test
    void invalidStreamName() throws IOException {
        assertThat(answer("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"btcusdt@nonsense\"],\"id\":2}"))
                .isEqualTo("{\"error\":{\"code\":2,\"msg\":\"Invalid request: invalid stream\"},\"id\":2}");
        assertThat(answer("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":3}")).isEqualTo("{\"result\":[],\"id\":3}");
    }

    @Test
    void wellFormedUnknownSymbolIsAcknowledgedAndSilent() throws IOException {
        sim.close();
        start(config().ratePerSecond(1000).incomingMessagesPerSecond(1000));
        client = connect("/ws");
        assertThat(answer("{\"method\":\"SUBSCRIBE\",\"params\":[\"dogeusdt@trade\",\"ethusdt@trade\"],\"id\":8}"))
                .isEqualTo("{\"result\":null,\"id\":8}");
        await().atMost(WAIT).until(() -> client.messages().size() > 20);
        assertThat(parsed(client).stream().skip(1).map(n -> n.get("s").asText())).containsOnly("ETHUSDT");
    }

    @Test
    void unknownMethod() throws IOException {
        assertThat(answer("{\"method\":\"SUBSCRIBEX\",\"params\":[],\"id\":9}")).isEqualTo(
                "{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown variant `SUBSCRIBEX`, expected one of "
                        + "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY` at line 1 column 22\"},\"id\":9}");
    }

    @Test
    void missingMethod() throws IOException {
        JsonNode error = parse(answer("{\"params\":[\"btcusdt@trade\"],\"id\":10}")).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(2);
        assertThat(error.get("msg").asText()).startsWith("Invalid request: missing field `method` at line 1 column ");
    }

    @Test
    void badJsonHasNullId() throws IOException {
        JsonNode answer = parse(answer("{\"method\":\"SUBSCRIBE\",\"id\":1,"));
        assertThat(answer.get("id").isNull()).isTrue();
        assertThat(answer.get("error").get("code").asInt()).isEqualTo(3);
        assertThat(answer.get("error").get("msg").asText()).startsWith("Invalid JSON: expected value at line 1 column ");
    }

    @Test
    void badIdType() throws IOException {
        assertThat(answer("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1.5}"))
                .isEqualTo("{\"error\":{\"code\":2,\"msg\":\"Invalid request: request ID must be an unsigned integer\"},\"id\":null}");
    }

    @Test
    void propertyErrors() throws IOException {
        assertThat(answer("{\"method\":\"GET_PROPERTY\",\"params\":[\"colour\"],\"id\":11}"))
                .isEqualTo("{\"error\":{\"code\":0,\"msg\":\"Unknown property\"},\"id\":11}");
        assertThat(answer("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",\"yes\"],\"id\":12}"))
                .isEqualTo("{\"error\":{\"code\":1,\"msg\":\"Invalid value type: expected Boolean\"},\"id\":12}");
        assertThat(answer("{\"method\":\"SET_PROPERTY\",\"params\":[7,true],\"id\":13}"))
                .isEqualTo("{\"error\":{\"code\":2,\"msg\":\"Invalid request: property name must be a string\"},\"id\":13}");
        assertThat(answer("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\",true],\"id\":14}"))
                .isEqualTo("{\"error\":{\"code\":2,\"msg\":\"Invalid request: too many parameters\"},\"id\":14}");
    }

    @Test
    void moreThan1024StreamsIsTooManySubscriptions() throws IOException {
        // In batches under 4 KB, as a well-behaved client would send them.
        List<String> names = IntStream.range(0, 1024).mapToObj(i -> "sym" + i + "usdt@trade").toList();
        for (int from = 0; from < names.size(); from += 128) {
            String params = String.join("\",\"", names.subList(from, from + 128));
            assertThat(answer("{\"method\":\"SUBSCRIBE\",\"params\":[\"" + params + "\"],\"id\":" + from + "}"))
                    .isEqualTo("{\"result\":null,\"id\":" + from + "}");
        }
        assertThat(answer("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":19}"))
                .isEqualTo("{\"error\":{\"code\":4,\"msg\":\"Too many subscriptions\"},\"id\":19}");
        // Re-subscribing what is already there adds nothing, so it is fine.
        assertThat(answer("{\"method\":\"SUBSCRIBE\",\"params\":[\"sym0usdt@trade\"],\"id\":20}"))
                .isEqualTo("{\"result\":null,\"id\":20}");
    }

    @Test
    void oversizeSubscribeGetsNoAnswer() throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; names.stream().mapToInt(n -> n.length() + 3).sum() < 4200; i++) {
            names.add("sym" + i + "usdt@aggTrade");
        }
        client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"" + String.join("\",\"", names) + "\"],\"id\":21}");
        // The next answer is for the next request: the oversize one was dropped without a word.
        assertThat(answer("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":22}")).isEqualTo("{\"result\":[],\"id\":22}");
        assertThat(client.messages()).hasSize(1);
    }
}
