package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole app against a {@code wss://} exchange whose certificate no CA of the JVM trust store vouches for
 * (the simulator's self-signed one) and no {@code k2.binance.ca-bundle}: the handshake is refused, nothing is
 * read (no frame received, no record), and readiness is DOWN with the TLS reason. The component tests
 * ({@code BinanceConsumerTlsTest}) cover the accepted CA bundle and the hostname mismatch.
 */
class UntrustedCertificateIsRefusedTest extends FaultTestSupport {

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt")).tls(true)
                .ratePerSecond(100).seed(101).build());
    }

    @Override protected String topicPrefix() { return "fault-tls-untrusted"; }
    @Override protected String symbols() { return "btcusdt"; }
    @Override protected String streams() { return "trade"; }

    @Test
    void refusedWithATlsReasonAndNothingRead() {
        await().atMost(Duration.ofSeconds(30)).until(() -> reconnects("connect_failed") >= 3);
        var r = observe("/observe/health/ready?data=true");
        assertThat(r.statusCode()).isEqualTo(503);
        JsonNode exchange = check(parse(r.body()), "binance-connection");
        assertThat(exchange.path("message").asText()).contains("has no open connection to the exchange")
                .contains("SSL").contains("unable to find valid certification path");
        assertThat(metrics().total(MetricNames.EVENTS_RECEIVED)).as("frames read").isZero();
        assertThat(simulator.connectionCount()).as("connections the simulator holds").isZero();
        assertThat(simulator.ledger().count()).as("frames the simulator wrote").isZero();
    }
}
