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
 * The REST API answers 429, then 418 with a ban longer than the gap's look-back. The app backs off for the
 * 429's Retry-After and sends the request again, takes the 418, raises its ban gauge, sends nothing more while
 * the ban lasts, and publishes the gap as GIVEN_UP with reason rest_banned. A gap found during the ban is given
 * up the same way without a request.
 */
class RestRateLimitThenBanGivesUpWithAReasonTest extends GapTestSupport {

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt")).ratePerSecond(300)
                .restWeightWindow(Duration.ofSeconds(2)).seed(101).build());
    }

    @Override
    protected void settings(java.util.Properties p) {
        p.setProperty("k2.gaps.look-back-seconds", "8");
        p.setProperty("k2.rest.weight-window-seconds", "2");
    }

    @Override protected String topicPrefix() { return "gap-ban"; }
    @Override protected String symbols() { return "btcusdt"; }
    @Override protected String streams() { return "trade"; }

    @Test
    void backsOffOn429AndGivesUpOnABanLongerThanTheLookBack() {
        awaitAllStreamsDeliver(Duration.ofSeconds(30));
        simulator.rejectRest(1, 429, Duration.ofSeconds(1));
        long sentBefore = simulator.restRequests("/api/v3/historicalTrades");
        long askedAt = System.nanoTime();
        simulator.skipEvents("btcusdt@trade", 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.restResponses(429) == 1);
        // the retry meets a ban of 120 s, far past the 8 s look-back
        simulator.rejectRest(1, 418, Duration.ofSeconds(120));
        List<GapV1> records = awaitClosedGaps(1, Duration.ofSeconds(20));
        long tookMillis = (System.nanoTime() - askedAt) / 1_000_000;

        GapV1 closed = closed(records).get(0);
        assertThat(closed.getOutcome()).isEqualTo(GapOutcome.GIVEN_UP);
        assertThat(closed.getReason()).isEqualTo("rest_banned");
        assertThat(simulator.restResponses(418)).isEqualTo(1);
        assertThat(simulator.restRequests("/api/v3/historicalTrades") - sentBefore).as("the first try and its retry")
                .isEqualTo(2);
        assertThat(tookMillis).as("the retry waited out the 429's Retry-After").isGreaterThanOrEqualTo(1_000);
        assertThat(counter(MetricNames.REST_REQUESTS, MetricNames.TAG_ENDPOINT, "historicalTrades", MetricNames.TAG_STATUS,
                "429")).isEqualTo(1);
        assertThat(counter(MetricNames.GAPS_GIVEN_UP, MetricNames.TAG_STREAM, "btcusdt@trade", MetricNames.TAG_REASON,
                "rest_banned")).isEqualTo(1);
        double bannedUntil = metrics().registry().find(MetricNames.REST_BANNED_UNTIL).gauge().value();
        assertThat(bannedUntil).as("the ban gauge alerts").isGreaterThan(System.currentTimeMillis() / 1000.0 + 60);

        // during the ban a new gap is given up at once, and the banned API is not asked
        simulator.skipEvents("btcusdt@trade", 5);
        List<GapV1> after = awaitClosedGaps(2, Duration.ofSeconds(20));
        assertThat(closed(after).get(1).getReason()).isEqualTo("rest_banned");
        assertThat(simulator.restRequests("/api/v3/historicalTrades") - sentBefore).as("nothing sent during the ban")
                .isEqualTo(2);

        // a gap given up at once holds nothing back: the topic stays in id order (less the lost ids)
        awaitMoreAcked(100, Duration.ofSeconds(10));
        settle();
        List<Long> ids = idsInTopicOrder("trade", null).get("BTCUSDT");
        assertThat(ids).as("trade ids on the topic").isSorted().doesNotHaveDuplicates();
        assertThat(counter(MetricNames.GAP_HOLDS_EXPIRED, MetricNames.TAG_STREAM, "btcusdt@trade"))
                .as("holds that ran out").isZero();
    }
}
