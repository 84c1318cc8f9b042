package io.k2.binance.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which connection listens to which stream, and the fan-out of an event to its subscribers. Only streams
 * somebody listens to are generated, so the ledger holds exactly what was produced.
 *
 * <p>Confined to the simulator's event loop; the counters are read by progress reporting.
 */
final class Subscriptions {

    private final Map<String, SymbolMarket> markets;
    private final Map<String, ActiveStream> streams = new HashMap<>();
    /** Streams of simulated symbols that have subscribers; what the generator picks from. */
    private final List<ActiveStream> producing = new ArrayList<>();
    private final Ledger ledger;
    private final boolean recordLedger;
    private long tick;
    private volatile long framesSent;
    private volatile long backoffs;

    Subscriptions(Map<String, SymbolMarket> markets, Ledger ledger) {
        this.markets = markets;
        this.ledger = ledger;
        this.recordLedger = ledger.active();
    }

    Collection<SymbolMarket> markets() {
        return markets.values();
    }

    SymbolMarket market(String lowerCaseSymbol) {
        return markets.get(lowerCaseSymbol);
    }

    List<ActiveStream> producing() {
        return producing;
    }

    ActiveStream active(String streamName) {
        return streams.get(streamName);
    }

    void subscribe(SimulatedConnection connection, StreamName name) {
        if (!connection.subscriptions.add(name.name())) {
            return;
        }
        ActiveStream stream = streams.get(name.name());
        if (stream == null) {
            SymbolMarket market = markets.get(name.symbol());
            stream = new ActiveStream(name, market);
            streams.put(name.name(), stream);
            if (market != null) {
                producing.add(stream);
            }
        }
        stream.subscribers.add(connection);
    }

    void unsubscribe(SimulatedConnection connection, String name) {
        if (!connection.subscriptions.remove(name)) {
            return;
        }
        ActiveStream stream = streams.get(name);
        stream.subscribers.remove(connection);
        if (stream.subscribers.isEmpty()) {
            streams.remove(name);
            producing.remove(stream);
            stream.retire();
        }
    }

    void unsubscribeAll(SimulatedConnection connection) {
        for (String name : List.copyOf(connection.subscriptions)) {
            unsubscribe(connection, name);
        }
    }

    /** Starts a generation tick: connections that backed off in the previous one may write again. */
    void nextTick() {
        tick++;
    }

    /** Writes one event to every subscriber that can take it now; returns how many got it. */
    int publish(ActiveStream stream, MarketEvent event) {
        String millisPayload = null;
        String microsPayload = null;
        String millisCombined = null;
        String microsCombined = null;
        int written = 0;
        for (int i = 0, n = stream.subscribers.size(); i < n; i++) {
            SimulatedConnection c = stream.subscribers.get(i);
            if (c.isClosed() || c.backoffTick == tick) {
                continue;
            }
            if (c.writeQueueFull()) {
                // A slow client misses this tick instead of making the server buffer without bound.
                c.backoffTick = tick;
                countBackoff();
                continue;
            }
            String payload;
            String frame;
            if (c.micros) {
                payload = microsPayload == null ? microsPayload = event.render(true) : microsPayload;
                frame = c.combined ? (microsCombined == null ? microsCombined = wrap(stream.name.name(), payload) : microsCombined) : payload;
            } else {
                payload = millisPayload == null ? millisPayload = event.render(false) : millisPayload;
                frame = c.combined ? (millisCombined == null ? millisCombined = wrap(stream.name.name(), payload) : millisCombined) : payload;
            }
            c.write(frame);
            if (recordLedger) {
                ledger.record(c.id, stream.name.name(), payload);
            }
            written++;
        }
        framesSent += written;
        return written;
    }

    /** A data frame that bypasses generation (replay): written and recorded like any event. */
    void publishVerbatim(SimulatedConnection c, String stream, String line) {
        c.write(line);
        if (recordLedger) {
            ledger.record(c.id, stream, line);
        }
        framesSent++;
    }

    void countBackoff() {
        backoffs++;
    }

    static String wrap(String stream, String payload) {
        return new StringBuilder(payload.length() + stream.length() + 22)
                .append("{\"stream\":\"").append(stream).append("\",\"data\":").append(payload).append('}').toString();
    }

    long framesSent() {
        return framesSent;
    }

    long backoffs() {
        return backoffs;
    }
}
