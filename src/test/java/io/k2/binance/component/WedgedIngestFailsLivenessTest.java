package io.k2.binance.component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.k2.binance.health.IngestLivenessCheck;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Liveness goes DOWN when a hand-over to the route never returns (a wedged app, which a restart cures), and
 * comes back UP once it returns; while it merely runs, liveness stays UP.
 */
class WedgedIngestFailsLivenessTest extends BinanceConsumerTestSupport {

    static BinanceSimulator sim;
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);

    @BeforeAll
    static void start() {
        sim = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt")).streams(List.of("trade"))
                .ratePerSecond(50).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void unblock() {
        release.countDown();
    }

    @Override
    protected String binanceUri() {
        return uri(sim, "btcusdt", "trade", "wedgedAfter=2s");
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(binanceUri()).routeId("binance-test").process(e -> {
                    entered.countDown();
                    release.await(); // a route step that never returns until the test lets it
                });
            }
        };
    }

    @Test
    void aHandOverThatNeverReturnsIsWedged() throws Exception {
        IngestLivenessCheck check = new IngestLivenessCheck();
        check.setCamelContext(context);
        entered.await();
        assertThat(check.call().getState()).as("just blocked: not wedged yet").isEqualTo(HealthCheck.State.UP);
        await().atMost(Duration.ofSeconds(10)).until(() -> check.call().getState() == HealthCheck.State.DOWN);
        assertThat(check.call().getMessage()).hasValueSatisfying(m -> assertThat(m).contains("has not returned"));
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> check.call().getState() == HealthCheck.State.UP);
    }
}
