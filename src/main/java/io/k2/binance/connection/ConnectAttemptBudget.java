package io.k2.binance.connection;

/**
 * Keeps every connection attempt of the process under Binance's limit of 300 per 5 minutes per IP (§2), and
 * stops all attempts while Binance has told us to back off (HTTP 429, or 418 for an IP ban).
 *
 * <p>It is a token bucket in which each token comes back exactly one window after it was spent (a sliding log
 * of the last {@code capacity} attempts). A classic bucket refilled at capacity/window would let up to twice
 * the capacity through in one window (a full bucket plus its refill); this one never lets more than
 * {@code capacity} attempts into any window of that length, whether Binance counts in rolling or fixed windows.
 * Memory is one long per token.
 *
 * <p>Shared by all connections (blue and green included, when they share an IP, hence capacity as an
 * argument: give each a share). Thread-safe: synchronized, attempts are rare.
 */
public final class ConnectAttemptBudget {

    public static final int BINANCE_ATTEMPTS = 300;
    public static final long BINANCE_WINDOW_MILLIS = 5 * 60_000;

    private final int capacity;
    private final long windowMillis;
    /** When each of the last attempts was made, oldest at {@code next} once full. */
    private final long[] spent;
    private int used;
    private int next;

    private long heldUntil = Long.MIN_VALUE;
    private int lastStatus;
    private long lastRejectedAt;

    public ConnectAttemptBudget(int capacity, long windowMillis) {
        if (capacity <= 0 || windowMillis <= 0) {
            throw new IllegalArgumentException("need capacity > 0 and window > 0, got " + capacity + ", " + windowMillis);
        }
        this.capacity = capacity;
        this.windowMillis = windowMillis;
        this.spent = new long[capacity];
    }

    /**
     * Asks to connect now.
     *
     * @return 0 when the attempt may start now (and it is counted), else how many ms to wait before asking
     *         again; nothing is taken then
     */
    public synchronized long delayBeforeAttempt(long nowMillis) {
        if (nowMillis < heldUntil) {
            return heldUntil - nowMillis;
        }
        if (used == capacity) {
            long oldest = spent[next];
            long back = oldest + windowMillis; // the token returns then
            if (nowMillis < back) {
                return back - nowMillis;
            }
        } else {
            used++;
        }
        spent[next] = nowMillis;
        next = (next + 1) % capacity;
        return 0;
    }

    /**
     * Binance rejected a handshake. 429 (too many requests) and 418 (IP banned) hold every attempt until the
     * Retry-After has passed; without a Retry-After, for a whole window, which is the time the count needs to
     * fall. Other statuses are only recorded.
     *
     * @param retryAfterMillis the Retry-After header in ms, or a negative value when there was none
     */
    public synchronized void rejected(int httpStatus, long retryAfterMillis, long nowMillis) {
        lastStatus = httpStatus;
        lastRejectedAt = nowMillis;
        if (httpStatus == 429 || httpStatus == 418) {
            long hold = retryAfterMillis >= 0 ? retryAfterMillis : windowMillis;
            heldUntil = Math.max(heldUntil, nowMillis + hold); // a shorter later answer never shortens a ban
        }
    }

    /** True while a 429/418 holds every attempt. */
    public synchronized boolean held(long nowMillis) {
        return nowMillis < heldUntil;
    }

    /** True while held because of a 418 ban. */
    public synchronized boolean banned(long nowMillis) {
        return held(nowMillis) && lastStatus == 418;
    }

    /** Until when attempts are held (epoch ms), or {@code Long.MIN_VALUE} if never. */
    public synchronized long heldUntilMillis() {
        return heldUntil;
    }

    /** The HTTP status of the last rejected handshake, 0 if none. */
    public synchronized int lastRejectedStatus() {
        return lastStatus;
    }

    public synchronized long lastRejectedAtMillis() {
        return lastRejectedAt;
    }

    /** Attempts counted in the window ending now. */
    public synchronized int attemptsInWindow(long nowMillis) {
        int count = 0;
        for (int i = 0; i < used; i++) {
            if (nowMillis - spent[i] < windowMillis) {
                count++;
            }
        }
        return count;
    }

    public int capacity() {
        return capacity;
    }

    public long windowMillis() {
        return windowMillis;
    }
}
