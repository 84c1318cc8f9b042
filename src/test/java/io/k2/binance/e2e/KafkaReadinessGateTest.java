package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import io.k2.binance.testing.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code kafkaReadiness} bean (the delivery gate) is false while the broker is down at start, true once
 * the broker is up and every producer has the metadata of every data topic and the dead-letter topic, and
 * stays true in a later outage: a bad frame that arrives then is handed to the producer without blocking
 * (its topic's metadata is cached), waits there, and is on the dead-letter topic once the broker is back.
 */
class KafkaReadinessGateTest extends PipelineTestSupport {

    /** Short, so a send that waits for missing metadata fails within the test (the default is 60 s). */
    private static final int MAX_BLOCK_MS = 3_000;

    @RegisterExtension
    static KafkaBrokerExtension kafka = KafkaBrokerExtension.dedicated();

    @BeforeAll
    static void brokerDownAndSimulatorUp() {
        kafka.stop();
        // no generated events: only the frames this test sends
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt")).ratePerSecond(0).build());
    }

    @AfterAll
    static void leaveBrokerRunning() {
        if (!kafka.isRunning()) {
            kafka.restart(); // the extension stops it and deletes its data after the class
        }
    }

    @Override protected String topicPrefix() { return "gate"; }
    @Override protected KafkaBrokerExtension kafka() { return kafka; }
    @Override protected String symbols() { return "btcusdt"; }
    @Override protected String streams() { return "trade"; }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = super.useOverridePropertiesWithPropertiesComponent();
        p.setProperty("k2.kafka.max-block-ms", Integer.toString(MAX_BLOCK_MS));
        return p;
    }

    private BooleanSupplier gate() {
        BooleanSupplier gate = context.getRegistry().lookupByNameAndType("kafkaReadiness", BooleanSupplier.class);
        assertThat(gate).as("bean kafkaReadiness").isNotNull();
        return gate;
    }

    @Test
    void gateOpensOnceMetadataIsThereAndStaysOpenInALaterOutage() throws Exception {
        BooleanSupplier gate = gate();
        await().atMost(Duration.ofSeconds(20)).until(() -> simulator.connectionCount() == 1);

        // broker down since before start: no metadata can arrive. 2 x max.block.ms covers at least one whole
        // failed fetch attempt of every producer, so a gate that opened without metadata would show here
        await().during(Duration.ofMillis(2L * MAX_BLOCK_MS)).atMost(Duration.ofMillis(3L * MAX_BLOCK_MS))
                .until(() -> !gate.getAsBoolean());

        kafka.restart();
        await().atMost(Duration.ofSeconds(60)).until(gate::getAsBoolean);
        // the dead-letter topic's metadata was fetched (auto-creating it on this broker) before any dead letter
        assertThat(topicsOnBroker()).contains(topic("dead-letter"), topic("trade"), topic("kline"));
        assertThat(metrics().total(MetricNames.DEAD_LETTERED)).isZero();

        kafka.stop();
        // longer than max.block.ms: had a producer lost a topic's metadata, its next touch would have failed
        // within that time and closed the gate
        await().during(Duration.ofMillis(MAX_BLOCK_MS + 1_000L)).atMost(Duration.ofMillis(MAX_BLOCK_MS + 3_000L))
                .until(gate::getAsBoolean);

        long now = System.currentTimeMillis();
        simulator.sendRaw("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":" + now
                + ",\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"abc\",\"q\":\"1\",\"T\":" + now + ",\"m\":true}}");
        simulator.sendRaw("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":" + now
                + ",\"s\":\"BTCUSDT\",\"t\":2,\"p\":\"100000.00\",\"q\":\"1\",\"T\":" + now + ",\"m\":true}}");
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics().total(MetricNames.EVENTS_RECEIVED) == 2);
        // the frames are in the producer, not blocked on metadata: nothing failed after max.block.ms
        await().during(Duration.ofMillis(MAX_BLOCK_MS + 1_000L)).atMost(Duration.ofMillis(MAX_BLOCK_MS + 3_000L))
                .until(() -> metrics().total(MetricNames.DEAD_LETTER_FAILED) == 0
                        && metrics().total(MetricNames.DEAD_LETTERED) == 0);

        kafka.restart();
        await().atMost(Duration.ofSeconds(60)).until(() -> metrics().total(MetricNames.DEAD_LETTERED) == 1
                && metrics().total(MetricNames.RECORDS_ACKED) == 1);
        assertThat(counter(MetricNames.DEAD_LETTERED, "stream", "btcusdt@trade", "reason", "non_numeric")).isEqualTo(1);
        assertThat(metrics().total(MetricNames.DEAD_LETTER_FAILED)).isZero();
        assertThat(kafka.consumeAll(topic("dead-letter"), 1, Duration.ofSeconds(30))).hasSize(1);
    }

    private Set<String> topicsOnBroker() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }
}
