package io.k2.binance.sequence;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceTrackerCoversTest {

    private final SequenceTracker tracker = new SequenceTracker(List.of("btcusdt@trade", "btcusdt@aggTrade",
            "btcusdt@depth", "btcusdt@bookTicker", "btcusdt@depth5", "btcusdt@kline_1m"));

    @Test
    void aStreamWithNothingDeliveredIsCovered() {
        assertThat(tracker.covers("btcusdt@trade", Position.trade(1_000))).isTrue();
    }

    @Test
    void untrackedStreamsAreCovered() {
        assertThat(tracker.covers("ethusdt@trade", Position.trade(1))).isTrue();
    }

    @Test
    void tradesAreCoveredUpToTheIdRightAfterTheMark() {
        tracker.offer("btcusdt@trade", Position.trade(100));
        assertThat(tracker.covers("btcusdt@trade", Position.trade(90))).isTrue();
        assertThat(tracker.covers("btcusdt@trade", Position.trade(100))).isTrue();
        assertThat(tracker.covers("btcusdt@trade", Position.trade(101))).isTrue();
        assertThat(tracker.covers("btcusdt@trade", Position.trade(102))).isFalse();
    }

    @Test
    void aggTradesCompareAggregateIds() {
        tracker.offer("btcusdt@aggTrade", Position.aggTrade(10, 100, 105));
        assertThat(tracker.covers("btcusdt@aggTrade", Position.aggTrade(11, 106, 106))).isTrue();
        assertThat(tracker.covers("btcusdt@aggTrade", Position.aggTrade(12, 107, 107))).isFalse();
    }

    @Test
    void aDiffIsCoveredWhenItStartsAtOrBeforeTheMarkPlusOne() {
        tracker.offer("btcusdt@depth", Position.depthDiff(100, 110));
        assertThat(tracker.covers("btcusdt@depth", Position.depthDiff(105, 120))).isTrue(); // overlaps
        assertThat(tracker.covers("btcusdt@depth", Position.depthDiff(111, 120))).isTrue(); // adjacent
        assertThat(tracker.covers("btcusdt@depth", Position.depthDiff(112, 120))).isFalse(); // 111 would be lost
    }

    @Test
    void aBookTickerIsCoveredOnlyOnceThatVeryEventWasDelivered() {
        tracker.offer("btcusdt@bookTicker", Position.bookTicker(500));
        assertThat(tracker.covers("btcusdt@bookTicker", Position.bookTicker(500))).isTrue();
        assertThat(tracker.covers("btcusdt@bookTicker", Position.bookTicker(499))).isTrue();
        // 501 would be "contiguous" but bookTicker ids have holes: 501 may not even exist
        assertThat(tracker.covers("btcusdt@bookTicker", Position.bookTicker(501))).isFalse();
    }

    @Test
    void aPartialDepthIsCoveredOnlyOnceThatSnapshotWasDelivered() {
        tracker.offer("btcusdt@depth5", Position.partialDepth(7_000));
        assertThat(tracker.covers("btcusdt@depth5", Position.partialDepth(7_000))).isTrue();
        assertThat(tracker.covers("btcusdt@depth5", Position.partialDepth(7_001))).isFalse();
    }

    @Test
    void aKlineIsCoveredByDeliveredContentWhateverItsEventTime() {
        tracker.offer("btcusdt@kline_1m", Position.kline(60_000, 10, false, 61_000));
        assertThat(tracker.covers("btcusdt@kline_1m", Position.kline(60_000, 10, false, 63_000))).isTrue();
        assertThat(tracker.covers("btcusdt@kline_1m", Position.kline(60_000, 9, false, 64_000))).isTrue();
        assertThat(tracker.covers("btcusdt@kline_1m", Position.kline(60_000, 11, false, 61_500))).isFalse();
        assertThat(tracker.covers("btcusdt@kline_1m", Position.kline(60_000, 10, true, 61_500))).isFalse();
        assertThat(tracker.covers("btcusdt@kline_1m", Position.kline(120_000, -1, false, 121_000))).isFalse();
    }

    @Test
    void coversTurnsTrueOnceTheOldConnectionCatchesUp() {
        // the new connection's first trade is 105; the old one has delivered up to 102 so far
        Position newFirst = Position.trade(105);
        tracker.offer("btcusdt@trade", Position.trade(102));
        assertThat(tracker.covers("btcusdt@trade", newFirst)).isFalse();
        tracker.offer("btcusdt@trade", Position.trade(103));
        assertThat(tracker.covers("btcusdt@trade", newFirst)).isFalse();
        tracker.offer("btcusdt@trade", Position.trade(104));
        assertThat(tracker.covers("btcusdt@trade", newFirst)).isTrue();
    }
}
