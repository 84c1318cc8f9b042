package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;

import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exchange closes every connection at its lifetime limit (here 5 s) <b>without</b> a {@code serverShutdown}
 * notice: a plain 1001 close, nothing to rotate on. The app reconnects (counted as {@code close_1001}) within
 * its backoff, and exactly the events the market generated while no connection was open are missing from
 * Kafka, nothing else, and nothing is there twice. (The next issue backfills such gaps; Binance never replays.)
 */
class LifetimeCloseWithoutNoticeReconnectsTest extends FaultTestSupport {

    /** Backoff 0-200 ms for the first failure plus a loopback handshake; 2 s leaves room for a busy box. */
    private static final long RECONNECT_BOUND_MILLIS = 2_000;

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(1_000).seed(12)
                .connectionLifetime(Duration.ofSeconds(5)).shutdownNotice(Duration.ZERO).build());
    }

    @Override protected String topicPrefix() { return "fault-lifetime-no-notice"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }

    @Test
    void reconnectsAndMissesExactlyWhatWasGeneratedWhileClosed() {
        awaitAllStreamsDeliver(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> reconnects("close_1001") >= 2);
        awaitMoreAcked(200, Duration.ofSeconds(5)); // the last reconnect delivers again
        settle();

        assertThat(rotations()).as("nothing announced: no rotation").isZero();
        assertThat(reconnects()).as("every reconnect was for the 1001 close").isEqualTo(reconnects("close_1001"));

        Delivery d = delivery();
        d.assertMissingExactlySentToNobody(List.of());
        assertThat(d.sentToNobody()).as("events generated while no connection was open (the fault did bite)").isNotEmpty();
        List<long[]> outages = d.outages();
        assertThat(outages).as("outages seen by the exchange").hasSizeGreaterThanOrEqualTo(2);
        for (long[] o : outages) {
            assertThat(o[1] - o[0]).as("reconnect time after the 1001 close, ms").isLessThan(RECONNECT_BOUND_MILLIS);
        }
    }
}
