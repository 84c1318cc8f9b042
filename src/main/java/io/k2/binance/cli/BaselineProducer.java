package io.k2.binance.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark's yardstick: a plain KafkaProducer sending the very records the app produced (same keys,
 * same Avro bytes, same serializers, acks=all, idempotence, linger, batch size and compression), as fast
 * as the broker takes them. What the pipeline reaches as a fraction of this is the figure that matters.
 */
final class BaselineProducer {

    record Sample(String topic, String key, byte[] value) {
    }

    private BaselineProducer() {
    }

    /** Reads up to {@code max} records back from {@code topics}. */
    static List<Sample> readBack(String brokers, List<String> topics, int max) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<Sample> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> tps = TopicPartitions.of(c, topics, Duration.ofSeconds(10));
            c.assign(tps);
            c.seekToBeginning(tps);
            int empty = 0;
            while (out.size() < max && empty < 4) {
                var records = c.poll(Duration.ofMillis(500));
                empty = records.isEmpty() ? empty + 1 : 0;
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    out.add(new Sample(r.topic(), r.key() == null ? null : new String(r.key()), r.value()));
                    if (out.size() >= max) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Sends {@code samples} round-robin to {@code topicPrefix + original topic} for {@code duration} and
     * returns the acked records per second.
     */
    static double run(String brokers, List<Sample> samples, String topicPrefix, Duration duration,
                      Properties producerSettings) {
        Properties p = new Properties();
        p.putAll(producerSettings);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start;
        long end;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            // metadata for every target topic first, so topic creation is not in the measured time
            samples.stream().map(Sample::topic).distinct().forEach(t -> producer.partitionsFor(topicPrefix + t));
            start = System.nanoTime();
            long deadline = start + duration.toNanos();
            int i = 0;
            while (System.nanoTime() < deadline) {
                Sample s = samples.get(i++ % samples.size());
                producer.send(new ProducerRecord<>(topicPrefix + s.topic(), s.key(), s.value()), (md, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
            end = System.nanoTime();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " baseline records failed");
        }
        return acked.get() / ((end - start) / 1e9);
    }
}
