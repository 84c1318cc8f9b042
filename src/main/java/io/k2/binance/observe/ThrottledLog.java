package io.k2.binance.observe;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * A log that writes at most N lines per key (e.g. per dead-letter reason) per minute. A broken feed can
 * produce thousands of identical problems a second; the metrics count every one, the log shows enough to
 * act on. When a key reaches its limit, one line says that the rest of the minute is left out; the first
 * line after that minute says exactly how many were. Log4j's BurstFilter works per logger, not per key, and
 * says nothing about what it dropped, hence this class.
 *
 * <p>Every argument except a trailing {@link Throwable} goes through {@link LogText#escape}, so frames and
 * exchange-supplied strings can be passed as they are. Keys must come from a small fixed set (reason tags,
 * route ids): one window is kept per key. Thread-safe.
 */
public final class ThrottledLog {

    static final long WINDOW_MILLIS = 60_000;

    private final Logger logger;
    private final Level level;
    private final int linesPerMinute;
    private final String countedIn;
    private final LongSupplier clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        long startMillis = Long.MIN_VALUE;
        int logged;
        long leftOut;
    }

    /**
     * @param countedIn where every event is counted, for the "left out" lines, e.g. the metric name
     *                  {@code k2_records_dead_lettered_total}
     */
    public ThrottledLog(Logger logger, Level level, int linesPerMinute, String countedIn) {
        this(logger, level, linesPerMinute, countedIn, System::currentTimeMillis);
    }

    ThrottledLog(Logger logger, Level level, int linesPerMinute, String countedIn, LongSupplier clock) {
        if (linesPerMinute < 1) {
            throw new IllegalArgumentException("linesPerMinute must be >= 1");
        }
        this.logger = logger;
        this.level = level;
        this.linesPerMinute = linesPerMinute;
        this.countedIn = countedIn;
        this.clock = clock;
    }

    /**
     * Logs the line unless {@code key} has had its {@code linesPerMinute} lines in the current minute.
     *
     * @return whether the line was written
     */
    public boolean log(String key, String format, Object... args) {
        Window w = windows.computeIfAbsent(key, k -> new Window());
        long leftOutBefore = 0;
        long windowStart;
        boolean reachedLimit;
        synchronized (w) {
            long now = clock.getAsLong();
            if (w.startMillis == Long.MIN_VALUE || now - w.startMillis >= WINDOW_MILLIS) {
                leftOutBefore = w.leftOut;
                w.startMillis = now;
                w.logged = 0;
                w.leftOut = 0;
            }
            if (w.logged >= linesPerMinute) {
                w.leftOut++;
                return false;
            }
            w.logged++;
            reachedLimit = w.logged == linesPerMinute;
            windowStart = w.startMillis;
        }
        if (leftOutBefore > 0) {
            logger.atLevel(level).log("{} more lines for {} were left out in the minute before (at most {} per minute); "
                    + "every one is counted in {}", leftOutBefore, LogText.escape(key), linesPerMinute, countedIn);
        }
        logger.atLevel(level).log(format, escaped(args));
        if (reachedLimit) {
            logger.atLevel(level).log("{} lines for {} this minute: further ones are left out until {} and counted in {}",
                    linesPerMinute, LogText.escape(key), Instant.ofEpochMilli(windowStart + WINDOW_MILLIS), countedIn);
        }
        return true;
    }

    private static Object[] escaped(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            boolean trailingThrowable = i == args.length - 1 && a instanceof Throwable;
            out[i] = a == null || trailingThrowable || a instanceof Number || a instanceof Boolean ? a : LogText.escape(a);
        }
        return out;
    }
}
