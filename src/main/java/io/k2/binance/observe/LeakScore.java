package io.k2.binance.observe;

/**
 * How much the resident set size looks like a leak, from the last N samples of (time, RSS): a least-squares
 * line through them gives the growth in MB/h and its R², and the score maps the growth to 0..1 weighted by
 * the R², so a steady climb scores high and GC swings, noise or a one-off step score low (a step scores
 * only while it is inside the window, then decays to 0 as the window slides past it).
 *
 * <p>Pure: the caller gives the sample times, so tests can feed any series. The window is a fixed ring;
 * memory use does not grow with the number of samples. Not thread-safe; {@link MemoryMonitor} calls it from
 * one thread at a time.
 *
 * <p>MB here is 2^20 bytes (MiB), the unit {@code top} and {@code ps} show.
 */
public final class LeakScore {

    /** Fewer samples than this give no trend worth reading; the score stays 0 until then. */
    public static final int MIN_SAMPLES = 10;
    /** Growth that scores 0.5 (at R² = 1). */
    public static final double HALF_SCORE_MB_PER_HOUR = 10;
    /** Growth that scores 1.0 (at R² = 1), and anything faster. */
    public static final double FULL_SCORE_MB_PER_HOUR = 50;

    private static final double BYTES_PER_MB = 1024.0 * 1024.0;
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private final long[] times;
    private final double[] rss;
    private int next;
    private int size;
    private Trend trend = Trend.NONE;

    /** The line through the window: growth in MB/h, its R², the score, and how many samples it rests on. */
    public record Trend(double slopeMbPerHour, double r2, double score, int samples) {
        static final Trend NONE = new Trend(0, 0, 0, 0);
    }

    public LeakScore(int windowSamples) {
        if (windowSamples < MIN_SAMPLES) {
            throw new IllegalArgumentException("window of " + windowSamples + " samples: at least " + MIN_SAMPLES);
        }
        times = new long[windowSamples];
        rss = new double[windowSamples];
    }

    /** Adds a sample, dropping the oldest once the window is full, and returns the trend over the window. */
    public Trend add(long timeMillis, long rssBytes) {
        times[next] = timeMillis;
        rss[next] = rssBytes;
        next = (next + 1) % times.length;
        size = Math.min(size + 1, times.length);
        trend = fit();
        return trend;
    }

    public Trend trend() {
        return trend;
    }

    public int capacity() {
        return times.length;
    }

    /**
     * The score of a growth rate at a given fit: 0 for flat or shrinking memory; s/20 up to 10 MB/h (0.5 there);
     * then 0.5 + (s-10)/80 up to 50 MB/h (1.0 there); 1.0 beyond. Continuous and monotonic in the slope, then
     * multiplied by R² so that a slope the line does not explain counts for little.
     */
    public static double score(double slopeMbPerHour, double r2) {
        if (!(slopeMbPerHour > 0)) {
            return 0;
        }
        double s;
        if (slopeMbPerHour <= HALF_SCORE_MB_PER_HOUR) {
            s = 0.5 * slopeMbPerHour / HALF_SCORE_MB_PER_HOUR;
        } else if (slopeMbPerHour <= FULL_SCORE_MB_PER_HOUR) {
            s = 0.5 + 0.5 * (slopeMbPerHour - HALF_SCORE_MB_PER_HOUR) / (FULL_SCORE_MB_PER_HOUR - HALF_SCORE_MB_PER_HOUR);
        } else {
            s = 1.0;
        }
        return s * Math.max(0, Math.min(1, r2));
    }

    private Trend fit() {
        if (size < MIN_SAMPLES) {
            return new Trend(0, 0, 0, size);
        }
        int oldest = size < times.length ? 0 : next;
        // times relative to the oldest sample, in hours, so epoch millis do not eat the doubles' precision
        long t0 = times[oldest];
        double meanT = 0;
        double meanY = 0;
        for (int i = 0; i < size; i++) {
            int k = (oldest + i) % times.length;
            meanT += (times[k] - t0) / MILLIS_PER_HOUR;
            meanY += rss[k] / BYTES_PER_MB;
        }
        meanT /= size;
        meanY /= size;
        double stt = 0;
        double sty = 0;
        double syy = 0;
        for (int i = 0; i < size; i++) {
            int k = (oldest + i) % times.length;
            double dt = (times[k] - t0) / MILLIS_PER_HOUR - meanT;
            double dy = rss[k] / BYTES_PER_MB - meanY;
            stt += dt * dt;
            sty += dt * dy;
            syy += dy * dy;
        }
        if (stt == 0) {
            return new Trend(0, 0, 0, size); // every sample at the same instant: no time axis to fit
        }
        double slope = sty / stt;
        // a perfectly flat series has nothing to explain: no trend, R² 0 (not 0/0)
        double r2 = syy == 0 ? 0 : (sty * sty) / (stt * syy);
        return new Trend(slope, r2, score(slope, r2), size);
    }
}
