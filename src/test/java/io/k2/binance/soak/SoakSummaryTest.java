package io.k2.binance.soak;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SoakSummaryTest {

    private static final SoakLimits LIMITS = new SoakLimits(10, 10, 10, 400);
    private static final List<LedgerCheck> CLEAN = List.of(new LedgerCheck("btcusdt@trade", 100L, 200, 210L, 111, 0, 0,
            List.of()));

    private static Assertion assertion(SoakSummary s, String prefix) {
        return s.assertions().stream().filter(a -> a.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void growthIsTheMedianOfTheLastThreeMinusTheMedianOfTheFirstThreeAfterTheWarmUp() {
        List<SoakSample> samples = new ArrayList<>();
        samples.add(SoakSamples.at(0, 150));   // warm-up: heap expansion, not counted
        samples.add(SoakSamples.at(60, 190));  // warm-up
        samples.add(SoakSamples.at(120, 200)); // first three after: 200, 260 (a GC spike), 202 -> median 202
        samples.add(SoakSamples.at(180, 260));
        samples.add(SoakSamples.at(240, 202));
        samples.add(SoakSamples.at(300, 203));
        samples.add(SoakSamples.at(360, 205)); // last three: 205, 150 (a dip), 207 -> median 205
        samples.add(SoakSamples.at(420, 150));
        samples.add(SoakSamples.at(480, 207));

        assertThat(SoakSummary.growthMb(samples.subList(2, samples.size()))).isCloseTo(3.0, within(1e-9));
        SoakSummary s = SoakSummary.of(samples, 120, List.of(), CLEAN, 0, null, LIMITS);
        assertThat(s.growthMb()).isCloseTo(3.0, within(1e-9));
        assertThat(s.growthSamples()).isEqualTo(7);
        assertThat(s.rssStartMb()).isCloseTo(150, within(1e-6));
        assertThat(s.rssEndMb()).isCloseTo(207, within(1e-6));
        assertThat(s.rssPeakMb()).isCloseTo(260, within(1e-6));
        assertThat(assertion(s, "RSS growth").passed()).isTrue();
    }

    @Test
    void growthWithFewerThanSixSamplesTakesTheMedianOfWhatThereIsAtEachEnd() {
        // ends of two samples each: both ends are the median of (100, 104)
        assertThat(SoakSummary.growthMb(List.of(SoakSamples.at(0, 100), SoakSamples.at(10, 104)))).isZero();
        // four samples: first three 100, 101, 108 -> 101; last three 101, 108, 109 -> 108
        assertThat(SoakSummary.growthMb(List.of(SoakSamples.at(0, 100), SoakSamples.at(10, 101), SoakSamples.at(20, 108),
                SoakSamples.at(30, 109)))).isCloseTo(7.0, within(1e-9));
    }

    @Test
    void noSampleAfterTheWarmUpFailsTheGrowth() {
        SoakSummary s = SoakSummary.of(List.of(SoakSamples.at(0, 100), SoakSamples.at(10, 104)), 60, List.of(), CLEAN, 0,
                null, LIMITS);
        assertThat(s.growthMb()).isNaN();
        assertThat(assertion(s, "RSS growth").passed()).isFalse();
        assertThat(assertion(s, "RSS growth").measured()).isEqualTo("no samples after the warm-up");
    }

    @Test
    void slopeAndR2ComeFromTheProductsLeakScore() {
        List<SoakSample> samples = SoakSamples.linear(3600, 60, 200, 12);
        SoakSummary s = SoakSummary.of(samples, 300, List.of(), CLEAN, 0, null, LIMITS);
        assertThat(s.slopeMbPerHour()).isCloseTo(12, within(0.01));
        assertThat(s.r2()).isCloseTo(1, within(1e-6));
        assertThat(s.slopeSamples()).isEqualTo(56);
        // 12 MB/h between the middle samples of the two ends (6 min and 59 min): 10.6 MB, over the 10 MB limit
        assertThat(s.growthMb()).isCloseTo(10.6, within(0.01));
        assertThat(assertion(s, "RSS growth").passed()).isFalse();
        assertThat(assertion(s, "RSS growth").limit()).isEqualTo("< 10.0 MB");
        assertThat(s.passed()).isFalse();
    }

    @Test
    void aFlatRunWithinEveryLimitPasses() {
        List<SoakSample> samples = SoakSamples.linear(3600, 60, 250, 0);
        SoakSummary s = SoakSummary.of(samples, 300, List.of(), CLEAN, 3, null, LIMITS);
        assertThat(s.passed()).as(s.table()).isTrue();
        assertThat(s.msgPerSecond()).isCloseTo(1000, within(1e-6));
        assertThat(s.gaps()).isEqualTo(3);
        assertThat(s.table()).contains("PASS").doesNotContain("FAIL");
    }

    @Test
    void injectedDropsAreTakenOffTheUnscheduledOnes() {
        List<SoakSample> samples = new ArrayList<>(SoakSamples.linear(600, 10, 250, 0));
        samples.add(SoakSamples.at(610, 250, 12, 9));
        List<InjectedFault> faults = List.of(new InjectedFault(0, 60, "drop", "c1"), new InjectedFault(0, 180, "stall", ""),
                new InjectedFault(0, 300, "drop", "c3"));
        SoakSummary s = SoakSummary.of(samples, 120, faults, CLEAN, 0, null, new SoakLimits(20, 10, 10, 400));
        assertThat(s.unscheduledDrops()).isEqualTo(12);
        assertThat(s.injectedDrops()).isEqualTo(2);
        assertThat(s.injectedStalls()).isEqualTo(1);
        assertThat(s.unexpectedDrops()).isEqualTo(10);
        assertThat(s.rotations()).isEqualTo(9);
        assertThat(assertion(s, "unexpected drops").passed()).isFalse(); // 10 is not < 10
        assertThat(assertion(s, "unexpected drops").measured()).isEqualTo("10 (12 - 2)");

        SoakSummary oneLess = SoakSummary.of(samples, 120, List.of(faults.get(0), faults.get(0), faults.get(2)), CLEAN, 0,
                null, new SoakLimits(20, 10, 10, 400));
        assertThat(assertion(oneLess, "unexpected drops").passed()).isTrue();
    }

    @Test
    void tooFewMessagesFail() {
        SoakSummary s = SoakSummary.of(SoakSamples.linear(600, 10, 250, 0), 120, List.of(), CLEAN, 0, null,
                new SoakLimits(20, 1000, 1, 400));
        assertThat(assertion(s, "msg/s").passed()).isFalse(); // 1000/s is not > 1000
        assertThat(s.passed()).isFalse();
    }

    @Test
    void missingOrDuplicateEventsOrAnUncheckedLedgerFail() {
        List<SoakSample> flat = SoakSamples.linear(600, 10, 250, 0);
        SoakLimits limits = new SoakLimits(20, 10, 1, 400);
        SoakSummary missing = SoakSummary.of(flat, 120, List.of(), List.of(
                new LedgerCheck("btcusdt@trade", 100L, 200, 200L, 99, 2, 0, List.of(150L, 151L))), 0, null, limits);
        assertThat(missing.missing()).isEqualTo(2);
        assertThat(assertion(missing, "missing").passed()).isFalse();
        assertThat(missing.table()).contains("[150, 151]");

        SoakSummary duplicates = SoakSummary.of(flat, 120, List.of(), List.of(
                new LedgerCheck("btcusdt@trade", 100L, 200, 200L, 102, 0, 1, List.of())), 0, null, limits);
        assertThat(assertion(duplicates, "duplicate").passed()).isFalse();

        SoakSummary nothingSeen = SoakSummary.of(flat, 120, List.of(), List.of(
                new LedgerCheck("btcusdt@trade", null, 200, null, 0, 0, 0, List.of())), 0, null, limits);
        assertThat(assertion(nothingSeen, "missing").passed()).isFalse();

        SoakSummary unchecked = SoakSummary.of(flat, 120, List.of(), List.of(), 0, null, limits);
        assertThat(assertion(unchecked, "missing").measured()).isEqualTo("not checked");
        assertThat(unchecked.passed()).isFalse();
    }

    @Test
    void aRunCutShortFailsWithItsReasonAndItsPeak() {
        List<SoakSample> samples = List.of(SoakSamples.at(0, 300), SoakSamples.at(60, 380), SoakSamples.at(70, 420));
        SoakSummary s = SoakSummary.of(samples, 30, List.of(), List.of(), 0, "RSS 420 MB passed the cap of 400 MB",
                LIMITS);
        assertThat(assertion(s, "ran to the end").passed()).isFalse();
        assertThat(assertion(s, "ran to the end").measured()).contains("passed the cap");
        assertThat(assertion(s, "peak RSS").passed()).isFalse();
        assertThat(s.passed()).isFalse();
    }

    @Test
    void samplesTheAppDidNotAnswerForAreLeftOutOfRatesAndScores() {
        List<SoakSample> samples = new ArrayList<>(SoakSamples.linear(600, 10, 250, 0));
        samples.add(new SoakSample(SoakSamples.T0 + 610_000, 610, 250L << 20, -1, -1, -1, -1, java.util.Map.of(),
                java.util.Map.of(), -1, 0));
        SoakSummary s = SoakSummary.of(samples, 120, List.of(), CLEAN, 0, null, LIMITS);
        assertThat(s.msgPerSecond()).isCloseTo(1000, within(1e-6));
        assertThat(s.leakScoreEnd()).isCloseTo(0.1, within(1e-9));
    }
}
