package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import io.k2.binance.testing.CapturedLog;
import io.micrometer.core.instrument.Gauge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One stream stops on a connection whose other streams flow (a dead subscription). The stream-stale rule (3 s)
 * notices it: {@code binance_last_message_timestamp_seconds} of the stream stands still while the others advance,
 * the log says so (readiness' {@code staleStreams} is checked by {@link QuietSymbolCostsOneRotationPerSilenceTest}:
 * here the spell ends within milliseconds of the verdict, when the new connection delivers); the connection is
 * replaced once, make-before-break, without waiting out the catch-up timeout for the stream the old connection
 * no longer carries, and the stream flows again. The stalled stream's events of the silent spell are a gap
 * with cause STALL, backfilled over REST; every stream is complete, nothing is twice.
 */
class StalledStreamIsReplacedOnceTest extends GapTestSupport {

    private static final String STALLED = "btcusdt@trade";
    /** Stale after 3 s, checked every 1 s, 1 s minimum overlap, a loopback connect: 7 s is room for a busy box. */
    private static final Duration REPLACE_BOUND = Duration.ofSeconds(7);

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(600).seed(62).build());
    }

    @Override protected String topicPrefix() { return "fault-stall-stream"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }

    @Override
    protected void settings(Properties p) {
        p.setProperty("k2.binance.stream-stale-seconds", "3");
        p.setProperty("k2.binance.rotation-catch-up-timeout-seconds", "20");
    }

    @Test
    void staleStreamIsNoticedAndItsConnectionReplacedOnce() throws Exception {
        awaitAllStreamsDeliver(Duration.ofSeconds(30));
        String stalled = awaitConnections(1, Duration.ofSeconds(5)).get(0);

        Gauge last = metrics().registry().find(MetricNames.LAST_MESSAGE).tag(MetricNames.TAG_STREAM, STALLED).gauge();
        Gauge other = metrics().registry().find(MetricNames.LAST_MESSAGE).tag(MetricNames.TAG_STREAM, "btcusdt@aggTrade").gauge();
        try (CapturedLog log = CapturedLog.withAppLayout()) {
            long stalledAtMillis = System.currentTimeMillis();
            simulator.stallStream(stalled, STALLED, true);
            // samples of the stream's last-message time until the replacement; it must stand still meanwhile
            List<double[]> samples = new java.util.ArrayList<>();
            await().atMost(REPLACE_BOUND).pollInterval(Duration.ofMillis(20)).until(() -> {
                samples.add(new double[] {System.currentTimeMillis(), last.value() * 1000, other.value() * 1000});
                return rotations("stream_stale") == 1 && !simulator.connectionIds().contains(stalled);
            });
            assertThat(samples).as("binance_last_message_timestamp_seconds{stream=" + STALLED + "} stood still for 2.5 s "
                    + "while btcusdt@aggTrade advanced").anyMatch(x -> x[0] >= stalledAtMillis + 2_500
                    && x[1] <= stalledAtMillis + 50 && x[2] >= stalledAtMillis + 2_000);
            await().atMost(Duration.ofSeconds(5)).until(() -> last.value() * 1000 > stalledAtMillis + 3_000);
            assertThat(log.text()).contains("Binance stream " + STALLED + " has been silent for")
                    .contains("Binance stream " + STALLED + " delivers again");
        }
        // before settle(): stopping the whole market for it starts a new silent spell, with a replacement of its own
        assertThat(rotations()).as("rotations in all: once per silent spell").isEqualTo(1);
        awaitMoreAcked(500, Duration.ofSeconds(10));
        settle();

        assertThat(reconnects()).as("reconnects").isZero();
        assertThat(metrics().total(MetricNames.ROTATION_CATCH_UP_TIMEOUTS)).as("catch-up timeouts").isZero();

        Delivery d = delivery();
        d.assertMissingExactlySentToNobody(List.of());
        assertThat(d.missing()).as("missing: nothing, the silent spell was backfilled").isEmpty();
        assertThat(d.backfilled).as("backfilled: the stalled stream's events of the silent spell").isNotEmpty()
                .allMatch(k -> k.startsWith(STALLED + "#"), "of " + STALLED + " only");
        List<io.k2.marketdata.GapV1> gaps = closed(gapRecords());
        assertThat(gaps).extracting(io.k2.marketdata.GapV1::getStream).containsExactly(STALLED);
        assertThat(gaps.get(0).getCause()).isEqualTo(io.k2.marketdata.GapCause.STALL);
        assertThat(gaps.get(0).getOutcome()).isEqualTo(io.k2.marketdata.GapOutcome.BACKFILLED);
    }
}
