package io.k2.binance.simulator;

import java.time.Duration;
import java.util.Map;

/**
 * The faults that can be injected into a running simulator from outside its JVM, by name: what
 * {@code POST /sim/faults/<name>} and {@code bin/k2 simulate fault <name>} accept. Each maps onto a public
 * method of {@link BinanceSimulator}; parameters come as strings (query parameters or CLI options).
 * Without {@code connection}, a connection fault applies to every connection open at that moment.
 */
enum Fault {

    DROP("drop", "[connection]", "close at the TCP level without a close frame; the client sees 1006"),
    CLOSE("close", "[connection] [code=1008] [reason=Too many requests]", "close with this close frame"),
    SHUTDOWN("shutdown", "[connection]", "send serverShutdown now and close with 1001 shutdownNotice later"),
    STALL("stall", "[connection] [stream] [on=false]",
            "stop sending data (of one stream only with stream); pings go on, the market too; on=false resumes."
                    + " Without connection and stream: all data, new connections included"),
    HALF_OPEN("half-open", "[connection] [on=false]",
            "swallow the client's pings so no pong goes back; data and server pings go on"),
    FREEZE("freeze", "[connection] [on=false]",
            "like SIGSTOP: no data, no pings sent, client pings and messages unread; the socket stays open"),
    PAUSE_PINGS("pause-pings", "[on=false]", "stop sending pings to every connection"),
    IGNORE_PONGS("ignore-pongs", "[on=false]", "do not count pongs, so the pong timeout closes every connection"),
    REJECT("reject", "[count=1] [status=429|418] [retryAfter=DURATION]",
            "refuse the next count handshakes with this HTTP status and a Retry-After header (default 429, 10s)"),
    DOWN("down", "for=DURATION",
            "stop listening (open connections drop, 1006; connecting is refused) and listen again on the same"
                    + " port after DURATION; the market keeps running"),
    DUPLICATE("duplicate", "stream [back=1] [connection]",
            "send again the event back positions before the newest of the stream's history (a duplicate t / old u)"),
    DROP_DEPTH("drop-depth", "symbol", "the symbol's next diff-depth event is generated but sent to nobody: a U/u gap"),
    SKIP("skip", "stream [count=1]",
            "the stream's next count events are generated (history, REST) but sent to nobody: an id jump"),
    REST_REJECT("rest-reject", "[count=1] [status=429|418] [retryAfter=DURATION]",
            "answer the next count REST requests with this status, Binance's -1003 body and Retry-After (default 429, 10s)"),
    REST_UNBAN("rest-unban", "", "lift a REST 418 ban, the 429 state and pending rest-reject answers"),
    RAW("raw", "frame=TEXT [connection]", "send this text frame as it is (e.g. malformed JSON); not recorded as data");

    final String id;
    final String params;
    final String help;

    Fault(String id, String params, String help) {
        this.id = id;
        this.params = params;
        this.help = help;
    }

    static Fault byId(String id) {
        for (Fault f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Applies the fault and says what it did (a JSON object's fields). {@link #DOWN} is not applied here: it
     * takes the endpoint itself away, so {@link ControlEndpoint} answers first.
     */
    String apply(BinanceSimulator sim, Map<String, String> p) {
        String connection = p.get("connection");
        boolean on = !"false".equalsIgnoreCase(p.getOrDefault("on", "true"));
        switch (this) {
            case DROP -> {
                if (connection == null) {
                    sim.dropConnectionsAbruptly();
                } else {
                    sim.dropConnectionAbruptly(connection);
                }
            }
            case CLOSE -> {
                int code = integer(p, "code", 1008);
                String reason = p.getOrDefault("reason", "Too many requests");
                if (connection == null) {
                    sim.closeConnections(code, reason);
                } else {
                    sim.closeConnection(connection, code, reason);
                }
            }
            case SHUTDOWN -> {
                if (connection == null) {
                    sim.sendServerShutdown();
                } else {
                    sim.sendServerShutdown(connection);
                }
            }
            case STALL -> {
                String stream = p.get("stream");
                if (connection == null && stream == null) {
                    sim.stallData(on);
                } else if (stream == null) {
                    sim.stallData(connection, on);
                } else if (connection != null) {
                    sim.stallStream(connection, stream, on);
                } else {
                    // "All" means every connection that has the stream; the others have nothing to stall.
                    for (ConnectionInfo c : sim.connections()) {
                        if (c.streams().contains(stream)) {
                            sim.stallStream(c.id(), stream, on);
                        }
                    }
                }
            }
            case HALF_OPEN -> {
                for (String c : connection == null ? sim.connectionIds() : java.util.List.of(connection)) {
                    sim.swallowPings(c, on);
                }
            }
            case FREEZE -> {
                for (String c : connection == null ? sim.connectionIds() : java.util.List.of(connection)) {
                    sim.freeze(c, on);
                }
            }
            case PAUSE_PINGS -> sim.pausePings(on);
            case IGNORE_PONGS -> sim.ignorePongs(on);
            case REJECT -> {
                int status = integer(p, "status", 429);
                sim.rejectHandshakes(integer(p, "count", 1), status,
                        SimulatorMain.duration(p.getOrDefault("retryAfter", "10s"), "retryAfter"));
            }
            case DUPLICATE -> {
                HistoryEvent e = sim.resendOldEvent(required(p, "stream"), integer(p, "back", 1), connection);
                return "\"stream\":\"" + e.stream() + "\",\"seq\":" + e.seq() + ",\"firstId\":" + e.firstId()
                        + ",\"lastId\":" + e.lastId();
            }
            case DROP_DEPTH -> sim.dropNextDepthEvent(required(p, "symbol"));
            case SKIP -> {
                String stream = required(p, "stream");
                int count = integer(p, "count", 1);
                sim.skipEvents(stream, count);
                return "\"stream\":\"" + stream + "\",\"count\":" + count;
            }
            case REST_REJECT -> {
                int count = integer(p, "count", 1);
                int status = integer(p, "status", 429);
                sim.rejectRest(count, status, SimulatorMain.duration(p.getOrDefault("retryAfter", "10s"), "retryAfter"));
                return "\"rest\":{\"count\":" + count + ",\"status\":" + status + "}";
            }
            case REST_UNBAN -> {
                sim.clearRestBan();
                return "\"rest\":\"unbanned\"";
            }
            case RAW -> {
                String frame = required(p, "frame");
                if (connection == null) {
                    sim.sendRaw(frame);
                } else {
                    sim.sendRaw(connection, frame);
                }
            }
            case DOWN -> throw new IllegalStateException("down is applied by the control endpoint");
        }
        return "\"connections\":" + (connection == null ? "\"all\"" : "\"" + connection + "\"");
    }

    static Duration downFor(Map<String, String> p) {
        return SimulatorMain.duration(required(p, "for"), "for");
    }

    private static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing parameter " + name);
        }
        return v;
    }

    private static int integer(Map<String, String> p, String name, int defaultValue) {
        String v = p.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a whole number: " + v);
        }
    }
}
