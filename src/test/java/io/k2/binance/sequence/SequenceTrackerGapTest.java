package io.k2.binance.sequence;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.k2.binance.sequence.SequenceTracker.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceTrackerGapTest {

    private final SequenceTracker tracker = new SequenceTracker(
            List.of("btcusdt@trade", "btcusdt@aggTrade", "btcusdt@depth", "btcusdt@bookTicker"));

    @Test
    void contiguousTradesReportNoGap() {
        for (long t = 100; t < 110; t++) {
            assertThat(tracker.offer("btcusdt@trade", Position.trade(t))).isEqualTo(Verdict.DELIVER);
            assertThat(tracker.gapped()).isFalse();
            assertThat(tracker.gap()).isNull();
        }
    }

    @Test
    void aTradeJumpReportsTheMissingIds() {
        tracker.offer("btcusdt@trade", Position.trade(100));
        assertThat(tracker.offer("btcusdt@trade", Position.trade(104))).isEqualTo(Verdict.DELIVER);
        assertThat(tracker.gapped()).isTrue();
        assertThat(tracker.gap()).isEqualTo(new Gap("btcusdt@trade", SequenceKind.TRADE, 101, 103, 1, 0));
        assertThat(tracker.gap().missing()).isEqualTo(3);
        assertThat(tracker.gap().missingTrades()).isZero();
    }

    @Test
    void theGapIsOnlyReportedForTheOfferThatFoundIt() {
        tracker.offer("btcusdt@trade", Position.trade(100));
        tracker.offer("btcusdt@trade", Position.trade(104));
        tracker.offer("btcusdt@trade", Position.trade(105));
        assertThat(tracker.gapped()).isFalse();
        assertThat(tracker.gap()).isNull();
        tracker.offer("btcusdt@trade", Position.trade(110));
        tracker.offer("btcusdt@trade", Position.trade(106)); // duplicate clears it too
        assertThat(tracker.gapped()).isFalse();
    }

    @Test
    void aDiffStartingPastTheMarkPlusOneIsAGap() {
        tracker.offer("btcusdt@depth", Position.depthDiff(100, 110));
        tracker.offer("btcusdt@depth", Position.depthDiff(111, 115));
        assertThat(tracker.gapped()).isFalse();
        tracker.offer("btcusdt@depth", Position.depthDiff(120, 130));
        assertThat(tracker.gap()).isEqualTo(new Gap("btcusdt@depth", SequenceKind.DEPTH_DIFF, 116, 119, 1, 0));
    }

    @Test
    void anAggregateIdJumpIsAGap() {
        tracker.offer("btcusdt@aggTrade", Position.aggTrade(10, 100, 102));
        tracker.offer("btcusdt@aggTrade", Position.aggTrade(13, 110, 110));
        Gap gap = tracker.gap();
        assertThat(gap.firstMissing()).isEqualTo(11);
        assertThat(gap.lastMissing()).isEqualTo(12);
        assertThat(gap.firstMissingTrade()).isEqualTo(103);
        assertThat(gap.lastMissingTrade()).isEqualTo(109);
    }

    @Test
    void aTradeIdJumpUnderContiguousAggregatesIsStillAGap() {
        tracker.offer("btcusdt@aggTrade", Position.aggTrade(10, 100, 102));
        tracker.offer("btcusdt@aggTrade", Position.aggTrade(11, 105, 106));
        assertThat(tracker.gapped()).isTrue();
        Gap gap = tracker.gap();
        assertThat(gap.missing()).isZero();
        assertThat(gap.firstMissingTrade()).isEqualTo(103);
        assertThat(gap.lastMissingTrade()).isEqualTo(104);
    }

    @Test
    void contiguousAggTradesReportNoGap() {
        tracker.offer("btcusdt@aggTrade", Position.aggTrade(10, 100, 102));
        tracker.offer("btcusdt@aggTrade", Position.aggTrade(11, 103, 103));
        assertThat(tracker.gapped()).isFalse();
    }

    @Test
    void bookTickerJumpsAreNotGaps() {
        tracker.offer("btcusdt@bookTicker", Position.bookTicker(259_345_550));
        tracker.offer("btcusdt@bookTicker", Position.bookTicker(259_345_554));
        assertThat(tracker.gapped()).isFalse();
    }

    @Test
    void theFirstEventOfAStreamIsNeverAGap() {
        tracker.offer("btcusdt@trade", Position.trade(5_000_000));
        assertThat(tracker.gapped()).isFalse();
    }
}
