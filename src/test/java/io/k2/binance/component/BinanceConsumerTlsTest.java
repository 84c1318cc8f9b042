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
        sim = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt")).tls(true)
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
        String base = "binance:spot?symbols=btcusdt&streams=trade&baseUrl=" + sim.wsBaseUrl()
                + "&reconnectInitialDelay=200&reconnectMaxDelay=400";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(base).routeId("default-trust").to("mock:default");
                from(base + "&caBundle=" + sim.caCertificatePem()).routeId("ca-bundle").to("mock:bundle");
                from(base + "&sslVerify=false").routeId("no-verify").to("mock:noverify");
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

        await().atMost(Duration.ofSeconds(15)).until(() -> shard(statusOf("ca-bundle")).state() == ConnectionState.OPEN
                && shard(statusOf("no-verify")).state() == ConnectionState.OPEN);
        getMockEndpoint("mock:bundle").assertIsSatisfied();
        getMockEndpoint("mock:noverify").assertIsSatisfied();

        await().atMost(Duration.ofSeconds(10)).until(() -> shard(statusOf("default-trust")).failures() >= 1);
        ShardStatus refused = shard(statusOf("default-trust"));
        assertThat(refused.state()).isNotEqualTo(ConnectionState.OPEN);
        assertThat(refused.lastError()).containsAnyOf("PKIX", "certificate", "SSL");
        getMockEndpoint("mock:default").assertIsSatisfied();

        assertThat(statusOf("no-verify").tlsVerify()).isFalse();
        assertThat(statusOf("ca-bundle").tlsVerify()).isTrue();
    }
}
