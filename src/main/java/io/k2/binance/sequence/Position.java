package io.k2.binance.sequence;

import java.util.Objects;

/**
 * The ids of one event on one stream, as the {@link SequenceTracker} needs them: four longs and the kind, so a
 * frame costs one small object and no boxing. What the fields hold depends on the kind:
 *
 * <table>
 *   <caption>fields per kind</caption>
 *   <tr><th>kind</th><th>first</th><th>last</th><th>aux1</th><th>aux2</th></tr>
 *   <tr><td>TRADE</td><td>t</td><td>t</td><td>0</td><td>0</td></tr>
 *   <tr><td>AGG_TRADE</td><td>a</td><td>a</td><td>f</td><td>l</td></tr>
 *   <tr><td>DEPTH_DIFF</td><td>U</td><td>u</td><td>0</td><td>0</td></tr>
 *   <tr><td>BOOK_TICKER</td><td>u</td><td>u</td><td>0</td><td>0</td></tr>
 *   <tr><td>PARTIAL_DEPTH</td><td>lastUpdateId</td><td>lastUpdateId</td><td>0</td><td>0</td></tr>
 *   <tr><td>KLINE</td><td>open time t</td><td>last trade id L (-1 = none)</td><td>closed x (0/1)</td>
 *       <td>event time E</td></tr>
 * </table>
 *
 * Use the factories: they put each id where the tracker expects it.
 */
public record Position(SequenceKind kind, long first, long last, long aux1, long aux2)
        implements Comparable<Position> {

    public Position {
        Objects.requireNonNull(kind, "kind");
        if (kind == SequenceKind.NONE) {
            throw new IllegalArgumentException("streams of kind NONE have no position");
        }
    }

    public static Position trade(long t) {
        return new Position(SequenceKind.TRADE, t, t, 0, 0);
    }

    public static Position aggTrade(long a, long firstTradeId, long lastTradeId) {
        return new Position(SequenceKind.AGG_TRADE, a, a, firstTradeId, lastTradeId);
    }

    /** @throws IllegalArgumentException when {@code U > u}: such a diff would cover no ids */
    public static Position depthDiff(long firstUpdateId, long lastUpdateId) {
        if (firstUpdateId > lastUpdateId) {
            throw new IllegalArgumentException("U " + firstUpdateId + " > u " + lastUpdateId);
        }
        return new Position(SequenceKind.DEPTH_DIFF, firstUpdateId, lastUpdateId, 0, 0);
    }

    public static Position bookTicker(long u) {
        return new Position(SequenceKind.BOOK_TICKER, u, u, 0, 0);
    }

    public static Position partialDepth(long lastUpdateId) {
        return new Position(SequenceKind.PARTIAL_DEPTH, lastUpdateId, lastUpdateId, 0, 0);
    }

    public static Position kline(long openTime, long lastTradeId, boolean closed, long eventTime) {
        return new Position(SequenceKind.KLINE, openTime, lastTradeId, closed ? 1 : 0, eventTime);
    }

    /** aggTrade {@code f}. */
    public long firstTradeId() {
        return aux1;
    }

    /** aggTrade {@code l}, or kline {@code L}. */
    public long lastTradeId() {
        return kind == SequenceKind.KLINE ? last : aux2;
    }

    /** kline {@code t}. */
    public long openTime() {
        return first;
    }

    /** kline {@code x}. */
    public boolean closed() {
        return aux1 != 0;
    }

    /** kline {@code E}. */
    public long eventTime() {
        return aux2;
    }

    /**
     * Stream order: the last id for the id-carrying kinds (for a diff its {@code u}, since a diff is only
     * superseded by one that ends later), and (t, L, x, E) lexicographically for klines.
     *
     * @throws IllegalArgumentException for positions of different kinds, which have no common order
     */
    @Override
    public int compareTo(Position other) {
        requireSameKind(other);
        if (kind != SequenceKind.KLINE) {
            return Long.compare(last, other.last);
        }
        int c = Long.compare(first, other.first);
        if (c != 0) {
            return c;
        }
        c = Long.compare(last, other.last);
        if (c != 0) {
            return c;
        }
        c = Long.compare(aux1, other.aux1);
        return c != 0 ? c : Long.compare(aux2, other.aux2);
    }

    /**
     * Order by content only: like {@link #compareTo} but a kline's event time is ignored, because events with
     * the same (t, L, x) carry the same kline. Equal to {@code compareTo} for every other kind.
     */
    public int compareContent(Position other) {
        if (kind != SequenceKind.KLINE) {
            return compareTo(other);
        }
        requireSameKind(other);
        int c = Long.compare(first, other.first);
        if (c != 0) {
            return c;
        }
        c = Long.compare(last, other.last);
        return c != 0 ? c : Long.compare(aux1, other.aux1);
    }

    private void requireSameKind(Position other) {
        if (other.kind != kind) {
            throw new IllegalArgumentException("cannot order " + kind + " against " + other.kind);
        }
    }
}
