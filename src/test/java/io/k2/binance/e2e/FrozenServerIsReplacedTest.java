package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A frozen server (like SIGSTOP) on the one connection: no data, no pings, our ping unread, the socket open.
 * The silence watchdog ({@code k2.binance.health-check-timeout} 4 s; our probe ping at 2 s is due back 3 s
 * later, after the watchdog) replaces it; readiness is DOWN (state STALE) while the silent connection is
 * the delivering one, UP again once the new one delivers. What is missing from Kafka is exactly what the frozen
 * socket never got before the new connection took over, nothing else, nothing twice.
 */
class FrozenServerIsReplacedTest extends FaultTestSupport {

    /** The 4 s watchdog plus a new connection on loopback: 7 s is room for a busy box. */
    private static final Duration REPLACE_BOUND = Duration.ofSeconds(7);

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(600).seed(51).build());
    }

    @Override protected String topicPrefix() { return "fault-freeze"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }

    @Override
    protected void settings(Properties p) {
        p.setProperty("k2.binance.health-check-timeout", "4");
        p.setProperty("k2.binance.ping-timeout-seconds", "3");
    }

    @Test
    void silentConnectionIsReplacedAndOnlyWhatItNeverGotIsMissing() {
        await().atMost(Duration.ofSeconds(30)).until(() -> observe("/observe/health/ready").statusCode() == 200);
        awaitAllStreamsDeliver(Duration.ofSeconds(10));
        String frozen = awaitConnections(1, Duration.ofSeconds(5)).get(0);
        // fast sampling: the stale spell lasts from the watchdog's verdict until the new connection is open
        ReadinessWatch readiness = watchReadiness(20);

        simulator.freeze(frozen, true);
        await().atMost(REPLACE_BOUND).pollInterval(Duration.ofMillis(20))
                .until(() -> rotations("stale") == 1 && simulator.connectionIds().size() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> observe("/observe/health/ready").statusCode() == 200);
        awaitMoreAcked(500, Duration.ofSeconds(10));
        readiness.close();
        settle();

        assertThat(rotations()).as("rotations in all").isEqualTo(1);
        assertThat(reconnects()).as("reconnects").isZero();

        List<Sample> down = readiness.notReady();
        assertThat(down).as("readiness DOWN while the frozen connection delivered nothing").isNotEmpty();
        JsonNode exchange = check(down.get(0).json(), "binance-connection");
        assertThat(exchange.path("message").asText()).contains("STALE");
        Sample last = readiness.samples().get(readiness.samples().size() - 1);
        assertThat(last.status()).as("readiness after the replacement: " + last.body()).isEqualTo(200);

        Delivery d = delivery();
        d.assertMissingExactlySentToNobody(List.of());
        assertThat(d.sentToNobody()).as("events the frozen socket never got (the fault did bite)").isNotEmpty();
        assertThat(d.outages()).hasSize(1);
        assertThat(d.outages().get(0)[1] - d.outages().get(0)[0]).as("outage, ms").isLessThan(REPLACE_BOUND.toMillis());
    }
}
