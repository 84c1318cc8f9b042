package io.k2.binance.soak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The simulator's {@code /sim/} control endpoint, as far as the soak needs it (see simulator/ControlEndpoint). */
final class SimulatorControl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String baseUrl;

    SimulatorControl(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    List<String> connectionIds() throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode c : JSON.readTree(send("GET", "/sim/connections"))) {
            ids.add(c.get("id").asText());
        }
        return ids;
    }

    void drop(String connection) throws IOException {
        send("POST", "/sim/faults/drop?connection=" + encode(connection));
    }

    /** All data, new connections included; pings go on, so the socket stays healthy. */
    void stall(boolean on) throws IOException {
        send("POST", "/sim/faults/stall?on=" + on);
    }

    /** The newest id the stream generated (trade t, aggTrade a), empty before its first event. */
    OptionalLong lastId(String stream) throws IOException {
        JsonNode n = JSON.readTree(send("GET", "/sim/history?stream=" + encode(stream) + "&limit=0")).get("lastId");
        return n == null || n.isNull() ? OptionalLong.empty() : OptionalLong.of(n.asLong());
    }

    private String send(String method, String pathAndQuery) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(10));
        b = method.equals("POST") ? b.POST(HttpRequest.BodyPublishers.noBody()) : b.GET();
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("simulator answered HTTP " + r.statusCode() + " to " + method + " " + pathAndQuery
                        + ": " + r.body().strip());
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
