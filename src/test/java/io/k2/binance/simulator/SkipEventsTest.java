package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code skip}: a stream's next events are generated and recorded but sent to nobody, so the client sees
 * exactly that many ids missing, and the history (and REST) knows what they were.
 */
class SkipEventsTest extends RestTestSupport {

    @Test
    void skippedTradesAreAnIdJumpThatRestCanFill() {
        start(config().ratePerSecond(500));
        TestClient client = connect("/ws/btcusdt@trade");
        await().atMost(WAIT).until(() -> client.messages().size() >= 10);
        sim.skipEvents("btcusdt@trade", 3);
        int before = client.messages().size();
        await().atMost(WAIT).until(() -> client.messages().size() >= before + 10);
        List<Long> ids = parsed(client).stream().map(e -> e.get("t").asLong()).toList();
        Gap gap = onlyGap(ids);
        assertThat(gap.missing()).isEqualTo(3);
        List<HistoryEvent> missed = sim.history().range("btcusdt@trade", gap.after() + 1, gap.after() + 3);
        assertThat(missed).hasSize(3).allSatisfy(e -> assertThat(e.receivers()).isZero());
        JsonNode rows = json("/api/v3/historicalTrades?symbol=BTCUSDT&limit=3&fromId=" + (gap.after() + 1));
        for (int i = 0; i < 3; i++) {
            JsonNode event = parse(missed.get(i).payload());
            assertThat(rows.get(i).get("id").asLong()).isEqualTo(event.get("t").asLong());
            assertThat(rows.get(i).get("price").asText()).isEqualTo(event.get("p").asText());
            assertThat(rows.get(i).get("qty").asText()).isEqualTo(event.get("q").asText());
        }
    }

    @Test
    void skipOverTheControlEndpointOnAggTradesAndDiffDepth() {
        start(config().ratePerSecond(500));
        TestClient client = connect("/stream?streams=ethusdt@aggTrade/ethusdt@depth@100ms");
        await().atMost(WAIT).until(() -> count(client, "ethusdt@aggTrade") >= 5 && count(client, "ethusdt@depth@100ms") >= 5);
        HttpResponse<String> agg = post("/sim/faults/skip?stream=ethusdt@aggTrade&count=2");
        assertThat(agg.statusCode()).as(agg.body()).isEqualTo(200);
        assertThat(parse(agg.body()).get("count").asInt()).isEqualTo(2);
        assertThat(post("/sim/faults/skip?stream=ethusdt@depth@100ms").statusCode()).isEqualTo(200);
        long aggBefore = count(client, "ethusdt@aggTrade");
        long depthBefore = count(client, "ethusdt@depth@100ms");
        await().atMost(WAIT).until(() -> count(client, "ethusdt@aggTrade") >= aggBefore + 5
                && count(client, "ethusdt@depth@100ms") >= depthBefore + 5);

        Gap aggGap = onlyGap(dataOf(client, "ethusdt@aggTrade").stream().map(e -> e.get("a").asLong()).toList());
        assertThat(aggGap.missing()).isEqualTo(2);
        assertThat(sim.history().range("ethusdt@aggTrade", aggGap.after() + 1, aggGap.after() + 2))
                .hasSize(2).allSatisfy(e -> assertThat(e.receivers()).isZero());

        List<JsonNode> depth = dataOf(client, "ethusdt@depth@100ms");
        int breaks = 0;
        long lastU = 0;
        long nextU = 0;
        for (int i = 1; i < depth.size(); i++) {
            if (depth.get(i).get("U").asLong() != depth.get(i - 1).get("u").asLong() + 1) {
                breaks++;
                lastU = depth.get(i - 1).get("u").asLong();
                nextU = depth.get(i).get("U").asLong();
            }
        }
        assertThat(breaks).isEqualTo(1);
        List<HistoryEvent> skippedDepth = sim.history().range("ethusdt@depth@100ms", lastU + 1, nextU - 1);
        assertThat(skippedDepth).hasSize(1);
        assertThat(skippedDepth.get(0).firstId()).isEqualTo(lastU + 1);
        assertThat(skippedDepth.get(0).lastId()).isEqualTo(nextU - 1);
        assertThat(skippedDepth.get(0).receivers()).isZero();
    }

    @Test
    void onlyStreamsOfTheMarketCanSkip() {
        start(config());
        assertThatThrownBy(() -> sim.skipEvents("dogeusdt@trade", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not part of the simulated market");
        assertThatThrownBy(() -> sim.skipEvents("btcusdt@trade", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(post("/sim/faults/skip?stream=btcusdt@depth5").statusCode()).isEqualTo(400);
        assertThat(post("/sim/faults/skip").statusCode()).isEqualTo(400);
    }

    private record Gap(long after, long missing) {
    }

    /** The one place where consecutive ids are not +1: the id before it and how many are missing. */
    private static Gap onlyGap(List<Long> ids) {
        Gap gap = null;
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i) != ids.get(i - 1) + 1) {
                assertThat(gap).as("a second gap in " + ids).isNull();
                gap = new Gap(ids.get(i - 1), ids.get(i) - ids.get(i - 1) - 1);
            }
        }
        assertThat(gap).as("no gap in " + ids).isNotNull();
        return gap;
    }
}
