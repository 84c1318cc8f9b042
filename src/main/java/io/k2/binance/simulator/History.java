package io.k2.binance.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The last {@code historySize} events the market generated on each stream, whether or not a connection
 * was sent them: what tells a test exactly what a dead or stalled connection missed. Memory is bounded
 * by {@code historySize × streams} events (an event is a few hundred bytes at most).
 *
 * <p>Written from the event loop, read from test threads, hence the locking (uncontended on the hot path).
 */
public final class History {

    private final int capacity;
    private final Map<String, Ring> rings = new HashMap<>();

    History(int capacity) {
        this.capacity = capacity;
    }

    private static final class Ring {
        final HistoryEvent[] events;
        long count;

        Ring(int capacity) {
            events = new HistoryEvent[capacity];
        }

        List<HistoryEvent> inOrder() {
            int n = (int) Math.min(count, events.length);
            List<HistoryEvent> out = new ArrayList<>(n);
            for (long i = count - n; i < count; i++) {
                out.add(events[(int) (i % events.length)]);
            }
            return out;
        }
    }

    /** Events kept per stream (0: history is off). */
    public int capacity() {
        return capacity;
    }

    synchronized void record(String stream, long generatedMicros, int receivers, MarketEvent event) {
        if (capacity == 0) {
            return;
        }
        Ring ring = rings.computeIfAbsent(stream, s -> new Ring(capacity));
        ring.events[(int) (ring.count % capacity)] = new HistoryEvent(ring.count + 1, stream, generatedMicros, receivers, event);
        ring.count++;
    }

    /** Streams that have generated at least one event. */
    public synchronized Set<String> streams() {
        return new TreeSet<>(rings.keySet());
    }

    /** Events generated on the stream so far, evicted ones included. */
    public synchronized long generated(String stream) {
        Ring ring = rings.get(stream);
        return ring == null ? 0 : ring.count;
    }

    /** What the ring holds for the stream, oldest first. */
    public synchronized List<HistoryEvent> events(String stream) {
        Ring ring = rings.get(stream);
        return ring == null ? List.of() : ring.inOrder();
    }

    /** Held events whose {@link HistoryEvent#lastId()} is within {@code [fromId, toId]}, oldest first. */
    public synchronized List<HistoryEvent> range(String stream, long fromId, long toId) {
        return events(stream).stream().filter(e -> e.lastId() >= fromId && e.lastId() <= toId).toList();
    }

    /** The event {@code back} positions before the newest (1 = the newest), or null when not held. */
    synchronized HistoryEvent back(String stream, int back) {
        Ring ring = rings.get(stream);
        if (ring == null || back < 1 || back > Math.min(ring.count, capacity)) {
            return null;
        }
        return ring.events[(int) ((ring.count - back) % capacity)];
    }
}
