package io.k2.binance.sequence;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.k2.binance.sequence.SequenceTracker.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequenceTrackerDedupTest {

    private static final String TRADE = "btcusdt@trade";
    private static final String AGG = "btcusdt@aggTrade";
    private static final String DEPTH = "btcusdt@depth@100ms";
    private static final String BOOK = "btcusdt@bookTicker";
    private static final String TOP = "btcusdt@depth20";
    private static final String KLINE = "btcusdt@kline_1m";

    private final SequenceTracker tracker = new SequenceTracker(List.of(TRADE, AGG, DEPTH, BOOK, TOP, KLINE));

    @Test
    void tradesAtOrBelowTheMarkAreDuplicates() {
        assertThat(tracker.offer(TRADE, Position.trade(10))).isEqualTo(Verdict.DELIVER);
        assertThat(tracker.offer(TRADE, Position.trade(11))).isEqualTo(Verdict.DELIVER);
        assertThat(tracker.offer(TRADE, Position.trade(11))).isEqualTo(Verdict.DUPLICATE);
        assertThat(tracker.offer(TRADE, Position.trade(9))).isEqualTo(Verdict.DUPLICATE);
        assertThat(tracker.mark(TRADE)).isEqualTo(Position.trade(11));
    }

    @Test
    void aDiffEndingAtOrBeforeTheMarkIsADuplicate() {
        tracker.offer(DEPTH, Position.depthDiff(100, 110));
        assertThat(tracker.offer(DEPTH, Position.depthDiff(100, 110))).isEqualTo(Verdict.DUPLICATE);
        assertThat(tracker.offer(DEPTH, Position.depthDiff(105, 110))).isEqualTo(Verdict.DUPLICATE);
        assertThat(tracker.offer(DEPTH, Position.depthDiff(90, 99))).isEqualTo(Verdict.DUPLICATE);
        assertThat(tracker.mark(DEPTH)).isEqualTo(Position.depthDiff(100, 110));
    }

    @Test
    void aPartlyOverlappingDiffIsDeliveredWithoutGap() {
        tracker.offer(DEPTH, Position.depthDiff(100, 110));
        // another connection batched ids differently: [105, 120] straddles the mark
        assertThat(tracker.offer(DEPTH, Position.depthDiff(105, 120))).isEqualTo(Verdict.DELIVER);
        assertThat(tracker.gapped()).isFalse();
        assertThat(tracker.mark(DEPTH)).isEqualTo(Position.depthDiff(105, 120));
    }

    @Test
    void aggTradesDeduplicateOnTheAggregateId() {
        tracker.offer(AGG, Position.aggTrade(50, 1000, 1002));
        assertThat(tracker.offer(AGG, Position.aggTrade(50, 1000, 1002))).isEqualTo(Verdict.DUPLICATE);
        assertThat(tracker.offer(AGG, Position.aggTrade(51, 1003, 1003))).isEqualTo(Verdict.DELIVER);
    }

    @Test
    void bookTickerAndPartialDepthOnlyNeedToIncrease() {
        assertThat(tracker.offer(BOOK, Position.bookTicker(500))).isEqualTo(Verdict.DELIVER);
        assertThat(tracker.offer(BOOK, Position.bookTicker(504))).isEqualTo(Verdict.DELIVER);
        assertThat(tracker.gapped()).isFalse(); // holes are normal for bookTicker
        assertThat(tracker.offer(BOOK, Position.bookTicker(504))).isEqualTo(Verdict.DUPLICATE);
        assertThat(tracker.offer(BOOK, Position.bookTicker(502))).isEqualTo(Verdict.DUPLICATE);

        assertThat(tracker.offer(TOP, Position.partialDepth(7_000))).isEqualTo(Verdict.DELIVER);
        assertThat(tracker.offer(TOP, Position.partialDepth(7_100))).isEqualTo(Verdict.DELIVER);
        assertThat(tracker.gapped()).isFalse();
        assertThat(tracker.offer(TOP, Position.partialDepth(7_100))).isEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void klinesFollowTheirLexicographicOrder() {
        assertThat(tracker.offer(KLINE, Position.kline(60_000, 10, false, 61_000))).isEqualTo(Verdict.DELIVER);
        // the same update again (other connection): duplicate
        assertThat(tracker.offer(KLINE, Position.kline(60_000, 10, false, 61_000))).isEqualTo(Verdict.DUPLICATE);
        // same content re-pushed later: a new event
        assertThat(tracker.offer(KLINE, Position.kline(60_000, 10, false, 63_000))).isEqualTo(Verdict.DELIVER);
        // an older update arriving late, even with a later event time from another server: duplicate
        assertThat(tracker.offer(KLINE, Position.kline(60_000, 9, false, 64_000))).isEqualTo(Verdict.DUPLICATE);
        assertThat(tracker.offer(KLINE, Position.kline(60_000, 12, true, 65_000))).isEqualTo(Verdict.DELIVER);
        assertThat(tracker.offer(KLINE, Position.kline(60_000, 12, false, 66_000))).isEqualTo(Verdict.DUPLICATE);
        assertThat(tracker.offer(KLINE, Position.kline(120_000, -1, false, 121_000))).isEqualTo(Verdict.DELIVER);
        assertThat(tracker.gapped()).isFalse();
    }

    @Test
    void streamsKeepSeparateMarks() {
        SequenceTracker two = new SequenceTracker(List.of("btcusdt@trade", "ethusdt@trade"));
        two.offer("btcusdt@trade", Position.trade(1_000));
        assertThat(two.offer("ethusdt@trade", Position.trade(5))).isEqualTo(Verdict.DELIVER);
        assertThat(two.mark("btcusdt@trade")).isEqualTo(Position.trade(1_000));
    }

    @Test
    void aPositionOfAnotherKindIsACallerBug() {
        assertThatThrownBy(() -> tracker.offer(TRADE, Position.bookTicker(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
