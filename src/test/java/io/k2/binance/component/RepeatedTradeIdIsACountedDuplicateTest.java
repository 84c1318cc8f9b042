package io.k2.binance.component;

import java.time.Duration;
import java.util.List;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.observe.PipelineMetrics;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.HistoryEvent;
import io.k2.binance.simulator.SimulatorConfig;
import io.k2.binance.testing.EventKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same trade id twice on one connection (the exchange re-sending an old event) reaches the route once:
 * the sequence tracker drops the copy and counts it, so received = delivered + duplicates still holds, and
 * an old id is not mistaken for a gap.
 */
class RepeatedTradeIdIsACountedDuplicateTest extends BinanceConsumerTestSupport {

    static BinanceSimulator sim;

    @BeforeAll
    static void start() {
        sim = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt")).streams(List.of("trade"))
                .ratePerSecond(200).seed(11).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Override
    protected String binanceUri() {
        return uri(sim, "btcusdt", "trade", "");
    }

    private long deliveredCopies(String key) {
        synchronized (received) {
            return received.stream().filter(e -> EventKey.ofFrame(e.getMessage().getBody(String.class)).equals(key)).count();
        }
    }

    @Test
    void aReSentTradeIsDroppedAndCounted() {
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 50);
        HistoryEvent old = sim.resendOldEvent("btcusdt@trade", 10, null);
        String key = EventKey.of(old.stream(), old.payload());
        PipelineMetrics metrics = PipelineMetrics.of(context);
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics.total(MetricNames.DUPLICATES) == 1);
        assertThat(deliveredCopies(key)).as("the re-sent trade " + key + " reached the route once").isEqualTo(1);
        sim.stallData(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics.total(MetricNames.EVENTS_RECEIVED)
                == received.size() + metrics.total(MetricNames.DUPLICATES));
        assertThat(metrics.total(MetricNames.SEQUENCE_GAPS)).as("gaps after a re-sent old id").isZero();
    }
}
