package io.k2.binance.component;

import io.k2.binance.connection.ConnectionState;
import io.k2.binance.connection.GroupStatus;
import io.k2.binance.connection.ShardStatus;

import java.time.Duration;
import java.util.List;

import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TLS against a simulator with a self-signed certificate: refused by default (JVM trust store), accepted
 * with the certificate as a CA bundle, and accepted with verification off (which the status flags).
 */
class BinanceConsumerTlsTest extends BinanceConsumerTestSupport {

    static BinanceSimulator sim;

    @BeforeAll
    static void start() {
        // on every interface, so that 127.0.0.2 (loopback, but not in the certificate's SAN) reaches it too
        sim = BinanceSimulator.start(SimulatorConfig.builder().host("0.0.0.0").symbols(List.of("btcusdt")).tls(true)
                .ratePerSecond(100).seed(4).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Override
    protected String binanceUri() {
        return "unused";
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String options = "binance:spot?symbols=btcusdt&streams=trade&reconnectInitialDelay=200&reconnectMaxDelay=400";
        String base = options + "&baseUrl=wss://127.0.0.1:" + sim.port();
        // the right CA, but a name the certificate is not for (SAN IP:127.0.0.1, DNS:localhost)
        String wrongHost = options + "&baseUrl=wss://127.0.0.2:" + sim.port() + "&caBundle=" + sim.caCertificatePem();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(base).routeId("default-trust").to("mock:default");
                from(base + "&caBundle=" + sim.caCertificatePem()).routeId("ca-bundle").to("mock:bundle");
                from(base + "&sslVerify=false").routeId("no-verify").to("mock:noverify");
                from(wrongHost).routeId("wrong-host").to("mock:wronghost");
            }
        };
    }

    private GroupStatus statusOf(String route) {
        return component().connectionStatuses().stream().filter(s -> s.route().equals(route)).findFirst().orElseThrow();
    }

    private static ShardStatus shard(GroupStatus g) {
        return g.shards().get(0);
    }

    @Test
    void verifiesCertificatesAndAcceptsAnExtraCaBundle() throws Exception {
        assertThat(sim.wsBaseUrl()).startsWith("wss://");
        getMockEndpoint("mock:bundle").expectedMinimumMessageCount(3);
        getMockEndpoint("mock:noverify").expectedMinimumMessageCount(3);
        getMockEndpoint("mock:default").expectedMessageCount(0);
        getMockEndpoint("mock:wronghost").expectedMessageCount(0);

        await().atMost(Duration.ofSeconds(15)).until(() -> shard(statusOf("ca-bundle")).state() == ConnectionState.OPEN
                && shard(statusOf("no-verify")).state() == ConnectionState.OPEN);
        getMockEndpoint("mock:bundle").assertIsSatisfied();
        getMockEndpoint("mock:noverify").assertIsSatisfied();

        await().atMost(Duration.ofSeconds(10)).until(() -> shard(statusOf("default-trust")).failures() >= 1);
        ShardStatus refused = shard(statusOf("default-trust"));
        assertThat(refused.state()).isNotEqualTo(ConnectionState.OPEN);
        assertThat(refused.lastError()).contains("SSL").contains("unable to find valid certification path");
        getMockEndpoint("mock:default").assertIsSatisfied();

        // a hostname mismatch is refused although the CA is trusted
        await().atMost(Duration.ofSeconds(10)).until(() -> shard(statusOf("wrong-host")).failures() >= 1);
        ShardStatus mismatch = shard(statusOf("wrong-host"));
        assertThat(mismatch.state()).isNotEqualTo(ConnectionState.OPEN);
        assertThat(mismatch.lastError()).contains("SSL").contains("No subject alternative names matching IP address 127.0.0.2");
        getMockEndpoint("mock:wronghost").assertIsSatisfied();

        assertThat(statusOf("no-verify").tlsVerify()).isFalse();
        assertThat(statusOf("ca-bundle").tlsVerify()).isTrue();
    }
}
