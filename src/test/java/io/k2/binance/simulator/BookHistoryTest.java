package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code bookAt(symbol, u)}: the whole book right after the diff-depth event with that {@code u}, held
 * when {@code bookHistory} is on, consistent with the events in between and with the REST snapshot.
 */
class BookHistoryTest extends RestTestSupport {

    private static final String DEPTH = "btcusdt@depth@100ms";

    @Test
    void offByDefault() {
        start(config().ratePerSecond(500));
        await().atMost(WAIT).until(() -> sim.history().generated(DEPTH) > 5);
        long u = sim.history().events(DEPTH).get(0).lastId();
        assertThat(sim.bookAt("BTCUSDT", u)).isNull();
    }

    @Test
    void theDiffsBetweenTwoHeldBooksTurnOneIntoTheOther() {
        start(config().ratePerSecond(500).bookHistory(2000));
        await().atMost(WAIT).until(() -> sim.history().generated(DEPTH) > 40);
        List<HistoryEvent> events = sim.history().events(DEPTH);
        HistoryEvent from = events.get(5);
        HistoryEvent to = events.get(35);
        BookState start = sim.bookAt("btcusdt", from.lastId());
        BookState end = sim.bookAt("BTCUSDT", to.lastId());
        assertThat(start).isNotNull();
        assertThat(end).isNotNull();
        assertThat(start.lastUpdateId()).isEqualTo(from.lastId());
        assertThat(start.bids().size()).isGreaterThan(20);

        TreeMap<BigDecimal, String> bids = side(start.bids(), true);
        TreeMap<BigDecimal, String> asks = side(start.asks(), false);
        for (HistoryEvent e : events.subList(6, 36)) {
            JsonNode d = parse(e.payload());
            apply(bids, d.get("b"));
            apply(asks, d.get("a"));
        }
        assertThat(levels(bids)).isEqualTo(end.bids());
        assertThat(levels(asks)).isEqualTo(end.asks());
        // Best first, and rendered as in depth events (8 decimals).
        assertThat(new BigDecimal(end.bids().get(0).price())).isLessThan(new BigDecimal(end.asks().get(0).price()));
        assertThat(end.bids().get(0).price()).matches("\\d+\\.\\d{8}");
        // Not a diff-depth event's u (the one before the first event's first change), or too old: null.
        assertThat(sim.bookAt("BTCUSDT", from.firstId() - 1 - 1_000_000)).isNull();
    }

    @Test
    void theRestSnapshotIsTheBookAtItsLastUpdateId() {
        // Only diff depth moves the book here, so the book's update id is always some event's u.
        start(config().symbols(List.of("btcusdt")).streams(List.of("depth@100ms")).ratePerSecond(300).bookHistory(1000));
        await().atMost(WAIT).until(() -> sim.history().generated(DEPTH) > 5);
        JsonNode snapshot = json("/api/v3/depth?symbol=BTCUSDT&limit=5000");
        long lastUpdateId = snapshot.get("lastUpdateId").asLong();
        BookState book = sim.bookAt("BTCUSDT", lastUpdateId);
        assertThat(book).as("a capture at the snapshot's id").isNotNull();
        assertThat(asLevels(snapshot.get("bids"))).isEqualTo(book.bids());
        assertThat(asLevels(snapshot.get("asks"))).isEqualTo(book.asks());
        assertThat(sim.history().range(DEPTH, lastUpdateId, lastUpdateId)).hasSize(1);
    }

    @Test
    void onlyTheLastBookHistoryEmissionsAreHeld() {
        start(config().symbols(List.of("btcusdt")).streams(List.of("depth@100ms")).ratePerSecond(1000).maxEvents(60).bookHistory(5));
        connect("/ws/" + DEPTH);
        await().atMost(WAIT).until(() -> sim.eventsGenerated() >= 60);
        List<HistoryEvent> events = sim.history().events(DEPTH);
        int n = events.size();
        for (int i = n - 5; i < n; i++) {
            assertThat(sim.bookAt("BTCUSDT", events.get(i).lastId())).isNotNull();
        }
        assertThat(sim.bookAt("BTCUSDT", events.get(n - 6).lastId())).isNull();
    }

    private static TreeMap<BigDecimal, String> side(List<BookState.Level> levels, boolean bids) {
        Comparator<BigDecimal> bestFirst = bids ? Comparator.reverseOrder() : Comparator.naturalOrder();
        TreeMap<BigDecimal, String> side = new TreeMap<>(bestFirst);
        levels.forEach(l -> side.put(new BigDecimal(l.price()), l.price() + " " + l.qty()));
        return side;
    }

    private static void apply(TreeMap<BigDecimal, String> side, JsonNode changes) {
        for (JsonNode c : changes) {
            BigDecimal price = new BigDecimal(c.get(0).asText());
            if (new BigDecimal(c.get(1).asText()).signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, c.get(0).asText() + " " + c.get(1).asText());
            }
        }
    }

    private static List<BookState.Level> levels(TreeMap<BigDecimal, String> side) {
        List<BookState.Level> out = new ArrayList<>();
        for (Map.Entry<BigDecimal, String> e : side.entrySet()) {
            String[] pq = e.getValue().split(" ");
            out.add(new BookState.Level(pq[0], pq[1]));
        }
        return out;
    }

    private static List<BookState.Level> asLevels(JsonNode levels) {
        List<BookState.Level> out = new ArrayList<>();
        levels.forEach(l -> out.add(new BookState.Level(l.get(0).asText(), l.get(1).asText())));
        return out;
    }
}
