package io.k2.binance.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The leak score over synthetic RSS series, sampled every 30 s into a window of 120 samples (one hour). */
class LeakScoreTest {

    private static final long PERIOD_MS = 30_000;
    private static final long START_MS = 1_764_000_000_000L; // epoch millis, as the monitor gives them
    private static final double MB = 1024 * 1024;
    private static final int WINDOW = 120;

    /** Feeds {@code samples} points of {@code mbAt(i)} MB and returns the trend after each one. */
    private static List<LeakScore.Trend> feed(LeakScore score, int samples, IntToDoubleFunction mbAt) {
        List<LeakScore.Trend> trends = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            trends.add(score.add(START_MS + i * PERIOD_MS, (long) (mbAt.applyAsDouble(i) * MB)));
        }
        return trends;
    }

    private static LeakScore.Trend last(List<LeakScore.Trend> trends) {
        return trends.get(trends.size() - 1);
    }

    /** MB per sample for a growth of this many MB/h at one sample per 30 s. */
    private static double perSample(double mbPerHour) {
        return mbPerHour * PERIOD_MS / 3_600_000.0;
    }

    @Test
    void flatMemoryScoresZero() {
        LeakScore.Trend t = last(feed(new LeakScore(WINDOW), 200, i -> 300));
        assertThat(t.slopeMbPerHour()).isZero();
        assertThat(t.score()).isZero();
    }

    @Test
    void aLeakOf10MbPerHourScoresAboutHalf() {
        LeakScore.Trend t = last(feed(new LeakScore(WINDOW), 200, i -> 300 + i * perSample(10)));
        assertThat(t.slopeMbPerHour()).isCloseTo(10, within(0.01));
        assertThat(t.r2()).isCloseTo(1, within(1e-6));
        assertThat(t.score()).isCloseTo(0.5, within(0.01));
    }

    @Test
    void aLeakOf50MbPerHourScoresAboutOne() {
        LeakScore.Trend t = last(feed(new LeakScore(WINDOW), 200, i -> 300 + i * perSample(50)));
        assertThat(t.slopeMbPerHour()).isCloseTo(50, within(0.01));
        assertThat(t.score()).isCloseTo(1.0, within(0.01));
    }

    @Test
    void shrinkingMemoryScoresZero() {
        LeakScore.Trend t = last(feed(new LeakScore(WINDOW), 200, i -> 500 - i * perSample(50)));
        assertThat(t.slopeMbPerHour()).isNegative();
        assertThat(t.score()).isZero();
    }

    @Test
    void aGcSawtoothWithoutTrendScoresLow() {
        // climbs 50 MB over 5 minutes, drops back at each collection; no growth from cycle to cycle
        List<LeakScore.Trend> trends = feed(new LeakScore(WINDOW), 400, i -> 300 + (i % 10) * 5);
        // whatever the phase of the sawtooth against the window's edges
        assertThat(trends.subList(WINDOW, trends.size())).allSatisfy(t -> assertThat(t.score()).isLessThan(0.05));
    }

    @Test
    void noiseAroundFlatScoresLow() {
        Random random = new Random(7);
        List<LeakScore.Trend> trends = feed(new LeakScore(WINDOW), 400, i -> 300 + random.nextGaussian() * 5);
        assertThat(trends.subList(WINDOW, trends.size())).allSatisfy(t -> assertThat(t.score()).isLessThan(0.05));
    }

    @Test
    void aStepAfterARotationDecaysAsTheWindowSlidesPastIt() {
        // flat at 300 MB, one step of 40 MB (new buffers after a rotation), then flat at 340 MB
        int step = 200;
        List<LeakScore.Trend> trends = feed(new LeakScore(WINDOW), step + 2 * WINDOW, i -> i < step ? 300 : 340);
        // the step sits in the middle of the window: a slope the line half explains
        double atMiddle = trends.get(step + WINDOW / 2).score();
        assertThat(atMiddle).isPositive();
        // from then on the step moves to the window's old end, and the score only falls
        for (int i = step + WINDOW / 2 + 1; i < step + WINDOW; i++) {
            assertThat(trends.get(i).score()).as("sample " + i).isLessThanOrEqualTo(trends.get(i - 1).score() + 1e-9);
        }
        // once the window holds only samples after the step, it is flat again
        assertThat(trends.get(step + WINDOW).score()).isZero();
        assertThat(last(trends).score()).isZero();
    }

    @Test
    void aSingleStepHoweverLargeNeverScoresAboveThreeQuarters() {
        // a step's R² is at most 0.75 (the step in the middle), and the slope's part is capped at 1
        List<LeakScore.Trend> trends = feed(new LeakScore(WINDOW), 3 * WINDOW, i -> i < WINDOW ? 300 : 800);
        assertThat(trends).allSatisfy(t -> assertThat(t.score()).isLessThanOrEqualTo(0.75 + 1e-3));
        assertThat(trends).anySatisfy(t -> assertThat(t.score()).isGreaterThan(0.74));
    }

    @Test
    void fewerThanTheMinimumSamplesScoreZeroEvenWhenClimbing() {
        List<LeakScore.Trend> trends = feed(new LeakScore(WINDOW), LeakScore.MIN_SAMPLES, i -> 300 + i * perSample(500));
        assertThat(trends.subList(0, LeakScore.MIN_SAMPLES - 1)).allSatisfy(t -> assertThat(t.score()).isZero());
        assertThat(last(trends).score()).isCloseTo(1.0, within(0.01));
    }

    @Test
    void theScoreIsMonotonicInTheSlopeAndCappedAtOne() {
        double previous = 0;
        for (double s = 0; s <= 200; s += 0.5) {
            double score = LeakScore.score(s, 1);
            assertThat(score).as("slope " + s).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(1.0);
            previous = score;
        }
        assertThat(LeakScore.score(10, 1)).isEqualTo(0.5);
        assertThat(LeakScore.score(50, 1)).isEqualTo(1.0);
        assertThat(LeakScore.score(1000, 1)).isEqualTo(1.0);
        assertThat(LeakScore.score(50, 0.5)).isEqualTo(0.5);
        assertThat(LeakScore.score(-3, 1)).isZero();
    }

    @Test
    void theWindowIsAFixedRingThatKeepsOnlyTheLastSamples() {
        LeakScore score = new LeakScore(WINDOW);
        // an old leak, then an hour and more of flat memory: the leak has left the window
        feed(score, 1000, i -> i < 500 ? 300 + i * perSample(50) : 300 + 500 * perSample(50));
        assertThat(score.trend().samples()).isEqualTo(WINDOW);
        assertThat(score.capacity()).isEqualTo(WINDOW);
        assertThat(score.trend().score()).isZero();
    }
}
