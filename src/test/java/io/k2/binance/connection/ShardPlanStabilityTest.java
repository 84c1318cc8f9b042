package io.k2.binance.connection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardPlanStabilityTest {

    private static final List<String> TYPES = List.of("trade", "aggTrade", "depth@100ms", "bookTicker", "kline_1m");

    private static List<String> streams(int firstSymbol, int symbols) {
        List<String> out = new ArrayList<>();
        for (int i = firstSymbol; i < firstSymbol + symbols; i++) {
            for (String type : TYPES) {
                out.add(String.format("s%04dusdt@%s", i, type));
            }
        }
        return out;
    }

    @Test
    void shardsRespectTheLimitAndKeepEachSymbolTogether() {
        ShardPlan plan = ShardPlan.of(streams(0, 1_000), 1024); // 5000 streams
        assertThat(plan.shards()).hasSize(5);
        for (ShardPlan.Shard shard : plan.shards()) {
            assertThat(shard.streams().size()).isLessThanOrEqualTo(1024);
        }
        assertSymbolsTogether(plan);
        assertThat(plan.shards().stream().mapToInt(s -> s.streams().size()).sum()).isEqualTo(5_000);
    }

    @Test
    void aFirstPlanFillsShardsFirstFitInSymbolOrder() {
        ShardPlan plan = ShardPlan.of(List.of("ethusdt@trade", "btcusdt@trade", "bnbusdt@trade", "btcusdt@depth",
                "adausdt@trade"), 2);
        // ada, bnb fill shard 0; btc (2 streams) opens shard 1; eth opens shard 2
        assertThat(plan.shards()).extracting(ShardPlan.Shard::streams).containsExactly(
                List.of("adausdt@trade", "bnbusdt@trade"), List.of("btcusdt@trade", "btcusdt@depth"),
                List.of("ethusdt@trade"));
        assertThat(plan.shards()).extracting(ShardPlan.Shard::id).containsExactly(0, 1, 2);
        // a later small symbol takes the first shard with room
        assertThat(ShardPlan.of(List.of("aaa@trade", "bbb@trade", "bbb@depth", "ccc@trade"), 2).shards())
                .extracting(ShardPlan.Shard::streams)
                .containsExactly(List.of("aaa@trade", "ccc@trade"), List.of("bbb@trade", "bbb@depth"));
    }

    @Test
    void theSameInputGivesTheSamePlan() {
        List<String> input = streams(0, 700);
        ShardPlan plan = ShardPlan.of(input, 1000);
        assertThat(ShardPlan.of(input, 1000).shards()).isEqualTo(plan.shards());
        assertThat(plan.next(input).shards()).isEqualTo(plan.shards());
        List<String> shuffled = new ArrayList<>(input);
        java.util.Collections.shuffle(shuffled, new Random(1));
        assertThat(shardSymbols(ShardPlan.of(shuffled, 1000))).isEqualTo(shardSymbols(plan));
    }

    @Test
    void addingASymbolMovesNothingElse() {
        ShardPlan before = ShardPlan.of(streams(0, 300), 1020); // 1500 streams: 1020 (full) + 480
        List<String> more = new ArrayList<>(streams(0, 300));
        more.addAll(List.of("aaausdt@trade", "aaausdt@depth@100ms")); // sorts before everything
        ShardPlan after = before.next(more);
        assertThat(placementOf(after, streams(0, 300))).isEqualTo(placementOf(before, streams(0, 300)));
        assertThat(after.shardOf("aaausdt@trade").id()).isEqualTo(1); // the first shard with room
        assertThat(after.shardOf("aaausdt@depth@100ms").id()).isEqualTo(1);
    }

    @Test
    void aSymbolThatOutgrowsItsShardMovesAloneToOneWithRoom() {
        ShardPlan before = ShardPlan.of(streams(0, 300), 1020); // shard 0 exactly full
        String symbol = "s0100usdt"; // in the middle of shard 0
        assertThat(before.shardOf(symbol + "@trade").id()).isZero();
        List<String> more = new ArrayList<>(streams(0, 300));
        more.add(symbol + "@depth5");
        ShardPlan after = before.next(more);
        assertThat(after.shardOf(symbol + "@depth5").id()).isEqualTo(1);
        assertThat(after.shardOf(symbol + "@trade").id()).isEqualTo(1);
        Map<String, Integer> moved = diff(placementOf(before, streams(0, 300)), placementOf(after, streams(0, 300)));
        assertThat(moved.keySet()).hasSize(5).allMatch(stream -> stream.startsWith(symbol + "@"));
        assertSymbolsTogether(after);
    }

    @Test
    void aSymbolThatGrowsWithinItsShardsRoomStays() {
        ShardPlan before = ShardPlan.of(streams(0, 300), 1024); // shard 0 has 4 free
        List<String> more = new ArrayList<>(streams(0, 300));
        more.add("s0100usdt@depth5");
        ShardPlan after = before.next(more);
        assertThat(after.shardOf("s0100usdt@depth5").id()).isZero();
        assertThat(placementOf(after, streams(0, 300))).isEqualTo(placementOf(before, streams(0, 300)));
    }

    @Test
    void removedSymbolsLeaveAndEmptyShardsClose() {
        ShardPlan before = ShardPlan.of(streams(0, 300), 1024);
        ShardPlan after = before.next(streams(0, 200)); // 1000 streams, all were on shard 0
        assertThat(after.shards()).hasSize(1);
        assertThat(after.shards().get(0).id()).isZero();
        assertThat(placementOf(after, streams(0, 200))).isEqualTo(placementOf(before, streams(0, 200)));
    }

    @Test
    void newShardsTakeTheSmallestFreeId() {
        ShardPlan plan = ShardPlan.of(streams(0, 600), 1000); // ids 0, 1, 2
        plan = plan.next(streams(200, 400)); // shard 0 (symbols 0..199) empties
        assertThat(plan.shards()).extracting(ShardPlan.Shard::id).containsExactly(1, 2);
        List<String> grown = new ArrayList<>(streams(200, 400));
        grown.addAll(streams(1_000, 200)); // 1000 more streams: shards 1 and 2 are full, so a new shard
        plan = plan.next(grown);
        assertThat(plan.shards()).extracting(ShardPlan.Shard::id).containsExactly(0, 1, 2);
    }

    @Test
    void randomChangesOnlyMoveWhatMustMove() {
        Random random = new Random(3);
        List<String> current = streams(0, 200);
        ShardPlan plan = ShardPlan.of(current, 256);
        int moves = 0;
        for (int step = 0; step < 150; step++) {
            List<String> next = new ArrayList<>(current);
            int change = random.nextInt(3);
            if (change == 0 && !next.isEmpty()) {
                next.remove(random.nextInt(next.size()));
            } else if (change == 1) {
                next.add(String.format("s%04dusdt@depth%d", random.nextInt(400), 5 + 5 * random.nextInt(2)));
            } else {
                next.addAll(streams(random.nextInt(400), 1));
            }
            next = next.stream().distinct().collect(Collectors.toList());
            ShardPlan after = plan.next(next);
            assertSymbolsTogether(after);
            after.shards().forEach(s -> assertThat(s.streams().size()).isLessThanOrEqualTo(256));
            assertThat(after.shards().stream().mapToInt(s -> s.streams().size()).sum()).isEqualTo(next.size());
            // a kept stream only moves with its symbol, and only when that symbol gained a stream
            Map<String, Integer> moved = diff(placementOf(plan, current), placementOf(after, current));
            java.util.Set<String> movedSymbols = moved.keySet().stream().map(ShardPlan::symbolOf)
                    .collect(Collectors.toSet());
            assertThat(movedSymbols).hasSizeLessThanOrEqualTo(1);
            moves += movedSymbols.size();
            java.util.Set<String> was = new java.util.HashSet<>(current);
            for (String symbol : movedSymbols) {
                long gained = next.stream().filter(s -> ShardPlan.symbolOf(s).equals(symbol) && !was.contains(s)).count();
                assertThat(gained).as("symbol %s moved without gaining streams", symbol).isPositive();
            }
            current = next;
            plan = after;
        }
        assertThat(moves).as("the run must include symbols outgrowing their shard").isPositive();
    }

    @Test
    void marketWideStreamsAreTheirOwnGroup() {
        assertThat(ShardPlan.symbolOf("!miniTicker@arr")).isEqualTo("!miniTicker@arr");
        assertThat(ShardPlan.symbolOf("btcusdt@depth@100ms")).isEqualTo("btcusdt");
    }

    @Test
    void aSymbolWithMoreStreamsThanAShardIsRejected() {
        assertThatThrownBy(() -> ShardPlan.of(List.of("btcusdt@trade", "btcusdt@depth"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("btcusdt");
        assertThatThrownBy(() -> ShardPlan.empty(1025)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSymbolsTogether(ShardPlan plan) {
        Map<String, Integer> shardOfSymbol = new HashMap<>();
        List<String> split = new ArrayList<>();
        for (ShardPlan.Shard shard : plan.shards()) {
            for (String stream : shard.streams()) {
                Integer previous = shardOfSymbol.put(ShardPlan.symbolOf(stream), shard.id());
                if (previous != null && previous != shard.id()) {
                    split.add(stream);
                }
            }
        }
        assertThat(split).as("streams whose symbol is split over shards").isEmpty();
    }

    private static Map<String, Integer> placementOf(ShardPlan plan, List<String> streams) {
        java.util.Set<String> wanted = new java.util.HashSet<>(streams);
        Map<String, Integer> out = new HashMap<>();
        for (ShardPlan.Shard shard : plan.shards()) {
            for (String stream : shard.streams()) {
                if (wanted.contains(stream)) {
                    out.put(stream, shard.id());
                }
            }
        }
        return out;
    }

    private static Map<String, Integer> diff(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> moved = new HashMap<>();
        before.forEach((stream, id) -> {
            Integer now = after.get(stream);
            if (now != null && !now.equals(id)) {
                moved.put(stream, now);
            }
        });
        return moved;
    }

    private static List<List<String>> shardSymbols(ShardPlan plan) {
        return plan.shards().stream()
                .map(s -> s.streams().stream().map(ShardPlan::symbolOf).distinct().toList()).toList();
    }
}
