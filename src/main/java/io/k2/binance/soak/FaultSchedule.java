package io.k2.binance.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.k2.binance.observe.HeapGiveBack;

/**
 * When the short mode injects what: a drop, then a stall (resumed a few seconds later), alternating, one every
 * {@code min(120 s, duration / 4)}, the first half an interval in. The last stretch of the run
 * ({@code min(60 s, duration / 4)}) stays quiet so the gaps the last fault opened are closed before the ledger
 * is checked.
 */
final class FaultSchedule {

    enum Action { DROP, STALL, RESUME }

    /** The app's heap give-back checks in the short mode (k2.observe.heap-give-back-check-seconds), compressed. */
    static final int GIVE_BACK_CHECK_SECONDS = 20;

    record Step(double atSeconds, Action action) {
    }

    private final List<Step> steps;
    private final Duration stallLength;
    private int next;

    private FaultSchedule(List<Step> steps, Duration stallLength) {
        this.steps = steps;
        this.stallLength = stallLength;
    }

    static FaultSchedule none() {
        return new FaultSchedule(List.of(), Duration.ZERO);
    }

    static FaultSchedule forRun(Duration duration) {
        double total = duration.toMillis() / 1000.0;
        double interval = Math.min(120, total / 4);
        double quiet = Math.min(60, total / 4);
        // long enough for a visible hole the gap closer has to backfill, short of every stale-stream timeout
        double stall = Math.min(10, interval / 3);
        List<Step> steps = new ArrayList<>();
        boolean drop = true;
        for (double t = interval / 2; t < total - quiet; t += interval) {
            if (drop) {
                steps.add(new Step(t, Action.DROP));
            } else {
                steps.add(new Step(t, Action.STALL));
                steps.add(new Step(t + stall, Action.RESUME));
            }
            drop = !drop;
        }
        return new FaultSchedule(List.copyOf(steps), Duration.ofMillis((long) (stall * 1000)));
    }

    List<Step> steps() {
        return steps;
    }

    /**
     * How long after a fault its effects take to pass: the burst of a released stall and the backfill of its gap
     * (20 s), then the heap give-back of the heap G1 grew for them ({@link HeapGiveBack#SUSTAIN_CHECKS} checks of
     * the short mode's {@link #GIVE_BACK_CHECK_SECONDS}).
     */
    static final Duration SETTLE = Duration.ofSeconds(20 + (long) HeapGiveBack.SUSTAIN_CHECKS * FaultSchedule.GIVE_BACK_CHECK_SECONDS);

    /**
     * When the app has been through one of each fault and it has settled: the first stall's resume (or the
     * first drop, in a run too short for a stall) plus {@link #SETTLE}; zero without faults. Growth after it is
     * what repeated faults leave behind.
     */
    Duration firstOfEachSettled() {
        Step last = null;
        for (Step step : steps) {
            if (step.action() == Action.RESUME) {
                last = step;
                break;
            }
            if (step.action() == Action.DROP && last == null) {
                last = step;
            }
        }
        return last == null ? Duration.ZERO : Duration.ofMillis((long) (last.atSeconds() * 1000)).plus(SETTLE);
    }

    Duration stallLength() {
        return stallLength;
    }

    /** The next step if it is due at {@code elapsedSeconds}, else null; a step is handed out once. */
    Step due(double elapsedSeconds) {
        if (next < steps.size() && steps.get(next).atSeconds() <= elapsedSeconds) {
            return steps.get(next++);
        }
        return null;
    }

    /** Puts the last step handed out back, for a drop that had to wait (a rotation's overlap was on). */
    void retryLast() {
        if (next > 0) {
            next--;
        }
    }

    long plannedFaults() {
        return steps.stream().filter(s -> s.action() != Action.RESUME).count();
    }
}
