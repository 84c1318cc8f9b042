package io.k2.binance.soak;

import java.time.Duration;

/**
 * The three runs of issue 7 §5 and their limits. The long modes are production-like (steady rate, default
 * settings); {@link #SHORT} is a compressed day: a rotation a minute, a ping every 5 s, a high rate and
 * injected faults, so ten minutes exercise what a day of Binance does to the app.
 */
public enum SoakMode {

    /** Its warm-up is not fixed: it ends once the app has been through one of each fault (SoakOptions). */
    SHORT("short", Duration.ofMinutes(10), 10, Duration.ZERO, 2000, 20, 1, 400),
    ONE_HOUR("1h", Duration.ofHours(1), 60, Duration.ofMinutes(5), 500, 10, 10, 400),
    DAY("24h", Duration.ofHours(24), 60, Duration.ofMinutes(15), 500, 50, 10, 450);

    /** The long modes only check that data flows at all; the short mode wants most of what it offers. */
    static final double LONG_MODE_MIN_MSG_PER_SECOND = 10;

    final String id;
    final Duration duration;
    final int sampleSeconds;
    final Duration warmup;
    final int rate;
    final double growthLimitMb;
    final int unexpectedDropsLimit;
    final double rssCapMb;

    SoakMode(String id, Duration duration, int sampleSeconds, Duration warmup, int rate, double growthLimitMb,
             int unexpectedDropsLimit, double rssCapMb) {
        this.id = id;
        this.duration = duration;
        this.sampleSeconds = sampleSeconds;
        this.warmup = warmup;
        this.rate = rate;
        this.growthLimitMb = growthLimitMb;
        this.unexpectedDropsLimit = unexpectedDropsLimit;
        this.rssCapMb = rssCapMb;
    }

    public String id() {
        return id;
    }

    static SoakMode byId(String id) {
        for (SoakMode m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + id + "' (short, 1h or 24h)");
    }

    boolean injectsFaults() {
        return this == SHORT;
    }

    /** The limits of this mode at the given offered rate. */
    SoakLimits limits(int rate) {
        double minMsgPerSecond = this == SHORT ? rate / 2.0 : LONG_MODE_MIN_MSG_PER_SECOND;
        return new SoakLimits(growthLimitMb, minMsgPerSecond, unexpectedDropsLimit, rssCapMb);
    }
}
