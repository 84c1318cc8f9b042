package io.k2.binance.simulator;

/**
 * The full order book of one symbol as it stood at each of its last {@code capacity} diff-depth events,
 * keyed by the event's final update id {@code u}: what a book-rebuild test compares the client's book
 * with. Off (capacity 0) by default, since every capture copies all levels of both sides (~100 each, a
 * few KB). Confined to the event loop.
 */
final class BookHistory {

    private final long[] updateIds;
    private final long[][] bids;
    private final long[][] asks;
    private long count;

    BookHistory(int capacity) {
        updateIds = new long[capacity];
        bids = new long[capacity][];
        asks = new long[capacity][];
    }

    boolean enabled() {
        return updateIds.length > 0;
    }

    void capture(long updateId, OrderBook book) {
        if (!enabled()) {
            return;
        }
        int i = (int) (count++ % updateIds.length);
        updateIds[i] = updateId;
        bids[i] = book.top(true, Integer.MAX_VALUE);
        asks[i] = book.top(false, Integer.MAX_VALUE);
    }

    /** The book at {@code u = updateId}, or null when no held capture has that id. */
    BookState at(long updateId) {
        long held = Math.min(count, updateIds.length);
        for (long p = count - 1; p >= count - held; p--) {
            int i = (int) (p % updateIds.length);
            if (updateIds[i] == updateId) {
                return BookState.of(updateId, bids[i], asks[i]);
            }
            if (updateIds[i] < updateId) {
                // Captures are in increasing id order: nothing older can match.
                return null;
            }
        }
        return null;
    }
}
