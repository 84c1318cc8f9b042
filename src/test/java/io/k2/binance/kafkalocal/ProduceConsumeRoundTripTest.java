package io.k2.binance.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.k2.binance.testing.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The app's kafka-clients 3.9.1 round-trip records through the Kafka 4.1.1 broker with acks=all + idempotence. */
@Timeout(120)
class ProduceConsumeRoundTripTest {

    @RegisterExtension
    static KafkaBrokerExtension kafka = KafkaBrokerExtension.shared();

    @Test
    void recordsComeBackInOrderWithTheirKeys() throws Exception {
        kafka.createTopic("round-trip", 1);

        TestRecords.produce(kafka.bootstrapServers(), "round-trip", 0, 500);

        List<ConsumerRecord<byte[], byte[]>> records = kafka.consumeAll("round-trip", 500, Duration.ofSeconds(30));
        assertThat(records).hasSize(500);
        assertThat(TestRecords.values(records)).containsExactlyElementsOf(TestRecords.expectedValues(0, 500));
        assertThat(new String(records.get(42).key(), StandardCharsets.UTF_8)).isEqualTo("key-42");
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
    }
}
