package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP/1.1 calls over loopback to the started simulator's REST and control paths. */
abstract class RestTestSupport extends SimulatorTestSupport {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.restBaseUrl() + pathAndQuery));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.GET().build());
    }

    HttpResponse<String> post(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(sim.restBaseUrl() + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(String pathAndQuery, String... headers) {
        HttpResponse<String> r = get(pathAndQuery, headers);
        if (r.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return parse(r.body());
    }

    static long usedWeight(HttpResponse<String> r, String header) {
        return Long.parseLong(r.headers().firstValue(header).orElseThrow(() -> new AssertionError("no " + header + " in " + r.headers().map())));
    }
}
