package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exchange re-sends old ids (a trade and a depth diff already delivered): each copy is dropped and counted
 * as a duplicate, no gap is reported for it, and Kafka holds every event of the run once.
 */
class ResentOldIdsAreDroppedAsDuplicatesTest extends GapTestSupport {

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt")).ratePerSecond(300)
                .seed(113).build());
    }

    @Override protected String topicPrefix() { return "gap-dup"; }
    @Override protected String symbols() { return "btcusdt"; }
    @Override protected String streams() { return "trade,aggTrade,depth@100ms"; }

    @Test
    void aResentOldIdIsADuplicateNotAGap() {
        awaitAllStreamsDeliver(Duration.ofSeconds(30));
        awaitMoreAcked(100, Duration.ofSeconds(10));
        simulator.resendOldEvent("btcusdt@trade", 5, null);
        simulator.resendOldEvent("btcusdt@aggTrade", 2, null);
        simulator.resendOldEvent("btcusdt@depth@100ms", 3, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics().total(MetricNames.DUPLICATES) == 3);
        settle();

        assertThat(counter(MetricNames.DUPLICATES, MetricNames.TAG_STREAM, "btcusdt@trade")).isEqualTo(1);
        assertThat(counter(MetricNames.DUPLICATES, MetricNames.TAG_STREAM, "btcusdt@aggTrade")).isEqualTo(1);
        assertThat(counter(MetricNames.DUPLICATES, MetricNames.TAG_STREAM, "btcusdt@depth@100ms")).isEqualTo(1);
        // settle() waited until every frame read had its outcome; a gap record is offered with the frame after
        // the hole, so one would be counted by now
        assertThat(metrics().total(MetricNames.SEQUENCE_GAPS)).as("gaps").isZero();
        assertThat(metrics().total(MetricNames.GAP_RECORDS)).as("gap records").isZero();
        delivery().assertEveryEventOnce();
    }
}
