package io.k2.binance.connection;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.k2.binance.sequence.Position;
import io.k2.binance.sequence.SequenceTracker;

/**
 * One make-before-break replacement of a shard's connection in progress: the new ("incoming") connection is
 * open next to the old one, and its frames are held back until, for every stream, what the old connection
 * delivered has caught up with the incoming one's first event. Only then does the incoming connection take
 * over, and its held frames go through the sequence tracker, which drops the ones the old one already
 * delivered. Cutting over to a connection that is ahead would raise the mark past the old connection's
 * remaining frames and lose them; holding the incoming frames back is what prevents that.
 *
 * <p>Caught up means, per stream (see {@link SequenceTracker#covers}): the incoming connection has a first
 * event on the stream and the delivered high-water mark covers it; and no stream was delivered by the old
 * connection after the incoming one opened without the incoming one having shown that stream too. A stream
 * quiet on both is caught up. A minimum overlap lets frames already in flight on the old socket land first.
 * When the old connection is presumed dead (stale, pong timeout, closed), there is nothing to wait for.
 *
 * <p>Confined to the group's event loop.
 */
final class Rotation {

    final String reason;
    final BinanceConnection incoming;
    final long startedNanos;
    boolean oldPresumedDead;
    private long openedNanos = -1;
    private final Map<String, Position> firstOnIncoming = new HashMap<>();
    /** Streams the old connection delivered after the incoming one opened. */
    private final Set<String> deliveredByOld = new HashSet<>();
    private long lastDeliveryByOldNanos;
    /** Streams stale on the old connection (silent for the stream-stale timeout) when or since the rotation began. */
    private final Set<String> staleOnOld = new HashSet<>();
    private final ArrayDeque<Held> held = new ArrayDeque<>();

    /** A frame of the incoming connection, waiting for the cut-over. */
    record Held(BinanceFrame frame, Position position) {
    }

    Rotation(String reason, BinanceConnection incoming, long nowNanos, boolean oldPresumedDead) {
        this.reason = reason;
        this.incoming = incoming;
        this.startedNanos = nowNanos;
        this.oldPresumedDead = oldPresumedDead;
    }

    /** The old connection closed, went silent or missed its pong: nothing more will come from it. */
    void presumeOldDead() {
        oldPresumedDead = true;
    }

    /** The stream is stale on the old connection: unless the old one delivers it again, it is not waited for. */
    void staleOnOld(String stream) {
        staleOnOld.add(stream);
    }

    /**
     * A stream stale on the old connection that it has not delivered since the incoming one opened: the old one
     * will not bring what the incoming one starts with, so waiting for it to cover that only runs into the
     * catch-up timeout (a stale stream's rotation, the very case it exists for, always did: its events during
     * the silent spell are a gap either way), holding back every stream of the shard meanwhile.
     */
    private boolean notCarriedByOld(String stream) {
        return staleOnOld.contains(stream) && !deliveredByOld.contains(stream);
    }

    void incomingOpened(long nowNanos) {
        openedNanos = nowNanos;
    }

    boolean incomingOpen() {
        return openedNanos >= 0;
    }

    void hold(BinanceFrame frame, Position position) {
        if (position != null && frame.stream() != null) {
            firstOnIncoming.putIfAbsent(frame.stream(), position);
        }
        held.addLast(new Held(frame, position));
    }

    int heldCount() {
        return held.size();
    }

    ArrayDeque<Held> release() {
        return held;
    }

    void deliveredByOld(String stream) {
        lastDeliveryByOldNanos = System.nanoTime();
        if (openedNanos >= 0 && stream != null) {
            deliveredByOld.add(stream);
        }
    }

    /** True when the incoming connection can take over without losing what the old one still carries. */
    boolean caughtUp(SequenceTracker tracker, long nowNanos, long minOverlapNanos) {
        if (openedNanos < 0 || !incoming.subscribed()) {
            return false;
        }
        // A connection judged dead (silent, missed pong) is cut at once only once it has really stopped
        // delivering: after a missed pong data may still flow on it, and what is in flight there would be lost.
        if (oldPresumedDead && nowNanos - Math.max(openedNanos, lastDeliveryByOldNanos) >= minOverlapNanos) {
            return true;
        }
        if (nowNanos - openedNanos < minOverlapNanos) {
            return false;
        }
        for (String stream : deliveredByOld) {
            if (!firstOnIncoming.containsKey(stream)) {
                return false;
            }
        }
        for (Map.Entry<String, Position> first : firstOnIncoming.entrySet()) {
            if (!notCarriedByOld(first.getKey()) && !tracker.covers(first.getKey(), first.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Streams not caught up yet, for the log line of a rotation that timed out. */
    Set<String> lagging(SequenceTracker tracker) {
        Set<String> out = new java.util.TreeSet<>();
        for (String stream : deliveredByOld) {
            if (!firstOnIncoming.containsKey(stream)) {
                out.add(stream);
            }
        }
        firstOnIncoming.forEach((s, p) -> {
            if (!notCarriedByOld(s) && !tracker.covers(s, p)) {
                out.add(s + " (new connection starts at " + p.first() + ", delivered up to " + tracker.mark(s).last() + ")");
            }
        });
        return out;
    }
}
