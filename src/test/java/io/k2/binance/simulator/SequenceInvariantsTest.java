package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sequencing rules of binance-protocol.md §5 hold over a few thousand generated events of every
 * stream kind, bursts included: they are what the product's gap detection relies on.
 */
class SequenceInvariantsTest extends SimulatorTestSupport {

    private static final String STREAMS = "btcusdt@trade/btcusdt@aggTrade/btcusdt@depth@100ms/btcusdt@bookTicker"
            + "/btcusdt@kline_1s/btcusdt@kline_1m/btcusdt@depth5/ethusdt@depth/ethusdt@aggTrade/ethusdt@miniTicker";

    @Test
    void invariantsHoldOverThousandsOfEvents() {
        start(config().ratePerSecond(5000).burstFactor(8).burstEvery(java.time.Duration.ofMillis(400))
                .burstDuration(java.time.Duration.ofMillis(100)).maxEvents(6000));
        TestClient client = connect("/stream?streams=" + STREAMS);
        await().atMost(WAIT).until(() -> client.messages().size() == 6000);
        Map<String, List<JsonNode>> byStream = parsed(client).stream()
                .collect(Collectors.groupingBy(n -> n.get("stream").asText(), Collectors.mapping(n -> n.get("data"), Collectors.toList())));
        assertThat(byStream.keySet()).hasSize(10);

        List<JsonNode> trades = byStream.get("btcusdt@trade");
        for (int i = 1; i < trades.size(); i++) {
            assertThat(trades.get(i).get("t").asLong()).isEqualTo(trades.get(i - 1).get("t").asLong() + 1);
        }
        assertThat(keys(trades.get(0))).containsExactly("e", "E", "s", "t", "p", "q", "T", "m", "M");
        assertThat(trades.get(0).get("p").asText()).matches("\\d+\\.\\d{8}");

        for (String agg : List.of("btcusdt@aggTrade", "ethusdt@aggTrade")) {
            List<JsonNode> aggs = byStream.get(agg);
            for (int i = 1; i < aggs.size(); i++) {
                assertThat(aggs.get(i).get("a").asLong()).isEqualTo(aggs.get(i - 1).get("a").asLong() + 1);
                assertThat(aggs.get(i).get("f").asLong()).isEqualTo(aggs.get(i - 1).get("l").asLong() + 1);
                assertThat(aggs.get(i).get("l").asLong()).isGreaterThanOrEqualTo(aggs.get(i).get("f").asLong());
            }
        }
        // The aggregates cover exactly the trades the trade stream showed.
        List<JsonNode> btcAggs = byStream.get("btcusdt@aggTrade");
        long firstTrade = trades.get(0).get("t").asLong();
        long lastTrade = trades.get(trades.size() - 1).get("t").asLong();
        long covered = btcAggs.stream().filter(a -> a.get("f").asLong() >= firstTrade && a.get("l").asLong() <= lastTrade)
                .mapToLong(a -> a.get("l").asLong() - a.get("f").asLong() + 1).sum();
        assertThat(covered).isGreaterThan(trades.size() / 2);

        List<JsonNode> depth = byStream.get("btcusdt@depth@100ms");
        for (int i = 1; i < depth.size(); i++) {
            assertThat(depth.get(i).get("U").asLong()).isEqualTo(depth.get(i - 1).get("u").asLong() + 1);
        }
        List<JsonNode> ethDepth = byStream.get("ethusdt@depth");
        for (int i = 1; i < ethDepth.size(); i++) {
            assertThat(ethDepth.get(i).get("U").asLong()).isEqualTo(ethDepth.get(i - 1).get("u").asLong() + 1);
        }
        assertThat(keys(depth.get(0))).containsExactly("e", "E", "s", "U", "u", "b", "a");

        // bookTicker u lives in the depth id space: each one is inside the range the diff stream covered.
        long minU = depth.get(0).get("U").asLong();
        long maxU = depth.get(depth.size() - 1).get("u").asLong();
        List<JsonNode> tickers = byStream.get("btcusdt@bookTicker");
        assertThat(keys(tickers.get(0))).containsExactly("u", "s", "b", "B", "a", "A");
        assertThat(tickers).allSatisfy(t -> assertThat(t.get("u").asLong()).isBetween(minU, maxU + 1000));
        for (int i = 1; i < tickers.size(); i++) {
            assertThat(tickers.get(i).get("u").asLong()).isGreaterThan(tickers.get(i - 1).get("u").asLong());
        }
        assertThat(byStream.get("btcusdt@depth5")).allSatisfy(s -> {
            assertThat(keys(s)).containsExactly("lastUpdateId", "bids", "asks");
            assertThat(s.get("bids").size()).isEqualTo(5);
        });

        List<JsonNode> klines = new ArrayList<>(byStream.get("btcusdt@kline_1s"));
        klines.addAll(byStream.get("btcusdt@kline_1m"));
        for (JsonNode kline : klines) {
            JsonNode k = kline.get("k");
            long f = k.get("f").asLong();
            long l = k.get("L").asLong();
            if (f < 0) {
                assertThat(l).isEqualTo(-1);
                assertThat(k.get("n").asLong()).isZero();
            } else {
                assertThat(k.get("n").asLong()).isEqualTo(l - f + 1);
            }
        }
        assertThat(klines).anySatisfy(k -> assertThat(k.get("k").get("n").asLong()).isGreaterThan(1));
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
