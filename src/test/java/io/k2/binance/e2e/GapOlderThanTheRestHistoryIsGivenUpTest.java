package io.k2.binance.e2e;

import java.time.Duration;
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
 * A trade gap the REST history no longer reaches: the simulator keeps only its last 100 trades, and a 429
 * holds the backfill for 3 s, long enough for about 900 more trades. When the app asks again the answer starts
 * past the gap's last id. The gap is GIVEN_UP with reason older_than_rest_history and nothing recovered, never
 * published as BACKFILLED.
 */
class GapOlderThanTheRestHistoryIsGivenUpTest extends GapTestSupport {

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt")).ratePerSecond(300)
                .historySize(100).restWeightWindow(Duration.ofSeconds(2)).seed(127).build());
    }

    @Override
    protected void settings(java.util.Properties p) {
        p.setProperty("k2.rest.weight-window-seconds", "2");
    }

    @Override protected String topicPrefix() { return "gap-gone"; }
    @Override protected String symbols() { return "btcusdt"; }
    @Override protected String streams() { return "trade"; }

    @Test
    void aGapTheRestHistoryNoLongerHoldsIsGivenUp() {
        awaitAllStreamsDeliver(Duration.ofSeconds(30));
        simulator.rejectRest(1, 429, Duration.ofSeconds(3));
        simulator.skipEvents("btcusdt@trade", 5);
        List<GapV1> records = awaitClosedGaps(1, Duration.ofSeconds(20));

        GapV1 closed = closed(records).get(0);
        assertThat(closed.getOutcome()).isEqualTo(GapOutcome.GIVEN_UP);
        assertThat(closed.getReason()).isEqualTo("older_than_rest_history");
        assertThat(closed.getRecovered()).isZero();
        assertThat(simulator.restResponses(429)).isEqualTo(1);
        assertThat(counter(MetricNames.GAPS_GIVEN_UP, MetricNames.TAG_STREAM, "btcusdt@trade", MetricNames.TAG_REASON,
                "older_than_rest_history")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(this::noGapOpen);
    }
}
