package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.LedgerEntry;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exchange closes every connection at its lifetime limit (here 6 s) and announces it with
 * {@code serverShutdown} 3 s before (as Binance does before its 24 h cut-off): the app rotates on the notice,
 * make-before-break, before the close comes. Over three such rotations every event the market generated
 * reaches Kafka exactly once (by the ledger and the history), each rotation is counted as
 * {@code server_shutdown}, none is an unplanned reconnect, and readiness never leaves UP: a planned rotation
 * must not flap readiness.
 */
class ServerShutdownAtLifetimeRotatesWithoutLossTest extends FaultTestSupport {

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(400).seed(11)
                .connectionLifetime(Duration.ofSeconds(6)).shutdownNotice(Duration.ofSeconds(3)).build());
    }

    @Override protected String topicPrefix() { return "fault-lifetime-notice"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }

    @Test
    void rotatesOnTheNoticeWithEveryEventOnceAndReadinessUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> observe("/observe/health/ready").statusCode() == 200);
        ReadinessWatch readiness = watchReadiness();
        awaitAllStreamsDeliver(Duration.ofSeconds(10));

        // a notice every 3 s of a connection's life: three rotations within ~12 s; 25 s leaves room for a slow box
        await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(100))
                .until(() -> rotations("server_shutdown") >= 3);
        settle();
        readiness.close();

        assertThat(reconnects()).as("reconnects: every rotation finished before the exchange's close").isZero();
        assertThat(metrics().total(MetricNames.ROTATION_CATCH_UP_TIMEOUTS)).as("rotations that timed out").isZero();
        assertThat(rotations()).as("rotations all for the notice").isEqualTo(rotations("server_shutdown"));
        assertThat(simulator.ledger().entries().stream().map(LedgerEntry::connectionId).distinct().count())
                .as("connections that carried data").isGreaterThanOrEqualTo(4);
        assertThat(metrics().total(MetricNames.DUPLICATES)).as("the overlaps carried copies, dropped by the dedup")
                .isPositive();

        assertThat(readiness.samples()).as("readiness samples").hasSizeGreaterThan(50);
        assertThat(readiness.notReady()).as("readiness answers other than 200 during the rotations").isEmpty();

        Delivery d = delivery();
        d.assertEveryEventOnce();
        assertThat(d.sentToNobody()).as("events no connection was written").isEmpty();
    }
}
