package io.k2.binance.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import io.k2.marketdata.GapOutcome;
import io.k2.marketdata.GapV1;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole process reconnects with 50 symbols (cf. cryptofeed #613, 125 symbols after the 24 h reconnect):
 * 100 trade and aggTrade gaps at once, 50 × 25 + 50 × 4 = 1,450 weight of backfill. The simulator allows 600
 * weight per 10 s window (so firing them all at once would be answered 429 and then 418); the app's own
 * budget is 500 per window. Every gap is backfilled, no request was ever answered 429, and no window saw
 * more than the simulator's limit: the backfill was spread over at least three windows.
 */
class FiftySymbolsGappingAtOnceStayWithinTheWeightBudgetTest extends GapTestSupport {

    private static final List<String> SYMBOLS = fiftySymbols();

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(SYMBOLS).ratePerSecond(2_000)
                .restWeightLimit(600).restWeightWindow(Duration.ofSeconds(10)).historySize(50_000).seed(97).build());
    }

    private static List<String> fiftySymbols() {
        List<String> out = new ArrayList<>();
        for (String base : new String[] {"btc", "eth", "bnb", "sol", "xrp", "ada", "doge", "trx", "link", "dot",
                "ltc", "bch", "avax", "uni", "atom", "etc", "xlm", "fil", "apt", "arb", "op", "near", "icp", "aave",
                "inj", "sui", "sei", "tia", "algo", "egld", "sand", "mana", "axs", "ftm", "grt", "rune", "ldo", "crv",
                "snx", "comp", "zec", "dash", "neo", "qtum", "iota", "vet", "theta", "chz", "enj", "zil"}) {
            out.add(base + "usdt");
        }
        return out;
    }

    /** The outage the test makes is a drop plus a 1-2 s reconnect; the hold must outlast the paced backfill. */
    @Override
    protected void settings(java.util.Properties p) {
        p.setProperty("k2.binance.reconnect-initial-delay-ms", "1000");
        p.setProperty("k2.binance.reconnect-max-delay-ms", "2000");
        p.setProperty("k2.rest.weight-limit", "500");
        p.setProperty("k2.rest.weight-window-seconds", "10");
        p.setProperty("k2.gaps.max-hold-ms", "60000");
    }

    @Override protected String topicPrefix() { return "gap-fifty"; }
    @Override protected String symbols() { return String.join(",", SYMBOLS); }
    @Override protected String streams() { return "trade,aggTrade"; }

    @Test
    void everyGapIsBackfilledWithoutA429() {
        awaitAllStreamsDeliver(Duration.ofSeconds(60));
        String dropped = awaitConnections(1, Duration.ofSeconds(5)).get(0);
        // the exchange goes away (the connection drops, connects are refused) until every one of the 100 streams
        // has generated an event nobody got: then all of them gap at once when the app is back
        simulator.stopListening();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                subscribedStreams().stream().allMatch(s -> {
                    List<io.k2.binance.simulator.HistoryEvent> h = simulator.history().events(s);
                    return !h.isEmpty() && h.get(h.size() - 1).receivers() == 0;
                }));
        simulator.startListening();
        List<GapV1> records = awaitClosedGaps(100, Duration.ofSeconds(90));
        settle();
        logHoldTime("100 gaps at once, 500 weight per 10 s");

        List<GapV1> closed = closed(gapRecords());
        assertThat(closed).as("one gap per stream").hasSize(100);
        assertThat(closed).allSatisfy(g -> {
            assertThat(g.getOutcome()).as(g.getGapId()).isEqualTo(GapOutcome.BACKFILLED);
            assertThat(g.getInOrder()).as(g.getGapId()).isTrue();
        });
        assertThat(records).hasSize(200);
        assertThat(simulator.restResponses(429)).as("429 answers").isZero();
        assertThat(simulator.restResponses(418)).as("418 answers").isZero();
        assertThat(simulator.restMaxUsedWeight()).as("weight used in any one window").isLessThanOrEqualTo(600);
        assertThat(counter(MetricNames.REST_REQUESTS, MetricNames.TAG_ENDPOINT, "historicalTrades",
                MetricNames.TAG_STATUS, "200")).as("historicalTrades requests").isGreaterThanOrEqualTo(50);

        Delivery d = delivery();
        d.assertMissingExactlySentToNobody(d.lostInFlightOn(dropped));
    }
}
