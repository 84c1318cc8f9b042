package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Starts a simulator on a free loopback port and connects clients to it; everything is closed after
 * each test.
 */
abstract class SimulatorTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(10);

    BinanceSimulator sim;
    private final List<TestClient> clients = new ArrayList<>();

    /** Quick, quiet defaults for tests: no pings or lifetime ends unless a test asks for them. */
    static SimulatorConfig.Builder config() {
        return SimulatorConfig.builder().port(0).symbols(List.of("btcusdt", "ethusdt")).ratePerSecond(200)
                .pingInterval(Duration.ofHours(1)).pongTimeout(Duration.ofHours(1));
    }

    BinanceSimulator start(SimulatorConfig.Builder config) {
        sim = BinanceSimulator.start(config.build());
        return sim;
    }

    /** Connects to {@code pathAndQuery} (e.g. {@code /ws/btcusdt@trade}) and waits until the server has it. */
    TestClient connect(String pathAndQuery) {
        int before = sim.connectionCount();
        TestClient client;
        try {
            client = TestClient.connect(sim.wsBaseUrl() + pathAndQuery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        clients.add(client);
        await().atMost(WAIT).until(() -> sim.connectionCount() > before);
        return client;
    }

    /** Connects like {@link #connect} and returns the server's id for it ({@code c1}, ...), the newest one. */
    String connectForId(String pathAndQuery, List<TestClient> into) {
        into.add(connect(pathAndQuery));
        List<String> ids = sim.connectionIds();
        return ids.get(ids.size() - 1);
    }

    /** The {@code data} of every combined frame of one stream that the client got, in order. */
    static List<JsonNode> dataOf(TestClient client, String stream) {
        return parsed(client).stream().filter(n -> stream.equals(n.path("stream").asText())).map(n -> n.get("data")).toList();
    }

    static long count(TestClient client, String stream) {
        return dataOf(client, stream).size();
    }

    /** Sends a control message and waits for the next text frame that carries an {@code id} or an error. */
    static JsonNode request(TestClient client, String json) throws IOException {
        int seen = controlAnswers(client).size();
        client.send(json);
        await().atMost(WAIT).until(() -> controlAnswers(client).size() > seen);
        return controlAnswers(client).get(seen);
    }

    static List<JsonNode> controlAnswers(TestClient client) {
        return client.messages().stream().map(SimulatorTestSupport::parse)
                .filter(n -> n.has("id") || n.has("error")).toList();
    }

    static List<JsonNode> parsed(TestClient client) {
        return client.messages().stream().map(SimulatorTestSupport::parse).toList();
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    @AfterEach
    void stopSimulator() {
        clients.forEach(TestClient::close);
        if (sim != null) {
            sim.close();
        }
    }
}
