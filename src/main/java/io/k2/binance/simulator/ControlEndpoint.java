package io.k2.binance.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /sim/...} on the simulator's own port: status, connections, history and fault injection for a
 * demo or an outside check against a running {@code bin/k2 simulate}. Answers loopback peers only unless
 * {@link SimulatorConfig#controlFromAnyHost()}, because the simulator may listen on 0.0.0.0 in compose and
 * anyone who reaches it could otherwise cut connections. Requests carrying {@code Origin} are refused too,
 * so that a web page open on the same machine cannot post faults.
 *
 * <p>Runs on the simulator's event loop.
 */
final class ControlEndpoint {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int DEFAULT_HISTORY_LIMIT = 1000;

    private final BinanceSimulator sim;
    private final boolean anyHost;

    ControlEndpoint(BinanceSimulator sim, boolean anyHost) {
        this.sim = sim;
        this.anyHost = anyHost;
    }

    static boolean loopback(String ip) {
        try {
            // An IP literal: no name lookup happens.
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    void handle(HttpServerRequest request) {
        if (!anyHost && !loopback(request.remoteAddress().hostAddress())) {
            reply(request, 403, error("the control endpoint answers loopback peers only; start the simulator with"
                    + " --control-from-anywhere to allow " + request.remoteAddress().hostAddress()));
            return;
        }
        if (request.getHeader("Origin") != null) {
            reply(request, 403, error("requests from web pages (with an Origin header) are refused; use curl or bin/k2 simulate fault"));
            return;
        }
        String path = request.path();
        try {
            if (path.equals("/sim/status") && get(request)) {
                reply(request, 200, status());
            } else if (path.equals("/sim/connections") && get(request)) {
                reply(request, 200, MAPPER.writeValueAsString(sim.connections()));
            } else if (path.equals("/sim/faults") && get(request)) {
                reply(request, 200, faults());
            } else if (path.equals("/sim/history") && get(request)) {
                reply(request, 200, history(request));
            } else if (path.startsWith("/sim/faults/")) {
                if (request.method() != HttpMethod.POST) {
                    reply(request, 405, error("use POST for faults: curl -X POST '" + sim.restBaseUrl() + path + "'"));
                    return;
                }
                request.body().onSuccess(body -> fault(request, path.substring("/sim/faults/".length()), body.toString()));
            } else {
                reply(request, 404, error("not a control path: " + path + " (try GET /sim/status, /sim/connections,"
                        + " /sim/faults, /sim/history?stream=, POST /sim/faults/<name>)"));
            }
        } catch (IllegalArgumentException e) {
            reply(request, 400, error(e.getMessage()));
        } catch (JsonProcessingException e) {
            reply(request, 500, error(e.getMessage()));
        }
    }

    private static boolean get(HttpServerRequest request) {
        return request.method() == HttpMethod.GET;
    }

    private void fault(HttpServerRequest request, String name, String body) {
        Fault fault = Fault.byId(name);
        if (fault == null) {
            reply(request, 404, error("unknown fault '" + name + "'; GET /sim/faults lists them"));
            return;
        }
        Map<String, String> params = new HashMap<>();
        request.params().forEach(e -> params.put(e.getKey(), e.getValue()));
        if (fault == Fault.RAW && !params.containsKey("frame") && !body.isEmpty()) {
            params.put("frame", body);
        }
        try {
            if (fault == Fault.DOWN) {
                Duration downFor = Fault.downFor(params);
                // Answer first, and go down only once the answer is out and its connection closed: going
                // down takes this endpoint away with the rest, and would cut the answer short.
                request.connection().closeHandler(v -> sim.goDown(downFor));
                request.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                        .putHeader("Connection", "close")
                        .end("{\"fault\":\"down\",\"for\":\"" + downFor + "\",\"port\":" + sim.port() + "}\n")
                        .onComplete(v -> request.connection().close());
                return;
            }
            String what = fault.apply(sim, params);
            reply(request, 200, "{\"fault\":\"" + fault.id + "\"," + what + "}");
        } catch (IllegalArgumentException | IllegalStateException e) {
            reply(request, 400, error(e.getMessage()));
        }
    }

    private String status() throws JsonProcessingException {
        ObjectNode n = MAPPER.createObjectNode();
        SimulatorConfig c = sim.config();
        n.put("port", sim.port());
        n.put("listening", sim.isListening());
        n.put("connections", sim.connectionCount());
        ArrayNode symbols = n.putArray("symbols");
        c.symbols().forEach(s -> symbols.addObject().put("symbol", s.streamSymbol()).put("weight", c.symbolWeight(s.streamSymbol())));
        ArrayNode streams = n.putArray("streams");
        c.streams().forEach(streams::add);
        n.put("ratePerSecond", c.ratePerSecond());
        n.put("marketEvents", sim.marketEvents());
        n.put("eventsSent", sim.eventsGenerated());
        n.put("framesSent", sim.framesSent());
        n.put("backoffs", sim.backoffs());
        n.put("historySize", c.historySize());
        n.put("restWeightLimit", c.restWeightLimit());
        n.put("restUsedWeight", sim.restUsedWeight());
        n.put("restMaxUsedWeight", sim.restMaxUsedWeight());
        java.time.Instant bannedUntil = sim.restBannedUntil();
        if (bannedUntil == null) {
            n.putNull("restBannedUntil");
        } else {
            n.put("restBannedUntil", bannedUntil.toEpochMilli());
        }
        return MAPPER.writeValueAsString(n);
    }

    private static String faults() throws JsonProcessingException {
        ArrayNode a = MAPPER.createArrayNode();
        for (Fault f : Fault.values()) {
            a.addObject().put("name", f.id).put("params", f.params).put("help", f.help);
        }
        return MAPPER.writeValueAsString(a);
    }

    private String history(HttpServerRequest request) throws JsonProcessingException {
        String stream = request.getParam("stream");
        if (stream == null) {
            return MAPPER.writeValueAsString(sim.history().streams());
        }
        long from = longParam(request, "fromId", Long.MIN_VALUE);
        long to = longParam(request, "toId", Long.MAX_VALUE);
        long limit = longParam(request, "limit", DEFAULT_HISTORY_LIMIT);
        List<HistoryEvent> events = sim.history().range(stream, from, to);
        // the newest id, whatever the range asked for: what an outside ledger check (bin/k2 soak) must see
        // delivered, without paging through the whole ring
        HistoryEvent newest = sim.history().back(stream, 1);
        StringBuilder sb = new StringBuilder("{\"stream\":").append(MAPPER.writeValueAsString(stream))
                .append(",\"generated\":").append(sim.history().generated(stream))
                .append(",\"lastId\":").append(newest == null ? "null" : Long.toString(newest.lastId()))
                .append(",\"events\":[");
        int n = 0;
        for (HistoryEvent e : events) {
            if (n == limit) {
                break;
            }
            sb.append(n++ == 0 ? "" : ",").append("{\"seq\":").append(e.seq()).append(",\"firstId\":").append(e.firstId())
                    .append(",\"lastId\":").append(e.lastId()).append(",\"generatedMicros\":").append(e.generatedMicros())
                    .append(",\"receivers\":").append(e.receivers()).append(",\"data\":").append(e.payload()).append('}');
        }
        return sb.append("]}").toString();
    }

    private static long longParam(HttpServerRequest request, String name, long defaultValue) {
        String v = request.getParam(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a whole number: " + v);
        }
    }

    private static String error(String message) {
        return "{\"error\":" + MAPPER.valueToTree(message).toString() + "}";
    }

    private static void reply(HttpServerRequest request, int status, String json) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json + "\n");
    }
}
