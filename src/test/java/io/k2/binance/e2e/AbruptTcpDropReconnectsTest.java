package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The TCP connection goes without a close frame (a network drop: the client sees 1006). The app reconnects
 * within the bound its backoff gives (first failure: 0-200 ms, here at most 5 s with the handshake on a busy
 * box), counts {@code binance_reconnects_total{reason="close_1006"}}, and what is missing from Kafka is exactly
 * what the market generated while no connection was open, plus nothing but the dropped connection's very last
 * frames that were still in the server's buffers when the socket went (lost on the wire, as on a real drop).
 * Nothing twice.
 */
class AbruptTcpDropReconnectsTest extends FaultTestSupport {

    private static final Duration RECONNECT_BOUND = Duration.ofSeconds(5);

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(1_000).seed(31).build());
    }

    /**
     * The first reconnect delay is fully jittered in [0, initial]: with 200 ms it was once short enough that the
     * market generated nothing meanwhile and the check that the fault bit failed. 2 s keeps the outage well
     * inside the bound while making an empty window (a delay under about 1 ms at 1,000 events/s) a 1-in-2000 event.
     */
    @Override
    protected java.util.Properties useOverridePropertiesWithPropertiesComponent() {
        java.util.Properties p = super.useOverridePropertiesWithPropertiesComponent();
        p.setProperty("k2.binance.reconnect-initial-delay-ms", "2000");
        p.setProperty("k2.binance.reconnect-max-delay-ms", "2000");
        return p;
    }

    @Override protected String topicPrefix() { return "fault-drop"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }

    @Test
    void reconnectsWithinTheBoundAndMissesOnlyWhatWasSentWhileDown() {
        awaitAllStreamsDeliver(Duration.ofSeconds(30));
        String dropped = awaitConnections(1, Duration.ofSeconds(5)).get(0);

        long droppedAt = System.nanoTime();
        simulator.dropConnectionAbruptly(dropped);
        await().atMost(RECONNECT_BOUND).pollInterval(Duration.ofMillis(10))
                .until(() -> simulator.connectionIds().stream().anyMatch(id -> !id.equals(dropped)));
        LOG.info("reconnected {} ms after the drop", (System.nanoTime() - droppedAt) / 1_000_000);
        awaitMoreAcked(500, Duration.ofSeconds(10));
        settle();

        assertThat(reconnects("close_1006")).as("reconnects for the drop").isEqualTo(1);
        assertThat(reconnects()).as("reconnects in all").isEqualTo(1);
        assertThat(rotations()).isZero();

        Delivery d = delivery();
        Set<String> lostInFlight = d.lostInFlightOn(dropped);
        LOG.info("frames of {} lost in flight: {}", dropped, lostInFlight);
        d.assertMissingExactlySentToNobody(lostInFlight);
        assertThat(d.sentToNobody()).as("events generated while no connection was open (the fault did bite)").isNotEmpty();
        assertThat(d.outages()).as("outages seen by the exchange").hasSize(1);
        assertThat(d.outages().get(0)[1] - d.outages().get(0)[0]).as("outage, ms").isLessThan(RECONNECT_BOUND.toMillis());
    }
}
