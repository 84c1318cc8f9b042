package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import io.k2.marketdata.GapCause;
import io.k2.marketdata.GapOutcome;
import io.k2.marketdata.GapRecordType;
import io.k2.marketdata.GapV1;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The TCP connection drops at 5,000 events/s. Afterwards Kafka holds every trade and aggTrade the market
 * generated during the outage (backfilled over REST, once each), each gap is published with cause RECONNECT
 * and closed BACKFILLED, and what is still missing is only what REST cannot replay: bookTicker and kline
 * events and the diffs a depth snapshot replaced (proven against the simulator's history and ledger).
 */
class AbruptDropUnderLoadBackfillsEveryTradeTest extends GapTestSupport {

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(5_000).historySize(400_000).seed(83).build());
    }

    /** A reconnect delay of up to 2 s (fully jittered): at 5,000 events/s the outage leaves up to thousands of events to backfill. */
    @Override
    protected void settings(java.util.Properties p) {
        p.setProperty("k2.binance.reconnect-initial-delay-ms", "2000");
        p.setProperty("k2.binance.reconnect-max-delay-ms", "2000");
        p.setProperty("k2.gaps.depth-snapshot-on-start", "true");
    }

    @Override protected String topicPrefix() { return "gap-load"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }

    @Test
    void everyTradeAndAggTradeSentDuringTheOutageIsInKafkaOnce() {
        awaitAllStreamsDeliver(Duration.ofSeconds(30));
        String dropped = awaitConnections(1, Duration.ofSeconds(5)).get(0);
        simulator.dropConnectionAbruptly(dropped);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> simulator.connectionIds().stream().anyMatch(id -> !id.equals(dropped)));
        List<GapV1> gaps = awaitClosedGaps(6, Duration.ofSeconds(60));
        awaitMoreAcked(2_000, Duration.ofSeconds(20));
        settle();
        logHoldTime("drop at 5,000 events/s");

        List<GapV1> closed = closed(gapRecords());
        assertThat(closed).extracting(GapV1::getStream).as("one gap per trade, aggTrade and depth stream")
                .containsExactlyInAnyOrder("btcusdt@trade", "btcusdt@aggTrade", "btcusdt@depth@100ms",
                        "ethusdt@trade", "ethusdt@aggTrade", "ethusdt@depth@100ms");
        for (GapV1 g : closed) {
            assertThat(g.getCause()).as(g.getGapId()).isEqualTo(GapCause.RECONNECT);
            assertThat(g.getOutcome()).as(g.getGapId()).isEqualTo(g.getStream().contains("@depth")
                    ? GapOutcome.SNAPSHOT_PUBLISHED : GapOutcome.BACKFILLED);
        }
        assertThat(gaps.stream().filter(g -> g.getRecord() == GapRecordType.DETECTED).count()).isEqualTo(6);

        Delivery d = delivery();
        Set<String> lostInFlight = d.lostInFlightOn(dropped);
        d.assertMissingExactlySentToNobody(lostInFlight);
        assertThat(d.backfilled).as("the outage left trades to backfill (the fault did bite)").isNotEmpty();
        assertThat(d.snapshots).as("REST snapshots: one per depth stream at start-up, one per depth gap").hasSize(4);
    }
}
