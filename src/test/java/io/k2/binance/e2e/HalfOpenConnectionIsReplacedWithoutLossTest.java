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
 * Half-open: the server stops answering our pings on one connection while its data keeps flowing. With a ping
 * every second and a 2 s pong deadline the app sees the pong timeout (counted once), replaces the connection
 * make-before-break while data still flows on the old one, and loses nothing: every event once in Kafka.
 */
class HalfOpenConnectionIsReplacedWithoutLossTest extends FaultTestSupport {

    /** Ping every 1 s, pong due 2 s later, a new connection on loopback: 5 s is room for a busy box. */
    private static final Duration REPLACE_BOUND = Duration.ofSeconds(5);

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(600).seed(41).build());
    }

    @Override protected String topicPrefix() { return "fault-half-open"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }

    @Override
    protected void settings(Properties p) {
        p.setProperty("k2.binance.ping-interval-seconds", "1");
        p.setProperty("k2.binance.ping-timeout-seconds", "2");
        p.setProperty("k2.binance.health-check-timeout", "10");
    }

    @Test
    void missedPongReplacesTheConnectionWithoutLoss() {
        awaitAllStreamsDeliver(Duration.ofSeconds(30));
        String halfOpen = awaitConnections(1, Duration.ofSeconds(5)).get(0);

        simulator.swallowPings(halfOpen, true);
        await().atMost(REPLACE_BOUND).pollInterval(Duration.ofMillis(20))
                .until(() -> rotations("pong_timeout") == 1 && !simulator.connectionIds().contains(halfOpen));
        awaitMoreAcked(500, Duration.ofSeconds(10));
        settle();

        assertThat(metrics().total(MetricNames.PONG_TIMEOUTS)).as("pong timeouts").isEqualTo(1);
        assertThat(rotations()).as("rotations in all").isEqualTo(1);
        assertThat(reconnects()).as("reconnects").isZero();
        Delivery d = delivery();
        assertThat(d.sentTo(halfOpen)).as("the half-open connection delivered").isNotEmpty();
        d.assertEveryEventOnce();
    }
}
