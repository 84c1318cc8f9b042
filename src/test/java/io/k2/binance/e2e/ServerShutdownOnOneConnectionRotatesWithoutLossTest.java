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
 * {@code serverShutdown} on one connection of two (two shards, one symbol each): that shard rotates
 * make-before-break and its old connection is closed by the app (1000) before the exchange's own close 3 s
 * after the notice; the other shard's connection is not touched. Every event once in Kafka, by the ledger and
 * the history.
 */
class ServerShutdownOnOneConnectionRotatesWithoutLossTest extends FaultTestSupport {

    private static final Duration NOTICE = Duration.ofSeconds(3);

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(600).seed(21).shutdownNotice(NOTICE).build());
    }

    @Override protected String topicPrefix() { return "fault-shutdown-one"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }

    @Override
    protected void settings(Properties p) {
        p.setProperty("k2.binance.streams-per-connection", "5"); // one symbol's five streams per shard
    }

    @Test
    void theAnnouncedConnectionIsReplacedBeforeItClosesAndTheOtherIsUntouched() {
        awaitAllStreamsDeliver(Duration.ofSeconds(30));
        List<String> ids = awaitConnections(2, Duration.ofSeconds(5));
        String announced = ids.get(0);
        String other = ids.get(1);

        long noticeAt = System.nanoTime();
        simulator.sendServerShutdown(announced);
        // the app closes the old one itself once the new one caught up: before the exchange closes it at NOTICE
        await().atMost(NOTICE).pollInterval(Duration.ofMillis(20))
                .until(() -> !simulator.connectionIds().contains(announced) && simulator.connectionIds().size() == 2);
        long replacedMillis = (System.nanoTime() - noticeAt) / 1_000_000;
        LOG.info("announced connection {} replaced after {} ms", announced, replacedMillis);
        awaitMoreAcked(500, Duration.ofSeconds(10));
        settle();

        assertThat(rotations("server_shutdown")).as("rotations for the notice").isEqualTo(1);
        assertThat(rotations()).as("rotations in all").isEqualTo(1);
        assertThat(reconnects()).as("reconnects: the app closed the old one before the exchange did").isZero();
        assertThat(metrics().total(MetricNames.ROTATION_CATCH_UP_TIMEOUTS)).isZero();
        assertThat(simulator.connectionIds()).as("the other shard's connection is the same as before").contains(other);
        assertThat(shard(0).rotations() + shard(1).rotations()).isEqualTo(1);

        Delivery d = delivery();
        d.assertEveryEventOnce();
        assertThat(d.sentTo(announced)).as("the announced connection delivered").isNotEmpty();
    }
}
