package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /sim/...} works from a plain HTTP client: status, connections, history, and faults by name. */
class ControlEndpointTest extends SimulatorTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String pathAndQuery) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.restBaseUrl() + pathAndQuery));
        b = method.equals("POST") ? b.POST(HttpRequest.BodyPublishers.noBody()) : b.GET();
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void statusConnectionsHistoryAndATargetedFault() throws Exception {
        start(config().ratePerSecond(1000));
        List<TestClient> clients = new ArrayList<>();
        String target = connectForId("/stream?streams=btcusdt@trade/btcusdt@bookTicker", clients);
        connectForId("/ws/ethusdt@trade", clients);

        JsonNode status = parse(send("GET", "/sim/status").body());
        assertThat(status.get("listening").asBoolean()).isTrue();
        assertThat(status.get("connections").asInt()).isEqualTo(2);
        assertThat(status.get("streams").toString()).contains("depth@100ms");

        JsonNode connections = parse(send("GET", "/sim/connections").body());
        assertThat(connections.get(0).get("id").asText()).isEqualTo(target);
        assertThat(connections.get(0).get("streams").toString()).isEqualTo("[\"btcusdt@trade\",\"btcusdt@bookTicker\"]");
        assertThat(connections.get(1).get("combined").asBoolean()).isFalse();

        await().atMost(WAIT).until(() -> sim.history().generated("btcusdt@trade") > 20);
        JsonNode history = parse(send("GET", "/sim/history?stream=btcusdt@trade&limit=5").body());
        assertThat(history.get("events")).hasSize(5);
        JsonNode first = history.get("events").get(0);
        assertThat(first.get("data").get("t").asLong()).isEqualTo(first.get("lastId").asLong());
        long newest = history.get("lastId").asLong();
        assertThat(newest).isGreaterThan(history.get("events").get(4).get("lastId").asLong());
        JsonNode atNewest = parse(send("GET", "/sim/history?stream=btcusdt@trade&fromId=" + newest + "&toId=" + newest).body());
        assertThat(atNewest.get("events")).hasSize(1);
        assertThat(parse(send("GET", "/sim/history?stream=nosuch@trade").body()).get("lastId").isNull()).isTrue();

        HttpResponse<String> stall = send("POST", "/sim/faults/stall?connection=" + target + "&stream=btcusdt@trade");
        assertThat(stall.statusCode()).as(stall.body()).isEqualTo(200);
        assertThat(parse(send("GET", "/sim/connections").body()).get(0).get("faults").toString()).contains("stall:btcusdt@trade");

        HttpResponse<String> drop = send("POST", "/sim/faults/drop?connection=" + target);
        assertThat(drop.statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(clients.get(0)::ended);
        assertThat(clients.get(0).closeCode()).isEqualTo(1006);
        assertThat(clients.get(1).ended()).isFalse();
    }

    @Test
    void mistakesAreAnsweredWithWhatToDo() throws Exception {
        start(config().ratePerSecond(0));
        HttpResponse<String> unknown = send("POST", "/sim/faults/explode");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("GET /sim/faults lists them");
        HttpResponse<String> noSuchConnection = send("POST", "/sim/faults/drop?connection=c42");
        assertThat(noSuchConnection.statusCode()).isEqualTo(400);
        assertThat(noSuchConnection.body()).contains("no open connection c42");
        assertThat(send("GET", "/sim/faults/drop").statusCode()).isEqualTo(405);
        assertThat(parse(send("GET", "/sim/faults").body()).findValuesAsText("name")).contains("half-open", "freeze", "down");
        HttpResponse<String> fromAPage = http.send(HttpRequest.newBuilder(URI.create(sim.restBaseUrl() + "/sim/faults/drop"))
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fromAPage.statusCode()).isEqualTo(403);
    }

    @Test
    void downForADurationComesBackOnTheSamePort() throws Exception {
        start(config().ratePerSecond(100));
        int port = sim.port();
        HttpResponse<String> down = send("POST", "/sim/faults/down?for=700ms");
        assertThat(down.statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !sim.isListening());
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(sim::isListening);
        assertThat(sim.port()).isEqualTo(port);
        assertThat(send("GET", "/sim/status").statusCode()).isEqualTo(200);
    }
}
