package io.k2.binance.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.k2.binance.avro.AvscDecoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The last trade price per symbol, read back from the trade topic and decoded with the .avsc files: the
 * dev status line shows what actually landed in Kafka, not what the app thinks it sent.
 */
final class LastPrices implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> prices = new TreeMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    LastPrices(String brokers, String topic) {
        thread = new Thread(() -> follow(brokers, topic), "k2-last-prices");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized Map<String, String> snapshot() {
        return new TreeMap<>(prices);
    }

    private synchronized void put(String symbol, String price) {
        prices.put(symbol, price);
    }

    private void follow(String brokers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            AvscDecoder decoder = AvscDecoder.fromClasspath();
            while (running.get()) {
                var partitions = TopicPartitions.of(consumer, List.of(topic), Duration.ofSeconds(5));
                if (!partitions.isEmpty()) {
                    consumer.assign(partitions);
                    break;
                }
            }
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    // the decoder's JSON view renders the decimal exactly, as `bin/k2 tail` shows it
                    JsonNode rec = JSON.readTree(decoder.toJson(decoder.decode(r.value())));
                    put(rec.path("symbol").asText(), rec.path("price").asText("?"));
                }
            }
        } catch (Exception e) {
            put("(error)", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        running.set(false);
    }

}
