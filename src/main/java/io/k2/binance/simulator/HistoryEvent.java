package io.k2.binance.simulator;

import java.time.Instant;

/**
 * One data event the market generated, whether or not any connection was sent it.
 *
 * <p>Its ids, by stream kind: trade {@code t} (first = last), aggTrade {@code a}, diff depth {@code U} and
 * {@code u}, bookTicker {@code u}, partial depth {@code lastUpdateId}, kline open time {@code k.t} (first)
 * and last trade id {@code k.L} (last), miniTicker its event time in ms (it has no id).
 */
public final class HistoryEvent {

    private final long seq;
    private final String stream;
    private final long firstId;
    private final long lastId;
    private final long generatedMicros;
    private final int receivers;
    private final MarketEvent event;

    HistoryEvent(long seq, String stream, long generatedMicros, int receivers, MarketEvent event) {
        this.seq = seq;
        this.stream = stream;
        this.generatedMicros = generatedMicros;
        this.receivers = receivers;
        this.event = event;
        if (event instanceof MarketEvent.Trade t) {
            firstId = t.id();
            lastId = t.id();
        } else if (event instanceof MarketEvent.AggTrade a) {
            firstId = a.id();
            lastId = a.id();
        } else if (event instanceof MarketEvent.DepthUpdate d) {
            firstId = d.firstUpdateId();
            lastId = d.finalUpdateId();
        } else if (event instanceof MarketEvent.BookTicker b) {
            firstId = b.updateId();
            lastId = b.updateId();
        } else if (event instanceof MarketEvent.DepthSnapshot d) {
            firstId = d.lastUpdateId();
            lastId = d.lastUpdateId();
        } else if (event instanceof MarketEvent.Kline k) {
            firstId = k.openMillis();
            lastId = k.lastTradeId();
        } else if (event instanceof MarketEvent.MiniTicker m) {
            firstId = m.eventMicros() / 1000;
            lastId = firstId;
        } else {
            throw new IllegalArgumentException("not market data: " + event);
        }
    }

    /** Position in the stream's sequence of generated events, from 1; it counts events the ring has evicted. */
    public long seq() {
        return seq;
    }

    public String stream() {
        return stream;
    }

    public long firstId() {
        return firstId;
    }

    /** What {@link History#range} compares with. */
    public long lastId() {
        return lastId;
    }

    /** Generation time, epoch µs; the {@code E} of events that carry one. */
    public long generatedMicros() {
        return generatedMicros;
    }

    public Instant generatedAt() {
        return Instant.ofEpochSecond(generatedMicros / 1_000_000, generatedMicros % 1_000_000 * 1000);
    }

    /** How many connections were written this event when it was generated (0: nobody got it). */
    public int receivers() {
        return receivers;
    }

    /** The event JSON as a millisecond connection gets it inside {@code data}, the ledger's payload form. */
    public String payload() {
        return event.render(false);
    }

    MarketEvent event() {
        return event;
    }

    @Override
    public String toString() {
        return stream + "#" + seq + "[" + firstId + ".." + lastId + "]";
    }
}
