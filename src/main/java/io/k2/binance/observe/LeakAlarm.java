package io.k2.binance.observe;

/**
 * Whether the leak score says "degraded", without flapping: it is set only after {@link #CONSECUTIVE} samples
 * in a row score above the threshold, and cleared only after as many in a row score below the threshold minus
 * {@link #CLEAR_MARGIN}. A score hovering around the threshold therefore changes nothing, and one odd sample
 * (a collection that happened to land late) neither sets nor clears it.
 *
 * <p>Pure and not thread-safe; {@link MemoryMonitor} calls it once per sample.
 */
public final class LeakAlarm {

    /** Samples in a row needed to set or to clear: 1.5 minutes at the default 30 s sampling. */
    public static final int CONSECUTIVE = 3;
    /** How far below the threshold the score must fall to clear. */
    public static final double CLEAR_MARGIN = 0.1;

    private final double threshold;
    private boolean degraded;
    private int streak;

    public LeakAlarm(double threshold) {
        this.threshold = threshold;
    }

    /** Takes one sample's score; returns whether the memory is degraded after it. */
    public boolean update(double score) {
        boolean towardsFlip = degraded ? score < threshold - CLEAR_MARGIN : score > threshold;
        streak = towardsFlip ? streak + 1 : 0;
        if (streak >= CONSECUTIVE) {
            degraded = !degraded;
            streak = 0;
        }
        return degraded;
    }

    public boolean degraded() {
        return degraded;
    }

    public double threshold() {
        return threshold;
    }

    public double clearBelow() {
        return threshold - CLEAR_MARGIN;
    }
}
