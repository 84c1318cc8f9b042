package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code historicalTrades}, {@code trades} and {@code aggTrades}: a backfilled row is the live event it
 * stands for, to the last digit; {@code fromId} paging; Binance's errors; microsecond times.
 */
class RestTradesTest extends RestTestSupport {

    private static final String MICROS = "X-MBX-TIME-UNIT";

    @Test
    void aHistoricalTradeRowIsTheLiveTradeEvent() {
        start(config().ratePerSecond(1000));
        TestClient client = connect("/ws/btcusdt@trade");
        await().atMost(WAIT).until(() -> client.messages().size() >= 30);
        List<JsonNode> live = parsed(client).subList(0, 30);
        long from = live.get(0).get("t").asLong();
        JsonNode rows = json("/api/v3/historicalTrades?symbol=BTCUSDT&limit=30&fromId=" + from);
        assertThat(rows).hasSize(30);
        for (int i = 0; i < 30; i++) {
            JsonNode row = rows.get(i);
            JsonNode event = live.get(i);
            assertThat(fieldNames(row)).containsExactly("id", "price", "qty", "quoteQty", "time", "isBuyerMaker", "isBestMatch");
            assertThat(row.get("id").asLong()).isEqualTo(event.get("t").asLong());
            assertThat(row.get("price").asText()).isEqualTo(event.get("p").asText());
            assertThat(row.get("qty").asText()).isEqualTo(event.get("q").asText());
            assertThat(row.get("time").asLong()).isEqualTo(event.get("T").asLong());
            assertThat(row.get("isBuyerMaker").asBoolean()).isEqualTo(event.get("m").asBoolean());
            assertThat(row.get("isBestMatch").asBoolean()).isTrue();
            BigDecimal quote = new BigDecimal(event.get("p").asText()).multiply(new BigDecimal(event.get("q").asText()))
                    .setScale(8, RoundingMode.DOWN);
            assertThat(row.get("quoteQty").asText()).isEqualTo(quote.toPlainString());
        }
    }

    @Test
    void anAggTradeRowIsTheLiveAggTradeEvent() {
        start(config().ratePerSecond(1000));
        TestClient client = connect("/ws/ethusdt@aggTrade");
        await().atMost(WAIT).until(() -> client.messages().size() >= 20);
        List<JsonNode> live = parsed(client).subList(0, 20);
        long from = live.get(0).get("a").asLong();
        JsonNode rows = json("/api/v3/aggTrades?symbol=ethusdt&limit=20&fromId=" + from);
        assertThat(rows).hasSize(20);
        for (int i = 0; i < 20; i++) {
            JsonNode row = rows.get(i);
            JsonNode event = live.get(i);
            assertThat(fieldNames(row)).containsExactly("a", "p", "q", "f", "l", "T", "m", "M");
            for (String key : List.of("a", "p", "q", "f", "l", "T", "m", "M")) {
                assertThat(row.get(key)).as(key).isEqualTo(event.get(key));
            }
        }
        // By time: every row of the event's millisecond, that event among them.
        long t = live.get(5).get("T").asLong();
        JsonNode byTime = json("/api/v3/aggTrades?symbol=ETHUSDT&startTime=" + t + "&endTime=" + t);
        assertThat(byTime.findValues("T")).isNotEmpty().allSatisfy(v -> assertThat(v.asLong()).isEqualTo(t));
        assertThat(byTime.findValues("a")).contains(live.get(5).get("a"));
    }

