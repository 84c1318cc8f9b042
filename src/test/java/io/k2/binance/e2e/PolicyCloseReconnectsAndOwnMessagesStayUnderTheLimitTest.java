package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.k2.binance.component.BinanceComponent;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Binance closes with 1008 "Too many requests" a connection that sends more than 5 messages a second. First the
 * app's own traffic: a ping every second plus a burst of live stream changes (24 SUBSCRIBE/UNSUBSCRIBE frames
 * asked for at once) on one connection; the simulator enforces the 5/s limit and would close with 1008, and no
 * such close happens. Then an injected 1008 close: the app reconnects with its backoff, counts
 * {@code binance_reconnects_total{reason="close_1008"}} (exactly once: the injected one), and what is missing is
 * what was generated while no connection was open.
 */
class PolicyCloseReconnectsAndOwnMessagesStayUnderTheLimitTest extends FaultTestSupport {

    private static final List<String> EXTRA = List.of("bnbusdt", "solusdt", "xrpusdt", "ethbtc", "bnbbtc", "nknusdt");
    /** Backoff 0-200 ms for a first failure plus a loopback handshake: 3 s is room for a busy box. */
    private static final Duration RECONNECT_BOUND = Duration.ofSeconds(3);

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(400).seed(81).build());
    }

    @Override protected String topicPrefix() { return "fault-close-1008"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }

    @Override
    protected void settings(Properties p) {
        p.setProperty("k2.binance.ping-interval-seconds", "1");
    }

    @Test
    void ownTrafficNeverTripsTheLimitAndAn1008IsAReconnect() {
        awaitAllStreamsDeliver(Duration.ofSeconds(30));
        String first = awaitConnections(1, Duration.ofSeconds(5)).get(0);
        BinanceComponent binance = context.getComponent("binance", BinanceComponent.class);

        // 12 changes, each one SUBSCRIBE or UNSUBSCRIBE per added/removed symbol: 12 frames of ours asked for
        // within milliseconds, on top of a ping a second; unbudgeted they would be ~12 messages in one second
        String symbols = symbols();
        for (String extra : EXTRA) {
            binance.updateStreams(symbols + "," + extra, streams());
            binance.updateStreams(symbols, streams());
        }
        // the budget spreads them at most 3 a second (one slot kept for a pong): all answered within ~5 s
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> simulator.connections().get(0).streams().size() == 10
                        && counter(io.k2.binance.observe.MetricNames.CONTROL_FRAMES, "kind", "RESPONSE") >= 2 * EXTRA.size());
        // Negative check: 3 more seconds of pings at 1/s; the limit is per second, so a budget that let a sixth
        // message into any second would have been closed during the burst above already, or here
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertThat(simulator.connectionIds()).as("the connection the burst went over is still open").containsExactly(first);
        assertThat(reconnects()).as("reconnects (a 1008 from the simulator's limit would be one)").isZero();

        long closedAt = System.nanoTime();
        simulator.closeConnection(first, 1008, "Too many requests");
        await().atMost(RECONNECT_BOUND).pollInterval(Duration.ofMillis(10))
                .until(() -> simulator.connectionIds().size() == 1 && !simulator.connectionIds().contains(first));
        LOG.info("reconnected {} ms after the 1008", (System.nanoTime() - closedAt) / 1_000_000);
        awaitMoreAcked(300, Duration.ofSeconds(10));
        settle();

        assertThat(reconnects("close_1008")).as("1008 closes: the injected one only").isEqualTo(1);
        assertThat(reconnects()).as("reconnects in all").isEqualTo(1);
        Delivery d = delivery();
        d.assertMissingExactlySentToNobody(List.of());
        assertThat(d.outages()).hasSize(1);
        assertThat(d.outages().get(0)[1] - d.outages().get(0)[0]).isLessThan(RECONNECT_BOUND.toMillis());
    }
}
