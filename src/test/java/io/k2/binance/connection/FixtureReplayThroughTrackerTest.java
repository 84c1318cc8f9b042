package io.k2.binance.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import io.k2.binance.sequence.SequenceTracker;
import io.k2.binance.sequence.SequenceTracker.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/** The captured frames through scanner and tracker together, as the connection layer will run them. */
class FixtureReplayThroughTrackerTest {

    private static final List<String> LINES = JacksonFrameReference.fixtureLines();
    private final FrameScanner scanner = new FrameScanner();

    private SequenceTracker trackerForFixtures() {
        List<String> streams = LINES.stream().map(l -> scanner.scan(l).stream()).filter(Objects::nonNull).distinct()
                .toList();
        return new SequenceTracker(streams);
    }

    @Test
    void theCaptureHasNoGapsAndAReplayIsAllDuplicates() {
        SequenceTracker tracker = trackerForFixtures();
        List<Verdict> first = new ArrayList<>();
        for (String line : LINES) {
            FrameScan scan = scanner.scan(line);
            first.add(tracker.offer(scan.stream(), scan.position()));
            assertThat(tracker.gapped()).as(line).isFalse();
        }
        // the capture mixes 2021 and 2025 btcusdt diffs: the 2021 one (line 33) is older than the 2025 ones
        assertThat(first.get(32)).isEqualTo(Verdict.DUPLICATE);
        // delivered: lines 1-24 (every combined event with an id), 32, 34, 38; the raw trades 26-31 have no stream
        // without a raw connection, tickers have no order, 39-40 are errors
        assertThat(first.stream().filter(v -> v == Verdict.DELIVER).count()).isEqualTo(27);
        assertThat(first.subList(25, 31)).containsOnly(Verdict.UNTRACKED);

        for (String line : LINES) {
            FrameScan scan = scanner.scan(line);
            Verdict again = tracker.offer(scan.stream(), scan.position());
            assertThat(again).as(line).isIn(Verdict.DUPLICATE, Verdict.UNTRACKED);
            if (scan.hasPosition() && tracker.mark(scan.stream()) != null) {
                assertThat(again).as(line).isEqualTo(Verdict.DUPLICATE);
            }
        }
    }

    @Test
    void droppingADiffIsReportedAsTheMissingUpdateIds() {
        SequenceTracker tracker = trackerForFixtures();
        for (int line = 1; line <= 10; line++) {
            if (line == 4) {
                continue; // [499869758, 499869759] lost
            }
            FrameScan scan = scanner.scan(LINES.get(line - 1));
            tracker.offer(scan.stream(), scan.position());
            if (line == 5) {
                assertThat(tracker.gap().firstMissing()).isEqualTo(499869758L);
                assertThat(tracker.gap().lastMissing()).isEqualTo(499869759L);
            } else {
                assertThat(tracker.gapped()).isFalse();
            }
        }
    }

    @Test
    void makeBeforeBreakOverTheRawTrades() {
        // the old connection has delivered trades 451..453; the new one starts at 452 and repeats 452, 453
        SequenceTracker tracker = new SequenceTracker(List.of("btcusdt@trade"));
        List<String> trades = LINES.subList(25, 31);
        for (String frame : trades.subList(0, 3)) {
            assertThat(offer(tracker, frame)).isEqualTo(Verdict.DELIVER);
        }
        FrameScan newFirst = scanner.scan(trades.get(1), "btcusdt@trade");
        assertThat(tracker.covers("btcusdt@trade", newFirst.position())).isTrue();
        List<Verdict> fromNew = new ArrayList<>();
        for (String frame : trades.subList(1, 6)) {
            fromNew.add(offer(tracker, frame));
        }
        assertThat(fromNew).containsExactly(Verdict.DUPLICATE, Verdict.DUPLICATE, Verdict.DELIVER, Verdict.DELIVER,
                Verdict.DELIVER);
    }

    private Verdict offer(SequenceTracker tracker, String rawFrame) {
        FrameScan scan = scanner.scan(rawFrame, "btcusdt@trade");
        Verdict verdict = tracker.offer(scan.stream(), scan.position());
        assertThat(tracker.gapped()).isFalse();
        return verdict;
    }
}
