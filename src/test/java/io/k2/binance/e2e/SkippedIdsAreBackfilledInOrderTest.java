package io.k2.binance.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.HistoryEvent;
import io.k2.binance.simulator.SimulatorConfig;
import io.k2.marketdata.GapCause;
import io.k2.marketdata.GapOutcome;
import io.k2.marketdata.GapRecordType;
import io.k2.marketdata.GapV1;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange skips trade ids (and aggTrade ids) on a live connection: the app detects the jump, publishes
 * the gap, fills it from the REST API and keeps the topic in id order, so it holds every id of the run once,
 * contiguous, and the gap record says BACKFILLED with the count. Proven against the simulator's history: the
 * skipped events were generated (and sent to nobody), and exactly they are what was backfilled.
 */
class SkippedIdsAreBackfilledInOrderTest extends GapTestSupport {

    private static final int SKIPPED = 25;

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt")).ratePerSecond(500)
                .seed(61).build());
    }

    @Override protected String topicPrefix() { return "gap-skip"; }
    @Override protected String symbols() { return "btcusdt"; }
    @Override protected String streams() { return "trade,aggTrade"; }

    /** One app run for both streams: the history spans the run, so every event of it must be in Kafka once. */
    @Test
    void skippedTradeAndAggTradeIdsAreDetectedPublishedAndBackfilledInOrder() {
        awaitAllStreamsDeliver(Duration.ofSeconds(30));
        simulator.skipEvents("btcusdt@trade", SKIPPED);
        simulator.skipEvents("btcusdt@aggTrade", SKIPPED);
        List<GapV1> records = awaitClosedGaps(2, Duration.ofSeconds(30));
        awaitMoreAcked(200, Duration.ofSeconds(10)); // live events after the gap went on
        settle();
        assertSkipIsClosed(gapRecords(), "btcusdt@trade", "trade", "BTCUSDT");
        assertSkipIsClosed(gapRecords(), "btcusdt@aggTrade", "aggtrade", "BTCUSDT");
        delivery().assertEveryEventOnce();
    }

    private void assertSkipIsClosed(List<GapV1> records, String stream, String topicType, String symbol) {

        List<GapV1> ofStream = records.stream().filter(g -> g.getStream().equals(stream)).toList();
        assertThat(ofStream).as("gap records of " + stream).hasSize(2);
        GapV1 detected = ofStream.get(0);
        GapV1 closed = ofStream.get(1);
        assertThat(detected.getRecord()).isEqualTo(GapRecordType.DETECTED);
        assertThat(detected.getCause()).as("ids jumped on one connection").isEqualTo(GapCause.UNKNOWN);
        assertThat(detected.getLastMissingId() - detected.getFirstMissingId() + 1).isEqualTo(SKIPPED);
        assertThat(closed.getRecord()).isEqualTo(GapRecordType.CLOSED);
        assertThat(closed.getGapId()).isEqualTo(detected.getGapId());
        assertThat(closed.getOutcome()).isEqualTo(GapOutcome.BACKFILLED);
        assertThat(closed.getRecovered()).isEqualTo(SKIPPED);
        assertThat(closed.getInOrder()).isTrue();
        assertThat(counter(MetricNames.SEQUENCE_GAPS, MetricNames.TAG_STREAM, stream)).isEqualTo(1);
        assertThat(counter(MetricNames.MISSING_EVENTS, MetricNames.TAG_STREAM, stream)).isEqualTo(SKIPPED);
        assertThat(gapsClosed(stream, "backfilled")).isEqualTo(1);

        // the skipped events, as the market generated them: exactly the gap's ids went to nobody, their
        // neighbours went to the app
        List<HistoryEvent> history = simulator.history().events(stream);
        List<Long> sentToNobody = history.stream().filter(e -> e.receivers() == 0)
                .filter(e -> e.firstId() >= detected.getFirstMissingId() - 1 && e.firstId() <= detected.getLastMissingId() + 1)
                .map(HistoryEvent::firstId).toList();
        assertThat(sentToNobody).containsExactlyElementsOf(range(detected.getFirstMissingId(), detected.getLastMissingId()));

        Map<String, List<Long>> backfilled = new HashMap<>();
        List<Long> ids = idsInTopicOrder(topicType, backfilled).get(symbol);
        assertThat(backfilled.get(symbol)).as("backfilled ids").containsExactlyElementsOf(
                range(detected.getFirstMissingId(), detected.getLastMissingId()));
        assertThat(ids).as("every id once, in order, on " + topic(topicType))
                .containsExactlyElementsOf(range(ids.get(0), ids.get(ids.size() - 1)));
    }

    private static List<Long> range(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }
}