    @Test
    void fromIdPagesThroughWhatIsHeldAndAnOlderOneStartsAtTheOldest() {
        // One symbol, one stream, one subscriber: the market stops after 400 events, so the tape stands still.
        start(config().symbols(List.of("btcusdt")).streams(List.of("trade")).ratePerSecond(4000).maxEvents(400).historySize(50));
        TestClient client = connect("/ws/btcusdt@trade");
        await().atMost(WAIT).until(() -> sim.eventsGenerated() >= 400);
        JsonNode all = json("/api/v3/historicalTrades?symbol=BTCUSDT&limit=1000&fromId=0");
        assertThat(all).as("bounded by the history size").hasSize(50);
        List<Long> ids = all.findValues("id").stream().map(JsonNode::asLong).toList();
        long oldest = ids.get(0);
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).isEqualTo(ids.get(i - 1) + 1);
        }
        assertThat(client.messages()).isNotEmpty();
        // Older than the oldest held: from the oldest on, so the first id above fromId says "range gone".
        JsonNode gone = json("/api/v3/historicalTrades?symbol=BTCUSDT&limit=10&fromId=" + (oldest - 100));
        assertThat(gone.get(0).get("id").asLong()).isEqualTo(oldest);
        assertThat(gone).hasSize(10);
        JsonNode page = json("/api/v3/historicalTrades?symbol=BTCUSDT&limit=10&fromId=" + (oldest + 45));
        assertThat(page.findValues("id").stream().map(JsonNode::asLong).toList()).isEqualTo(ids.subList(45, 50));
        assertThat(json("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=" + (ids.get(49) + 1))).isEmpty();
        assertThat(json("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=" + Long.MAX_VALUE)).isEmpty();
        // Without fromId, and /trades: the newest, oldest first.
        assertThat(json("/api/v3/historicalTrades?symbol=BTCUSDT&limit=3").findValues("id").stream().map(JsonNode::asLong).toList())
                .isEqualTo(ids.subList(47, 50));
        assertThat(json("/api/v3/trades?symbol=BTCUSDT&limit=4").findValues("id").stream().map(JsonNode::asLong).toList())
                .isEqualTo(ids.subList(46, 50));
        assertThat(json("/api/v3/trades?symbol=BTCUSDT")).hasSize(50);
        // The last live event is the newest row (the tape holds no more than what was sent, plus the rest of one order).
        long lastLive = parse(client.messages().get(client.messages().size() - 1)).get("t").asLong();
        assertThat(ids).contains(lastLive);
    }

    @Test
    void tradesAreServedWhenTheTradeStreamsAreNotPartOfTheMarket() {
        // Only klines: taker orders happen, but there is no @trade or @aggTrade history at all.
        start(config().symbols(List.of("btcusdt")).streams(List.of("kline_1m")).ratePerSecond(2000));
        await().atMost(WAIT).until(() -> sim.history().events("btcusdt@kline_1m").stream()
                .filter(e -> e.lastId() > 0).count() > 20);
        assertThat(sim.history().streams()).doesNotContain("btcusdt@trade", "btcusdt@aggTrade");
        // The klines count the same trades: the last trade id of a kline before the reads is on the tape.
        long klineL = sim.history().events("btcusdt@kline_1m").stream().mapToLong(HistoryEvent::lastId).max().orElseThrow();
        // Read the aggregates first: the trades read after them then cover all their ids.
        JsonNode aggs = json("/api/v3/aggTrades?symbol=BTCUSDT&limit=20");
        JsonNode trades = json("/api/v3/historicalTrades?symbol=BTCUSDT&limit=1000");
        assertThat(aggs).hasSize(20);
        List<JsonNode> byId = new ArrayList<>();
        trades.forEach(byId::add);
        long firstTrade = byId.get(0).get("id").asLong();
        for (int i = 1; i < byId.size(); i++) {
            assertThat(byId.get(i).get("id").asLong()).isEqualTo(firstTrade + i);
        }
        for (int i = 0; i < aggs.size(); i++) {
            JsonNode agg = aggs.get(i);
            if (i > 0) {
                assertThat(agg.get("a").asLong()).isEqualTo(aggs.get(i - 1).get("a").asLong() + 1);
                assertThat(agg.get("f").asLong()).isEqualTo(aggs.get(i - 1).get("l").asLong() + 1);
            }
            BigDecimal qty = BigDecimal.ZERO;
            for (long id = agg.get("f").asLong(); id <= agg.get("l").asLong(); id++) {
                JsonNode t = byId.get((int) (id - firstTrade));
                assertThat(t.get("price").asText()).isEqualTo(agg.get("p").asText());
                assertThat(t.get("isBuyerMaker").asBoolean()).isEqualTo(agg.get("m").asBoolean());
                assertThat(t.get("time").asLong()).isEqualTo(agg.get("T").asLong());
                qty = qty.add(new BigDecimal(t.get("qty").asText()));
            }
            assertThat(qty).isEqualByComparingTo(new BigDecimal(agg.get("q").asText()));
        }
        assertThat(klineL).isBetween(firstTrade, firstTrade + byId.size() - 1);
    }

    @Test
    void microsecondTimesWithTheTimeUnitHeader() {
        start(config().ratePerSecond(1000));
        TestClient client = connect("/stream?streams=btcusdt@trade/btcusdt@aggTrade&timeUnit=MICROSECOND");
        await().atMost(WAIT).until(() -> count(client, "btcusdt@trade") >= 3 && count(client, "btcusdt@aggTrade") >= 3);
        JsonNode trade = dataOf(client, "btcusdt@trade").get(2);
        JsonNode agg = dataOf(client, "btcusdt@aggTrade").get(2);
        long t = trade.get("t").asLong();
        JsonNode micros = json("/api/v3/historicalTrades?symbol=BTCUSDT&limit=1&fromId=" + t, MICROS, "MICROSECOND");
        assertThat(micros.get(0).get("time").asLong()).isEqualTo(trade.get("T").asLong());
        JsonNode millis = json("/api/v3/historicalTrades?symbol=BTCUSDT&limit=1&fromId=" + t);
        assertThat(millis.get(0).get("time").asLong()).isEqualTo(trade.get("T").asLong() / 1000);
        JsonNode aggMicros = json("/api/v3/aggTrades?symbol=BTCUSDT&limit=1&fromId=" + agg.get("a").asLong(), MICROS, "MICROSECOND");
        assertThat(aggMicros.get(0).get("T").asLong()).isEqualTo(agg.get("T").asLong());
        long serverMicros = json("/api/v3/time", MICROS, "MICROSECOND").get("serverTime").asLong();
        assertThat(serverMicros).isGreaterThan(System.currentTimeMillis() * 100);
        HttpResponse<String> bad = get("/api/v3/trades?symbol=BTCUSDT", MICROS, "NANOSECOND");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(parse(bad.body()).get("code").asInt()).isEqualTo(-1100);
    }

    @Test
    void badRequestsGetBinanceErrors() {
        start(config().ratePerSecond(100));
        for (String path : List.of("/api/v3/historicalTrades", "/api/v3/trades", "/api/v3/aggTrades")) {
            assertError(path, 400, -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
            assertError(path + "?symbol=", 400, -1102, null);
            assertError(path + "?symbol=%20", 400, -1102, null);
            assertError(path + "?symbol=DOGEUSDT", 400, -1121, "Invalid symbol.");
            assertError(path + "?symbol=BTCUSDT&limit=0", 400, -1100, "Illegal characters found in parameter 'limit'; legal range is '1..1000'.");
            assertError(path + "?symbol=BTCUSDT&limit=1001", 400, -1100, null);
            assertError(path + "?symbol=BTCUSDT&limit=ten", 400, -1100, null);
            assertThat(get(path + "?symbol=BTCUSDT&limit=1000").statusCode()).isEqualTo(200);
        }
        assertError("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=-1", 400, -1100, null);
        assertError("/api/v3/aggTrades?symbol=BTCUSDT&fromId=x", 400, -1100, null);
        assertError("/api/v3/aggTrades?symbol=BTCUSDT&fromId=1&startTime=1", 400, -1128, null);
        assertError("/api/v3/aggTrades?symbol=BTCUSDT&startTime=0&endTime=3600001", 400, -1127, null);
        assertThat(sim.restResponses(400)).isEqualTo(3 * 7 + 4);
    }

    private void assertError(String pathAndQuery, int status, int code, String msg) {
        HttpResponse<String> r = get(pathAndQuery);
        assertThat(r.statusCode()).as(pathAndQuery).isEqualTo(status);
        JsonNode body = parse(r.body());
        assertThat(body.get("code").asInt()).as(pathAndQuery + " " + r.body()).isEqualTo(code);
        if (msg != null) {
            assertThat(body.get("msg").asText()).isEqualTo(msg);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
