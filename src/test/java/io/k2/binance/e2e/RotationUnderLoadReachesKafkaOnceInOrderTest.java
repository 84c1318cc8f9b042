package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.LedgerEntry;
import io.k2.binance.simulator.SimulatorConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Five make-before-break rotations in a row at 5,000 events/s, end to end through the real app into the
 * (shared) broker: by the simulator's ledger every event is in Kafka exactly once, each stream's records in
 * their partition follow the ledger's order, at least five rotations are counted (none a reconnect), and
 * readiness never leaves 200 while it happens.
 *
 * <p>Bound: five rotations of a 3 s lifetime, checked every second, with their 1 s minimum overlap, take about
 * 5 x (3 + 1 + 1) s = 25 s; 90 s allows for a loaded 2-core box. The component test
 * (component/RotationDeliversEachEventOnceTest) proves the same hand-over without Kafka; this one adds the
 * producer, the partitioning by symbol and the idempotent writes, which is where an order or a duplicate could
 * still come in.
 */
class RotationUnderLoadReachesKafkaOnceInOrderTest extends KafkaFaultTestSupport {

    private static final int RATE = 5_000;
    private static final int ROTATIONS = 5;

    @BeforeAll
    static void startSimulator() {
        // the market's five kinds for two symbols: exactly what the app subscribes to, so it receives the whole rate
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(RATE).seed(23).build());
    }

    @Override protected String topicPrefix() { return "rotation-load"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }
    @Override protected String streams() { return "trade,aggTrade,bookTicker,depth@100ms,kline_1m"; }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = super.useOverridePropertiesWithPropertiesComponent();
        p.setProperty("k2.binance.connection-max-lifetime-test-seconds", "3");
        p.setProperty("k2.binance.rotation-check-interval-seconds", "1");
        return p;
    }

    @Test
    void fiveRotationsAt5000PerSecondPutEveryEventInKafkaOnceInOrder() {
        await().atMost(Duration.ofSeconds(30)).until(() -> observe("/observe/health/ready").statusCode() == 200);
        double rotationsBefore = metrics().total(MetricNames.ROTATIONS);
        Map<String, List<String>> sent;
        try (ReadinessWatch readiness = new ReadinessWatch()) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> metrics().total(MetricNames.ROTATIONS) - rotationsBefore >= ROTATIONS);
            // returns once the simulator's loop has applied it: from here on the ledger is complete
            simulator.stallData(true);
            sent = sentPerStream(simulator.ledger().entries());
            int distinct = sent.values().stream().mapToInt(List::size).sum();
            // every distinct event received once (the old socket's overlap copies are counted as duplicates,
            // and what the simulator wrote to an old socket after it stopped reading is carried by the new one)
            // and settled
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> dataFramesReceived() - metrics().total(MetricNames.DUPLICATES) == distinct
                            && allAccountedFor());
            assertThat(readiness.answers()).as("readiness was sampled throughout").isGreaterThan(50);
            assertThat(readiness.notReadyAnswers()).as("readiness during five rotations").isEmpty();
        }

        assertThat(sent).hasSize(10);
        List<ConsumerRecord<byte[], byte[]>> records = consumeData(kafka(), this::topic, countPerType(sent),
                Duration.ofSeconds(60));
        assertExactlyOnceInOrder(sent, inKafkaPerStream(records));

        assertThat(metrics().total(MetricNames.DEAD_LETTERED)).as(accounting(metrics())).isZero();
        assertThat(metrics().total(MetricNames.DEAD_LETTER_FAILED)).as(accounting(metrics())).isZero();
        assertThat(metrics().total(MetricNames.RECORDS_ACKED)).isEqualTo(records.size());
        assertThat(metrics().total(MetricNames.DUPLICATES)).as("each overlap carried copies, dropped and counted")
                .isPositive();
        assertThat(simulator.ledger().entries().stream().map(LedgerEntry::connectionId).distinct().count())
                .as("connections that carried data").isGreaterThanOrEqualTo(ROTATIONS + 1);
        assertThat(metrics().total(MetricNames.RECONNECTS)).as("rotations are not reconnects").isZero();
        assertThat(metrics().total(MetricNames.ROTATION_CATCH_UP_TIMEOUTS)).isZero();
        assertThat(closedBySimulator()).as("connections the simulator closed").isEmpty();
    }
}
