package io.k2.binance.config;

import java.io.IOException;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Producer settings that Kafka itself would refuse when the producer is built are refused at start-up,
 * naming every key and env var involved; and the boundary is Kafka's own (checked against a real
 * KafkaProducer constructor, which needs no broker).
 */
class ProducerSettingsConstraintsTest {

    private static K2Settings settings(String... keyValues) throws IOException {
        Properties p = K2SettingsTest.shipped();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return K2Settings.of(p);
    }

    /** Whether Kafka builds a producer with these timeouts (no broker needed: the constructor does not connect). */
    private static boolean kafkaAccepts(int deliveryTimeout, int lingerMs, int requestTimeout) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
        p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        try (KafkaProducer<byte[], byte[]> ignored = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            return true;
        } catch (KafkaException e) {
            return false;
        }
    }

    @Test
    void deliveryTimeoutBelowLingerPlusRequestTimeoutIsRefusedAsKafkaWould() throws IOException {
        assertThat(kafkaAccepts(30_000, 5, 30_000)).as("Kafka's own rule").isFalse();
        assertThatThrownBy(() -> settings("k2.kafka.delivery-timeout-ms", "30000", "k2.kafka.linger-ms", "5",
                "k2.kafka.request-timeout-ms", "30000").validate())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("k2.kafka.delivery-timeout-ms (env K2_KAFKA_DELIVERY_TIMEOUT_MS) = '30000'")
                .hasMessageContaining("k2.kafka.linger-ms (env K2_KAFKA_LINGER_MS, 5)")
                .hasMessageContaining("k2.kafka.request-timeout-ms (env K2_KAFKA_REQUEST_TIMEOUT_MS, 30000)")
                .hasMessageContaining(">= 30005");

        assertThat(kafkaAccepts(30_005, 5, 30_000)).as("Kafka's own rule").isTrue();
        assertThatCode(() -> settings("k2.kafka.delivery-timeout-ms", "30005", "k2.kafka.linger-ms", "5",
                "k2.kafka.request-timeout-ms", "30000").validate()).doesNotThrowAnyException();
    }

    @Test
    void valuesBeyondWhatTheProducerTakesAreRefused() {
        // Camel's Kafka options for these are Integers, and Kafka's batch.size, delivery and request timeouts ints
        for (String key : new String[] {"k2.kafka.batch-size", "k2.kafka.delivery-timeout-ms",
                "k2.kafka.request-timeout-ms", "k2.kafka.max-block-ms", "k2.kafka.linger-ms"}) {
            assertThatThrownBy(() -> settings(key, "3000000000").validate())
                    .hasMessageContaining(key + " (env " + K2Settings.envName(key) + ") = '3000000000'")
                    .hasMessageContaining("at most 2147483647");
        }
    }

    @Test
    void unknownSecurityProtocolIsRefused() {
        assertThatThrownBy(() -> settings("k2.kafka.security-protocol", "TLS").validate())
                .hasMessageContaining("k2.kafka.security-protocol (env K2_KAFKA_SECURITY_PROTOCOL) = 'TLS'")
                .hasMessageContaining("PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL");
    }

    @Test
    void saslWithoutJaasConfigIsRefused() {
        assertThatThrownBy(() -> settings("k2.kafka.security-protocol", "SASL_SSL",
                "k2.kafka.sasl-mechanism", "SCRAM-SHA-512").validate())
                .hasMessageContaining("k2.kafka.sasl-jaas-config (env K2_KAFKA_SASL_JAAS_CONFIG)")
                .hasMessageContaining("SCRAM-SHA-512");
        assertThatCode(() -> settings("k2.kafka.security-protocol", "SASL_SSL", "k2.kafka.sasl-mechanism",
                "SCRAM-SHA-512", "k2.kafka.sasl-jaas-config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"k2\" password=\"s\";")
                .validate()).doesNotThrowAnyException();
    }
}
