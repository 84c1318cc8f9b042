package io.k2.binance.connection;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Delays between reconnect attempts: exponential with full jitter, never giving up.
 *
 * <p>Every delay, the first included, is uniform in {@code [0, min(cap, initial * 2^failures)]}: after a
 * Binance-wide disconnect a fleet of instances then spreads its reconnects over the whole interval instead of
 * arriving in waves (a floor would bunch them at the floor).
 *
 * <p>The count only resets after a connection stayed open for the stable time. A server that accepts the
 * handshake and closes at once (rate limit, ban, a node being drained) is a failure like a refused connect;
 * resetting on "opened" would turn it into a tight reconnect loop that burns the 300 attempts per 5 minutes.
 *
 * <p>Thread-safe: methods are synchronized, as callers may sit on different threads (event loop, timer).
 */
public final class ReconnectBackoff {

    public static final long DEFAULT_INITIAL_MILLIS = 1_000;
    public static final long DEFAULT_CAP_MILLIS = 60_000;

    private final long initialMillis;
    private final long capMillis;
    private final long stableMillis;
    private final RandomGenerator random;

    private int failures;
    private long openedAt;
    private boolean open;

    /** 1 s initial, 60 s cap. */
    public ReconnectBackoff(long stableMillis) {
        this(DEFAULT_INITIAL_MILLIS, DEFAULT_CAP_MILLIS, stableMillis, new SplittableRandom());
    }

    /**
     * @param stableMillis how long a connection must have stayed open for its close to count as a fresh start
     * @param random       the jitter source; inject a fixed one in tests
     */
    public ReconnectBackoff(long initialMillis, long capMillis, long stableMillis, RandomGenerator random) {
        if (initialMillis <= 0 || capMillis < initialMillis || stableMillis < 0) {
            throw new IllegalArgumentException("need 0 < initial <= cap and stable >= 0, got initial " + initialMillis
                    + ", cap " + capMillis + ", stable " + stableMillis);
        }
        this.initialMillis = initialMillis;
        this.capMillis = capMillis;
        this.stableMillis = stableMillis;
        this.random = random;
    }

    /** The delay before the next attempt, which counts as one more failure until a stable connection. */
    public synchronized long nextDelayMillis() {
        long ceiling = ceilingMillis();
        if (failures < Integer.MAX_VALUE) {
            failures++;
        }
        return random.nextLong(ceiling + 1);
    }

    /** The upper bound the next {@link #nextDelayMillis()} draws under: {@code min(cap, initial * 2^failures)}. */
    public synchronized long ceilingMillis() {
        // initial << failures, saturating before the shift could overflow
        if (failures >= Long.numberOfLeadingZeros(initialMillis) - 1) {
            return capMillis;
        }
        return Math.min(capMillis, initialMillis << failures);
    }

    /** The connection's handshake succeeded. */
    public synchronized void opened(long nowMillis) {
        open = true;
        openedAt = nowMillis;
    }

    /** The connection closed (or the attempt failed); resets the count if it had stayed open long enough. */
    public synchronized void closed(long nowMillis) {
        if (open && nowMillis - openedAt >= stableMillis) {
            failures = 0;
        }
        open = false;
    }

    /** Attempts since the last stable connection. */
    public synchronized int failures() {
        return failures;
    }
}
