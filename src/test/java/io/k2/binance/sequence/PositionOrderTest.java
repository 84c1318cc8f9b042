package io.k2.binance.sequence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionOrderTest {

    @Test
    void klinesOrderByOpenTimeThenLastTradeThenClosedThenEventTime() {
        List<Position> ordered = List.of(
                Position.kline(1_000, -1, false, 900),     // no trades yet
                Position.kline(1_000, -1, false, 901),
                Position.kline(1_000, 5, false, 800),      // a trade outranks any event time
                Position.kline(1_000, 5, true, 700),       // closed outranks open
                Position.kline(1_000, 6, false, 600),
                Position.kline(2_000, -1, false, 100));    // a later kline outranks everything before
        List<Position> shuffled = new ArrayList<>(ordered);
        Collections.shuffle(shuffled, new Random(7));
        Collections.sort(shuffled);
        assertThat(shuffled).containsExactlyElementsOf(ordered);
    }

    @Test
    void klineContentOrderIgnoresEventTime() {
        Position a = Position.kline(1_000, 5, false, 800);
        Position b = Position.kline(1_000, 5, false, 900);
        assertThat(a.compareTo(b)).isNegative();
        assertThat(a.compareContent(b)).isZero();
        assertThat(a.compareContent(Position.kline(1_000, 5, true, 1))).isNegative();
    }

    @Test
    void diffsOrderByTheirLastUpdateId() {
        assertThat(Position.depthDiff(10, 20).compareTo(Position.depthDiff(15, 20))).isZero();
        assertThat(Position.depthDiff(10, 20).compareTo(Position.depthDiff(21, 21))).isNegative();
        assertThat(Position.depthDiff(1, 30).compareTo(Position.depthDiff(21, 25))).isPositive();
    }

    @Test
    void aggTradesOrderByAggregateId() {
        assertThat(Position.aggTrade(5, 100, 100).compareTo(Position.aggTrade(6, 90, 90))).isNegative();
    }

    @Test
    void factoriesPutIdsWhereTheAccessorsReadThem() {
        Position agg = Position.aggTrade(7, 100, 105);
        assertThat(agg.first()).isEqualTo(7);
        assertThat(agg.last()).isEqualTo(7);
        assertThat(agg.firstTradeId()).isEqualTo(100);
        assertThat(agg.lastTradeId()).isEqualTo(105);
        Position k = Position.kline(60_000, 42, true, 61_000);
        assertThat(k.openTime()).isEqualTo(60_000);
        assertThat(k.lastTradeId()).isEqualTo(42);
        assertThat(k.closed()).isTrue();
        assertThat(k.eventTime()).isEqualTo(61_000);
        Position d = Position.depthDiff(3, 9);
        assertThat(d.first()).isEqualTo(3);
        assertThat(d.last()).isEqualTo(9);
    }

    @Test
    void differentKindsHaveNoOrder() {
        assertThatThrownBy(() -> Position.trade(1).compareTo(Position.bookTicker(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDiffMustCoverAtLeastOneId() {
        assertThatThrownBy(() -> Position.depthDiff(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kindNoneHasNoPosition() {
        assertThatThrownBy(() -> new Position(SequenceKind.NONE, 1, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
