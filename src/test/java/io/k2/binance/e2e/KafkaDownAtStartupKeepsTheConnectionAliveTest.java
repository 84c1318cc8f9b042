package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.LedgerEntry;
import io.k2.binance.simulator.SimulatorConfig;
import io.k2.binance.testing.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker is down when the app starts and comes up later. Meanwhile: the app runs, readiness is DOWN naming
 * the broker, the one connection to the simulator stays alive (the simulator pings every second and closes a
 * connection whose pong is later than {@link #pongTimeoutSeconds()}: a socket paused past that would be closed),
 * frames wait in the queue until it is full, the sockets pause, the pause runs out and frames that do not fit
 * are shed and counted. Once the broker is up, frames are acked again within 30 s. At the end the accounting
 * identity holds exactly, and by the ledger every event is in Kafka once and in order, or was shed (counted as
 * {@code dead_letter_failed{reason="ingest_overflow"}}), nothing else.
 *
 * <p>Why the short run proves what the long one does: the sequence of thresholds is the same, only scaled.
 * Long ({@link KafkaDownAtStartupSoakTest}, 90 s): queue 10,000 full after 20 s at 500/s, 10 s pause, shedding
 * for the remaining 60 s, all below Binance's 60 s pong timeout. Short (20 s): queue 1,000 full after 2 s, 2 s
 * pause (k2.ingest.max-pause-seconds), shedding for 16 s, with the simulator's pong timeout at 4 s: the outage
 * is five pong timeouts long and the pause half of one, as 90 s is 1.5 and 10 s a sixth of Binance's.
 */
class KafkaDownAtStartupKeepsTheConnectionAliveTest extends KafkaFaultTestSupport {

    private static final int RATE = 500;

    @RegisterExtension
    static KafkaBrokerExtension kafka = KafkaBrokerExtension.dedicated();

    @BeforeAll
    static void brokerDown() {
        kafka.stop();
    }

    @AfterAll
    static void leaveBrokerRunning() {
        if (!kafka.isRunning()) {
            kafka.restart(); // the extension stops it and deletes its data after the class
        }
    }

    protected int outageSeconds() { return 20; }
    protected int maxPauseSeconds() { return 2; }
    protected int pongTimeoutSeconds() { return 4; }
    protected int pingIntervalSeconds() { return 1; }
    protected int queueCapacity() { return 1_000; }

    @Override protected String topicPrefix() { return "down-at-start"; }
    @Override protected KafkaBrokerExtension kafka() { return kafka; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }
    @Override protected String streams() { return "trade,bookTicker,depth@100ms"; }

    /** Started on first use, with this variant's heartbeat. */
    @Override
    protected BinanceSimulator simulator() {
        if (simulator == null) {
            simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                    .streams(List.of("trade", "bookTicker", "depth@100ms")).ratePerSecond(RATE).seed(53)
                    .pingInterval(Duration.ofSeconds(pingIntervalSeconds()))
                    .pongTimeout(Duration.ofSeconds(pongTimeoutSeconds())).build());
        }
        return simulator;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = super.useOverridePropertiesWithPropertiesComponent();
        p.setProperty("k2.ingest.max-pause-seconds", Integer.toString(maxPauseSeconds()));
        p.setProperty("k2.ingest.queue-capacity", Integer.toString(queueCapacity()));
        return p;
    }

    @Test
    void brokerDownAtStartThenUp() {
        BinanceSimulator sim = simulator();
        await().atMost(Duration.ofSeconds(30)).until(() -> sim.connectionCount() == 1);
        long connectedAt = System.nanoTime();

        // readiness is DOWN and names the broker
        String[] body = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var r = observe("/observe/health/ready");
            body[0] = r.body();
            return r.statusCode() == 503 && "DOWN".equals(check(r.body(), "kafka-broker").path("status").asText());
        });
        assertThat(check(body[0], "kafka-broker").path("message").asText()).contains(kafka.bootstrapServers());

        // the queue fills, the pause runs out, frames are shed: the thresholds the long outage crosses
        await().atMost(Duration.ofSeconds(outageSeconds())).pollInterval(Duration.ofMillis(200))
                .until(() -> counterSum("ingest_overflow") > 0);
        assertThat(metrics().total(MetricNames.BACKPRESSURE_PAUSES)).isPositive();
        // the rest of the outage: the connection stays, the simulator closes nothing, nothing is acked
        long left = Math.max(1, Duration.ofSeconds(outageSeconds()).toMillis() - (System.nanoTime() - connectedAt) / 1_000_000);
        await().during(Duration.ofMillis(left)).atMost(Duration.ofMillis(left + 5_000)).pollInterval(Duration.ofMillis(200))
                .until(() -> sim.connectionCount() == 1 && sim.closedConnections().isEmpty()
                        && metrics().total(MetricNames.RECORDS_ACKED) == 0);

        kafka.restart();
        // recovery bound: acked again within 30 s of the broker answering (the metadata warmer retries every second)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> metrics().total(MetricNames.RECORDS_ACKED) > 0);
        double ackedAfterUp = metrics().total(MetricNames.RECORDS_ACKED);
        // and new frames flow (not only the backlog): three seconds' worth more
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> metrics().total(MetricNames.RECORDS_ACKED) >= ackedAfterUp + queueCapacity() + 3L * RATE);

        sim.stallData(true); // the ledger is complete once this returns
        long written = sim.ledger().count();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> dataFramesReceived() == written && allAccountedFor());

        double shed = counterSum("ingest_overflow");
        assertThat(metrics().total(MetricNames.DEAD_LETTER_FAILED)).as("only shed frames failed; " + accounting(metrics()))
                .isEqualTo(shed).isPositive();
        assertThat(metrics().total(MetricNames.DEAD_LETTERED)).as(accounting(metrics())).isZero();

        List<LedgerEntry> ledger = sim.ledger().entries();
        Map<String, List<String>> sent = sentPerStream(ledger);
        List<ConsumerRecord<byte[], byte[]>> records = consumeData(kafka, this::topic,
                Map.of("trade", 1, "bookticker", 1, "depth", 1), Duration.ofSeconds(60));
        Map<String, List<String>> missing = assertInOrderNoRepeats(sent, inKafkaPerStream(records));
        long missingCount = missing.values().stream().mapToLong(List::size).sum();
        assertThat(missingCount).as("events not in Kafka are exactly the shed ones").isEqualTo((long) shed);
        assertThat(records.size()).isEqualTo((long) metrics().total(MetricNames.RECORDS_ACKED));

        // the connection lived throughout: one connection carried everything, no close, no reconnect
        assertThat(ledger.stream().map(LedgerEntry::connectionId).distinct().toList()).hasSize(1);
        assertThat(sim.closedConnections()).isEmpty();
        assertThat(metrics().total(MetricNames.RECONNECTS)).isZero();
    }

    private double counterSum(String reason) {
        return metrics().registry().find(MetricNames.DEAD_LETTER_FAILED).tag("reason", reason).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
