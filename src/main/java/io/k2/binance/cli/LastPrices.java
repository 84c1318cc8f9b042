package io.k2.binance.cli;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.k2.binance.avro.AvscDecoder;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The last trade price per symbol, read back from the trade topic and decoded with the .avsc files: the
 * dev status line shows what actually landed in Kafka, not what the app thinks it sent.
 */
final class LastPrices implements AutoCloseable {

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
                var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (partitions != null && !partitions.isEmpty()) {
                    consumer.assign(partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList());
                    break;
                }
            }
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    GenericRecord rec = decoder.decode(r.value());
                    Object price = rec.get("price");
                    put(String.valueOf(rec.get("symbol")), price == null ? "?" : decimalText(rec, price));
                }
            }
        } catch (Exception e) {
            put("(error)", e.getClass().getSimpleName());
        }
    }

    private static String decimalText(GenericRecord rec, Object price) {
        if (price instanceof java.nio.ByteBuffer bb) {
            var schema = rec.getSchema().getField("price").schema();
            int scale = ((org.apache.avro.LogicalTypes.Decimal) schema.getLogicalType()).getScale();
            byte[] b = new byte[bb.remaining()];
            bb.duplicate().get(b);
            return new java.math.BigDecimal(new java.math.BigInteger(b), scale).stripTrailingZeros().toPlainString();
        }
        return price.toString();
    }

    @Override
    public void close() {
        running.set(false);
    }

}
