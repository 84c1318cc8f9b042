package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.LedgerEntry;
import io.k2.binance.simulator.SimulatorConfig;
import io.k2.binance.testing.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The (dedicated) broker restarts while 1,000 events/s stream in: by the ledger every event is in Kafka exactly
 * once and in order (the idempotent producer retries what the restart cut off, and the broker drops the
 * retried batches it had already written), nothing is dead-lettered, and the connection to the simulator is the
 * same one from start to end (no reconnect, no close).
 *
 * <p>Bound: acks resume within 30 s of the broker answering again (the producer reconnects with its backoff of
 * at most 1 s and retries at once; 30 s allows for a loaded box). The restart itself is well below
 * {@code k2.kafka.delivery-timeout-ms} (120 s), so no record may expire: any dead letter is a failure.
 */
class KafkaBrokerRestartLosesAndRepeatsNothingTest extends KafkaFaultTestSupport {

    @RegisterExtension
    static KafkaBrokerExtension kafka = KafkaBrokerExtension.dedicated();

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .streams(List.of("trade", "bookTicker", "depth@100ms")).ratePerSecond(1_000).seed(31).build());
    }

    @Override protected String topicPrefix() { return "broker-restart"; }
    @Override protected KafkaBrokerExtension kafka() { return kafka; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }
    @Override protected String streams() { return "trade,bookTicker,depth@100ms"; }

    @Test
    void aBrokerRestartMidStreamLosesAndRepeatsNothing() {
        await().atMost(Duration.ofSeconds(60)).until(() -> metrics().total(MetricNames.RECORDS_ACKED) >= 2_000);

        kafka.restart();
        double ackedAtRestart = metrics().total(MetricNames.RECORDS_ACKED);
        // recovery: acks again, and beyond what was in flight while the broker was away
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> metrics().total(MetricNames.RECORDS_ACKED) >= ackedAtRestart + 5_000);

        simulator.stallData(true); // the ledger is complete once this returns
        long sentCount = simulator.ledger().count();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> dataFramesReceived() == sentCount && allAccountedFor());

        List<LedgerEntry> ledger = simulator.ledger().entries();
        Map<String, List<String>> sent = sentPerStream(ledger);
        List<ConsumerRecord<byte[], byte[]>> records = consumeData(kafka, this::topic, countPerType(sent),
                Duration.ofSeconds(60));
        assertExactlyOnceInOrder(sent, inKafkaPerStream(records));

        assertThat(metrics().total(MetricNames.RECORDS_ACKED)).as(accounting(metrics())).isEqualTo(records.size());
        assertThat(metrics().total(MetricNames.DEAD_LETTERED)).as(accounting(metrics())).isZero();
        assertThat(metrics().total(MetricNames.DEAD_LETTER_FAILED)).as(accounting(metrics())).isZero();
        assertThat(metrics().total(MetricNames.DUPLICATES)).isZero();
        // the connection never dropped: one connection carried everything, no reconnect, no close by either side
        assertThat(ledger.stream().map(LedgerEntry::connectionId).distinct().toList()).hasSize(1);
        assertThat(simulator.connectionCount()).isEqualTo(1);
        assertThat(simulator.closedConnections()).isEmpty();
        assertThat(metrics().total(MetricNames.RECONNECTS)).isZero();
        assertThat(metrics().total(MetricNames.ROTATIONS)).isZero();
    }
}
