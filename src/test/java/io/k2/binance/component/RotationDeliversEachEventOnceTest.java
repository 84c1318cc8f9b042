package io.k2.binance.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.k2.binance.connection.ShardStatus;
import io.k2.binance.observe.MetricNames;
import io.k2.binance.observe.PipelineMetrics;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.LedgerEntry;
import io.k2.binance.simulator.SimulatorConfig;
import io.k2.binance.testing.EventKey;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Make-before-break: connections rotated every few seconds under load hand over without a missing or a
 * repeated event. Every event the simulator wrote to any of the connections reaches the route exactly once,
 * in per-stream order, and the overlap's copies are counted as duplicates.
 */
class RotationDeliversEachEventOnceTest extends BinanceConsumerTestSupport {

    static BinanceSimulator sim;

    @BeforeAll
    static void start() {
        sim = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(3_000).seed(7).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Override
    protected String binanceUri() {
        return uri(sim, "btcusdt,ethusdt", "trade,aggTrade,bookTicker,depth@100ms,kline_1m",
                "connectionMaxLifetime=2s");
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(binanceUri()).routeId("binance-test").process(received::add);
                // what routes/connection-lifecycle.camel.yaml does, at test speed
                from("timer:rotation-check?period=500").process(e -> component().checkRotations());
            }
        };
    }

    @Test
    void fiveRotationsUnderLoadLoseAndRepeatNothing() {
        await().atMost(Duration.ofSeconds(60)).until(() -> status().rotations() >= 5);
        sim.stallData(true);
        // once the market stalls, everything written is delivered or counted as an overlap duplicate
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == distinctSent().size());

        List<String> got = new ArrayList<>();
        for (Exchange e : received) {
            got.add(EventKey.ofFrame(e.getMessage().getBody(String.class)));
        }
        assertThat(new LinkedHashSet<>(got)).as("no event delivered twice").hasSameSizeAs(got);
        assertThat(got).containsExactlyInAnyOrderElementsOf(distinctSent());
        assertPerStreamOrder(got);

        PipelineMetrics metrics = PipelineMetrics.of(context);
        assertThat(metrics.total(MetricNames.EVENTS_RECEIVED)).as("received = delivered + duplicates")
                .isEqualTo(received.size() + metrics.total(MetricNames.DUPLICATES));
        assertThat(metrics.total(MetricNames.DUPLICATES)).as("each overlap carried copies").isPositive();
        assertThat(sim.ledger().entries().stream().map(LedgerEntry::connectionId).distinct().count())
                .isGreaterThanOrEqualTo(6);
        ShardStatus s = status();
        assertThat(s.reconnects()).as("rotations are not reconnects").isZero();
    }

    /** The ledger's events, each once: during an overlap the simulator writes the same event to both sockets. */
    private static Set<String> distinctSent() {
        Set<String> keys = new LinkedHashSet<>();
        for (LedgerEntry e : sim.ledger().entries()) {
            keys.add(EventKey.of(e.stream(), e.payload()));
        }
        return keys;
    }

    /** Within each stream, delivery follows the order the market produced the events in. */
    private static void assertPerStreamOrder(List<String> got) {
        Map<String, Integer> position = new HashMap<>();
        int i = 0;
        for (String k : distinctSent()) {
            position.put(k, i++);
        }
        Map<String, Integer> lastByStream = new HashMap<>();
        for (String k : got) {
            String stream = k.substring(0, k.indexOf('#'));
            int p = position.get(k);
            Integer before = lastByStream.put(stream, p);
            assertThat(before == null || before < p).as("order of " + k).isTrue();
        }
    }
}
