package io.k2.binance.sequence;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.k2.binance.sequence.SequenceTracker.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceTrackerStreamSetTest {

    @Test
    void streamsOutsideTheSetPassThroughWithoutState() {
        SequenceTracker tracker = new SequenceTracker(List.of("btcusdt@trade"));
        assertThat(tracker.offer("ethusdt@trade", Position.trade(1))).isEqualTo(Verdict.UNTRACKED);
        assertThat(tracker.offer("ethusdt@trade", Position.trade(1))).isEqualTo(Verdict.UNTRACKED);
        assertThat(tracker.mark("ethusdt@trade")).isNull();
        assertThat(tracker.size()).isEqualTo(1);
    }

    @Test
    void streamsOfKindNoneAreNotTracked() {
        SequenceTracker tracker = new SequenceTracker(List.of("btcusdt@ticker", "!miniTicker@arr", "btcusdt@trade"));
        assertThat(tracker.size()).isEqualTo(1);
        assertThat(tracker.offer("btcusdt@ticker", Position.trade(1))).isEqualTo(Verdict.UNTRACKED);
    }

    @Test
    void anEventWithoutPositionPassesThroughAndLeavesTheMark() {
        SequenceTracker tracker = new SequenceTracker(List.of("btcusdt@trade"));
        tracker.offer("btcusdt@trade", Position.trade(10));
        assertThat(tracker.offer("btcusdt@trade", null)).isEqualTo(Verdict.UNTRACKED);
        assertThat(tracker.mark("btcusdt@trade")).isEqualTo(Position.trade(10));
    }

    @Test
    void retainAddsEmptyStreamsDropsRemovedOnesAndKeepsTheRest() {
        SequenceTracker tracker = new SequenceTracker(List.of("btcusdt@trade", "ethusdt@trade"));
        tracker.offer("btcusdt@trade", Position.trade(10));
        tracker.offer("ethusdt@trade", Position.trade(20));

        tracker.retain(List.of("btcusdt@trade", "bnbusdt@trade"));

        assertThat(tracker.size()).isEqualTo(2);
        assertThat(tracker.mark("btcusdt@trade")).isEqualTo(Position.trade(10));
        assertThat(tracker.mark("bnbusdt@trade")).isNull();
        assertThat(tracker.offer("ethusdt@trade", Position.trade(21))).isEqualTo(Verdict.UNTRACKED);
        assertThat(tracker.offer("bnbusdt@trade", Position.trade(1))).isEqualTo(Verdict.DELIVER);
    }

    @Test
    void aStreamThatComesBackStartsAfresh() {
        SequenceTracker tracker = new SequenceTracker(List.of("btcusdt@trade"));
        tracker.offer("btcusdt@trade", Position.trade(10));
        tracker.retain(List.of());
        tracker.retain(List.of("btcusdt@trade"));
        assertThat(tracker.offer("btcusdt@trade", Position.trade(5))).isEqualTo(Verdict.DELIVER);
    }

    @Test
    void stateStaysOneMarkPerStreamWhateverTheTraffic() {
        SequenceTracker tracker = new SequenceTracker(List.of("btcusdt@trade", "btcusdt@depth"));
        for (long i = 0; i < 100_000; i++) {
            tracker.offer("btcusdt@trade", Position.trade(i));
            tracker.offer("btcusdt@depth", Position.depthDiff(i * 3, i * 3 + 2));
            tracker.offer("btcusdt@trade", Position.trade(i)); // duplicates
            tracker.offer("other@trade", Position.trade(i));
        }
        assertThat(tracker.size()).isEqualTo(2);
        assertThat(tracker.mark("btcusdt@trade")).isEqualTo(Position.trade(99_999));
    }
}
