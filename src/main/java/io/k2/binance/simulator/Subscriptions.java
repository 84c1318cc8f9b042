package io.k2.binance.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The market's streams, which connection listens to which, and the fan-out of an event to its
 * subscribers. Every stream of a simulated symbol generates whether or not anyone listens: the history
 * records all of it, the ledger what was written to whom.
 *
 * <p>Confined to the simulator's event loop; the counters are read by progress reporting.
 */
final class Subscriptions {

    private final Map<String, SymbolMarket> markets;
    private final Map<String, MarketStream> streams = new HashMap<>();
    /** Streams of simulated symbols, in the order they joined; what the generator picks from. */
    private final List<MarketStream> producing = new ArrayList<>();
    private final Ledger ledger;
    private final boolean recordLedger;
    private final History history;
    private final SimulatorConfig config;
    private long tick;
    private boolean dataStalled;
    private volatile long framesSent;
    private volatile long backoffs;
    /** Bumped whenever {@link #producing} changes, so the generator knows to redo its weights. */
    private int generation;

    Subscriptions(Map<String, SymbolMarket> markets, Ledger ledger, History history, SimulatorConfig config) {
        this.markets = markets;
        this.ledger = ledger;
        this.recordLedger = ledger.active();
        this.history = history;
        this.config = config;
        for (SymbolMarket market : markets.values()) {
            for (String kind : config.streams()) {
                join(StreamName.parse(market.spec.streamSymbol() + "@" + kind));
            }
        }
    }

    private MarketStream join(StreamName name) {
        MarketStream stream = streams.get(name.name());
        if (stream == null) {
            SymbolMarket market = markets.get(name.symbol());
            stream = new MarketStream(name, market, config.symbolWeight(name.symbol()));
            streams.put(name.name(), stream);
            if (market != null) {
                producing.add(stream);
                generation++;
            }
        }
        return stream;
    }

    Collection<SymbolMarket> markets() {
        return markets.values();
    }

    SymbolMarket market(String lowerCaseSymbol) {
        return markets.get(lowerCaseSymbol);
    }

    List<MarketStream> producing() {
        return producing;
    }

    int generation() {
        return generation;
    }

    MarketStream stream(String streamName) {
        return streams.get(streamName);
    }

    History history() {
        return history;
    }

    void subscribe(SimulatedConnection connection, StreamName name) {
        if (!connection.subscriptions.add(name.name())) {
            return;
        }
        join(name).subscribers.add(connection);
    }

    void unsubscribe(SimulatedConnection connection, String name) {
        if (!connection.subscriptions.remove(name)) {
            return;
        }
        MarketStream stream = streams.get(name);
        stream.subscribers.remove(connection);
        if (stream.market == null && stream.subscribers.isEmpty()) {
            // Names of unknown symbols generate nothing; keeping them would only grow the map.
            streams.remove(name);
        }
    }

    void unsubscribeAll(SimulatedConnection connection) {
        for (String name : List.copyOf(connection.subscriptions)) {
            unsubscribe(connection, name);
        }
    }

    /** Nobody is sent data while stalled; the market goes on. */
    void stallData(boolean stalled) {
        this.dataStalled = stalled;
    }

    /** Starts a generation tick: connections that backed off in the previous one may write again. */
    void nextTick() {
        tick++;
    }

    /** Writes one event to every subscriber that can take it now and records it; returns how many got it. */
    int publish(MarketStream stream, MarketEvent event, long nowMicros, boolean drop) {
        int written = drop || dataStalled ? 0 : write(stream, event);
        history.record(stream.name.name(), nowMicros, written, event);
        return written;
    }

    private int write(MarketStream stream, MarketEvent event) {
        String millisPayload = null;
        String microsPayload = null;
        String millisCombined = null;
        String microsCombined = null;
        int written = 0;
        String name = stream.name.name();
        for (int i = 0, n = stream.subscribers.size(); i < n; i++) {
            SimulatedConnection c = stream.subscribers.get(i);
            if (c.isClosed() || c.backoffTick == tick || !c.takesData(name)) {
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
                frame = c.combined ? (microsCombined == null ? microsCombined = wrap(name, payload) : microsCombined) : payload;
            } else {
                payload = millisPayload == null ? millisPayload = event.render(false) : millisPayload;
                frame = c.combined ? (millisCombined == null ? millisCombined = wrap(name, payload) : millisCombined) : payload;
            }
            c.write(frame);
            if (recordLedger) {
                ledger.record(c.id, name, payload);
            }
            written++;
        }
        framesSent += written;
        return written;
    }

    /** Writes an event again, as it was, to one connection: a duplicate. Recorded in the ledger, as sent. */
    boolean resend(SimulatedConnection c, String stream, MarketEvent event) {
        if (c.isClosed()) {
            return false;
        }
        String payload = event.render(c.micros);
        c.write(c.combined ? wrap(stream, payload) : payload);
        if (recordLedger) {
            ledger.record(c.id, stream, payload);
        }
        framesSent++;
        return true;
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
