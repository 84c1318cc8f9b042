package io.k2.binance.connection;

/**
 * Keeps the messages one connection sends to Binance (our pings, our pongs, SUBSCRIBE / UNSUBSCRIBE / LIST)
 * under Binance's 5 per rolling second (§2): the 6th inside one second closes the connection with 1008, and
 * repeated closes get the IP banned.
 *
 * <p>Pongs must go out at once (a late pong is a dead connection), so they never wait and always count, and
 * capacity is reserved for them: our own controls ({@link #tryControl}) are only sent while the window holds at
 * most {@code limit - reserve - 1} messages, so that after one there is still room for {@code reserve} pongs.
 * Hence no window of {@code windowNanos} holds more than {@code limit} messages, provided Binance pings at most
 * {@code reserve} times per window (it pings every 20 s, or 3 min in the field).
 *
 * <p>The default window is 1.1 s, not 1 s: our send times are not Binance's receive times, and network jitter
 * can squeeze messages sent just over a second apart into one second on arrival.
 *
 * <p>Not thread-safe: one per connection, used on its event loop.
 */
public final class MessageBudget {

    public static final int BINANCE_LIMIT = 5;
    public static final long DEFAULT_WINDOW_NANOS = 1_100_000_000L;

    private final int limit;
    private final int reserve;
    private final long windowNanos;
    /** Send times of the last {@code limit} messages, a ring; {@code count} of them are valid. */
    private final long[] sent;
    private int count;
    private int newest = -1;

    /** Binance's 5 per second, one pong reserved, 1.1 s window. */
    public MessageBudget() {
        this(BINANCE_LIMIT, 1, DEFAULT_WINDOW_NANOS);
    }

    public MessageBudget(int limit, int reserve, long windowNanos) {
        if (limit < 1 || reserve < 0 || reserve >= limit || windowNanos <= 0) {
            throw new IllegalArgumentException("need 0 <= reserve < limit and window > 0, got limit " + limit
                    + ", reserve " + reserve + ", window " + windowNanos);
        }
        this.limit = limit;
        this.reserve = reserve;
        this.windowNanos = windowNanos;
        this.sent = new long[limit];
    }

    /**
     * Asks to send one of our own messages (ping, SUBSCRIBE, ...) now; counts it when allowed.
     *
     * @return false when it must wait, see {@link #nanosUntilControl}
     */
    public boolean tryControl(long nowNanos) {
        if (nanosUntilControl(nowNanos) > 0) {
            return false;
        }
        record(nowNanos);
        return true;
    }

    /** A pong went out: it always counts, it never waits. */
    public void pongSent(long nowNanos) {
        record(nowNanos);
    }

    /**
     * How long until {@link #tryControl} would succeed, 0 if now. Our own message must leave room for the
     * reserve, so the window may hold at most {@code limit - reserve - 1} messages before it: it waits for the
     * {@code (limit - reserve)}-th most recent message to leave the window.
     */
    public long nanosUntilControl(long nowNanos) {
        int k = limit - reserve; // the k-th most recent message must have left the window
        if (count < k) {
            return 0;
        }
        long kth = sent[Math.floorMod(newest - (k - 1), limit)];
        long leaves = kth + windowNanos; // a message counts while now - sent <= window
        long wait = leaves - nowNanos + 1;
        return wait > 0 ? wait : 0;
    }

    /** Messages sent within the window ending now (at most {@code limit} are remembered). */
    public int inWindow(long nowNanos) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (nowNanos - sent[Math.floorMod(newest - i, limit)] <= windowNanos) {
                n++;
            } else {
                break;
            }
        }
        return n;
    }

    private void record(long nowNanos) {
        newest = (newest + 1) % limit;
        sent[newest] = nowNanos;
        if (count < limit) {
            count++;
        }
    }
}
