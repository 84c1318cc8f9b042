package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A naturally quiet symbol (weight 0: its market never moves, so its streams never deliver) next to a busy one
 * on the same connection. The stream-stale rule (3 s) replaces the connection once for the silent spell and then
 * leaves the quiet market alone: no storm of rotations, and nothing of the busy symbol is lost or repeated.
 */
class QuietSymbolCostsOneRotationPerSilenceTest extends FaultTestSupport {

    private static final int STALE_SECONDS = 3;

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt=0"))
                .ratePerSecond(300).seed(63).build());
    }

    @Override protected String topicPrefix() { return "fault-quiet-symbol"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }

    @Override
    protected void settings(Properties p) {
        p.setProperty("k2.binance.stream-stale-seconds", Integer.toString(STALE_SECONDS));
    }

    @Test
    void oneReplacementPerSilentSpellNeverAStorm() {
        await().atMost(Duration.ofSeconds(30)).until(() -> rotations("stream_stale") >= 1);
        long firstAt = System.nanoTime();
        // Negative check over 4 stale timeouts (12 s) after the first replacement: a rule that replaced the
        // connection on every stale verdict would do it again one stale timeout after each new connection opened
        // (the timeout counts from max(last message, connection open)), i.e. about 3 more times in this window.
        await().pollDelay(Duration.ofSeconds(4L * STALE_SECONDS)).atMost(Duration.ofSeconds(5L * STALE_SECONDS))
                .until(() -> true);
        LOG.info("window of {} ms after the first replacement", (System.nanoTime() - firstAt) / 1_000_000);
        assertThat(rotations("stream_stale")).as("replacements for the quiet symbol's silent spell").isEqualTo(1);
        assertThat(rotations()).as("rotations in all").isEqualTo(1);
        assertThat(reconnects()).as("reconnects").isZero();
        assertThat(group().staleStreams()).as("the quiet streams stay listed as stale")
                .contains("ethusdt@trade", "ethusdt@kline_1m");
        var ready = observe("/observe/health/ready?data=true");
        assertThat(ready.statusCode()).as("a quiet market is no outage: " + ready.body()).isEqualTo(200);
        assertThat(check(parse(ready.body()), "binance-connection").path("data").path("binance.binance-ingest.staleStreams")
                .asText()).as("readiness detail staleStreams").contains("ethusdt@trade", "ethusdt@bookTicker");

        settle();
        assertThat(metrics().total(MetricNames.ROTATION_CATCH_UP_TIMEOUTS)).as("catch-up timeouts").isZero();
        assertThat(simulator.ledger().entries()).as("the quiet symbol sent nothing")
                .noneMatch(e -> e.stream().startsWith("ethusdt@"));
        delivery().assertEveryEventOnce();
    }
}
