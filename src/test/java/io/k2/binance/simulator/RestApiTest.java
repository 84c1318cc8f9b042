package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** REST depth snapshot (consistent with the diff-depth ids) and exchangeInfo. */
class RestApiTest extends SimulatorTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.restBaseUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void depthSnapshotFitsTheDiffStream() throws Exception {
        start(config().ratePerSecond(300));
        TestClient client = connect("/ws/btcusdt@depth@100ms");
        await().atMost(WAIT).until(() -> client.messages().size() >= 3);
        HttpResponse<String> response = get("/api/v3/depth?symbol=BTCUSDT&limit=10");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode snapshot = parse(response.body());
        assertThat(List.copyOf(iterable(snapshot.fieldNames()))).containsExactly("lastUpdateId", "bids", "asks");
        assertThat(snapshot.get("bids").size()).isEqualTo(10);
        assertThat(snapshot.get("bids").get(0).get(0).asDouble()).isLessThan(snapshot.get("asks").get(0).get(0).asDouble());
        long lastUpdateId = snapshot.get("lastUpdateId").asLong();
        // Binance's resync rule: some event after the snapshot has U <= lastUpdateId + 1 <= u.
        await().atMost(WAIT).until(() -> parsed(client).stream().anyMatch(e ->
                e.get("U").asLong() <= lastUpdateId + 1 && lastUpdateId + 1 <= e.get("u").asLong()));
        assertThat(get("/api/v3/depth?symbol=DOGEUSDT").statusCode()).isEqualTo(400);
        assertThat(get("/api/v3/depth").statusCode()).isEqualTo(400);
    }

    @Test
    void exchangeInfoDescribesTheSimulatedSymbols() throws Exception {
        start(config().symbols(List.of("btcusdt", "ETHBTC", "ADAUSDT:ADA/USDT", "dogefdusd")));
        JsonNode all = parse(get("/api/v3/exchangeInfo").body());
        assertThat(all.get("symbols")).hasSize(4);
        JsonNode btc = all.get("symbols").get(0);
        assertThat(btc.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(btc.get("status").asText()).isEqualTo("TRADING");
        assertThat(btc.get("baseAsset").asText()).isEqualTo("BTC");
        assertThat(btc.get("quoteAsset").asText()).isEqualTo("USDT");
        assertThat(all.get("symbols").get(2).get("baseAsset").asText()).isEqualTo("ADA");
        // Not in the built-in table: split at its quote asset.
        assertThat(all.get("symbols").get(3).get("baseAsset").asText()).isEqualTo("DOGE");
        assertThat(all.get("symbols").get(3).get("quoteAsset").asText()).isEqualTo("FDUSD");

        JsonNode one = parse(get("/api/v3/exchangeInfo?symbol=ETHBTC").body());
        assertThat(one.get("symbols")).hasSize(1);
        assertThat(one.get("symbols").get(0).get("quoteAsset").asText()).isEqualTo("BTC");

        String two = URLEncoder.encode("[\"BTCUSDT\",\"ADAUSDT\"]", StandardCharsets.UTF_8);
        JsonNode some = parse(get("/api/v3/exchangeInfo?symbols=" + two).body());
        assertThat(some.get("symbols").findValuesAsText("symbol")).containsExactly("BTCUSDT", "ADAUSDT");
        assertThat(get("/api/v3/exchangeInfo?symbol=NOPE").statusCode()).isEqualTo(400);
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
