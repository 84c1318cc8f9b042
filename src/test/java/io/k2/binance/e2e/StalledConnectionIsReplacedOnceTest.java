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
 * The server stops sending data on the one connection while it still answers pings (a dead subscription:
 * the connection-level watchdog sees a healthy socket). The stream-stale rule (3 s here) notices, replaces
 * the connection once, make-before-break, and data flows again on the new one, without waiting out the
 * rotation's catch-up timeout for streams the old connection no longer carries. Missing from Kafka: exactly
 * what the stalled connection never got before the new one delivered.
 */
class StalledConnectionIsReplacedOnceTest extends FaultTestSupport {

    /** Stale after 3 s, checked every 1 s, 1 s minimum overlap, a loopback connect: 7 s is room for a busy box. */
    private static final Duration REPLACE_BOUND = Duration.ofSeconds(7);

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(600).seed(61).build());
    }

    @Override protected String topicPrefix() { return "fault-stall-connection"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }

    @Override
    protected void settings(Properties p) {
        p.setProperty("k2.binance.stream-stale-seconds", "3");
        // the catch-up timeout must not be what ends the rotation: longer than the bound
        p.setProperty("k2.binance.rotation-catch-up-timeout-seconds", "20");
    }

    @Test
    void staleRuleReplacesTheStalledConnectionOnce() {
        awaitAllStreamsDeliver(Duration.ofSeconds(30));
        String stalled = awaitConnections(1, Duration.ofSeconds(5)).get(0);

        simulator.stallData(stalled, true);
        await().atMost(REPLACE_BOUND).pollInterval(Duration.ofMillis(20))
                .until(() -> rotations("stream_stale") == 1 && !simulator.connectionIds().contains(stalled));
        awaitMoreAcked(500, Duration.ofSeconds(10));
        // before settle(): stopping the whole market for it starts a new silent spell, with a replacement of its own
        assertThat(rotations()).as("rotations in all: once per silent spell").isEqualTo(1);
        assertThat(reconnects()).as("reconnects").isZero();
        assertThat(metrics().total(MetricNames.ROTATION_CATCH_UP_TIMEOUTS)).as("catch-up timeouts").isZero();
        assertThat(group().staleStreams()).as("stale streams once the new connection delivers").isEmpty();
        settle();

        Delivery d = delivery();
        d.assertMissingExactlySentToNobody(List.of());
        assertThat(d.sentToNobody()).as("events the stalled connection never got (the fault did bite)").isNotEmpty();
        assertThat(d.outages()).hasSize(1);
        assertThat(d.outages().get(0)[1] - d.outages().get(0)[0]).as("outage, ms").isLessThan(REPLACE_BOUND.toMillis());
    }
}
