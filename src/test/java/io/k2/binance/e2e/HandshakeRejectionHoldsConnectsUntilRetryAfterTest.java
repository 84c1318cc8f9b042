package io.k2.binance.e2e;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.BinanceSimulator.Handshake;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exchange refuses a reconnect's handshake with HTTP 429 (too many requests) and {@code Retry-After: 3},
 * later with 418 (IP banned) and {@code Retry-After: 2}. The app makes no connection attempt at all before the
 * Retry-After has passed (by the simulator's handshake times), counts {@code binance_reconnects_total{reason=
 * "http_429"}} / {@code "http_418"} and the held attempt ({@code k2_binance_connect_attempts_delayed_total}),
 * shows the hold in readiness ({@code connectsHeldUntil}), and connects right after it. What is missing is what
 * was generated while no connection was open.
 */
class HandshakeRejectionHoldsConnectsUntilRetryAfterTest extends FaultTestSupport {

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(400).seed(91).build());
    }

    @Override protected String topicPrefix() { return "fault-http-429"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }

    @Test
    void noAttemptBeforeRetryAfterThenConnects() {
        awaitAllStreamsDeliver(Duration.ofSeconds(30));
        Set<String> dropped = new LinkedHashSet<>();
        dropped.add(rejectOnceAndReconnect(429, Duration.ofSeconds(3)));
        dropped.add(rejectOnceAndReconnect(418, Duration.ofSeconds(2)));
        assertThat(counter(MetricNames.CONNECT_ATTEMPTS_DELAYED)).as("attempts held back by the two holds")
                .isGreaterThanOrEqualTo(2);
        awaitMoreAcked(300, Duration.ofSeconds(10));
        settle();

        Delivery d = delivery();
        Set<String> lost = new LinkedHashSet<>();
        dropped.forEach(id -> lost.addAll(d.lostInFlightOn(id)));
        d.assertMissingExactlySentToNobody(lost);
        assertThat(d.outages()).as("one outage per refused reconnect").hasSize(2);
    }

    /** Drops the connection; its reconnect is refused with this status; returns the dropped connection's id. */
    private String rejectOnceAndReconnect(int status, Duration retryAfter) {
        String id = awaitConnections(1, Duration.ofSeconds(10)).get(0);
        int before = simulator.handshakes().size();
        simulator.rejectHandshakes(1, status, retryAfter);
        simulator.dropConnectionAbruptly(id);

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> reconnects("http_" + status) == 1);
        // the hold shows in readiness (DOWN: no connection) with until when
        JsonNode ready = parse(observe("/observe/health/ready?data=true").body());
        assertThat(check(ready, "binance-connection").path("data").path("binance.binance-ingest.connectsHeldUntil").asText())
                .as("readiness detail connectsHeldUntil during the " + status + " hold").isNotBlank();
        // connects once the hold is over: Retry-After plus the reconnect backoff (at most 1 s) and slack
        await().atMost(retryAfter.plusSeconds(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> simulator.connectionIds().size() == 1 && !simulator.connectionIds().contains(id));

        List<Handshake> after = simulator.handshakes().subList(before, simulator.handshakes().size());
        LOG.info("handshakes after dropping {}: {}", id, after);
        assertThat(after).as("handshakes after the drop").hasSizeGreaterThanOrEqualTo(2);
        assertThat(after.get(0).status()).isEqualTo(status);
        assertThat(after.subList(1, after.size())).as("every later handshake").allMatch(h -> h.status() == 101)
                .allMatch(h -> !h.at().isBefore(after.get(0).at().plus(retryAfter)),
                        "not before Retry-After " + retryAfter + " after the " + status + " at " + after.get(0).at());
        return id;
    }
}
