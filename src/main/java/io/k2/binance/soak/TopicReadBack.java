package io.k2.binance.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.k2.binance.avro.AvscDecoder;
import io.k2.binance.cli.TopicPartitions;
import io.k2.binance.pipeline.PipelineHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the trade and aggTrade topics from the beginning into an {@link IdLedger}. The id comes from the
 * record's {@code k2.eventId} header (the value's {@code message_id}), so most records are never decoded;
 * one without the header is decoded with the .avsc files. Records are counted and dropped at once: the
 * harness's memory stays that of the ledger's bits.
 */
final class TopicReadBack implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final IdLedger ledger;
    private AvscDecoder decoder;
    private long undecodable;

    TopicReadBack(String brokers, List<String> topics, IdLedger ledger) {
        this.ledger = ledger;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "k2-soak-ledger");
        // only what the idempotent producer committed; the app writes no transactions, but be exact anyway
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(p);
        partitions.addAll(TopicPartitions.of(consumer, topics, Duration.ofSeconds(10)));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** One poll into the ledger; returns the records read. */
    int poll(Duration timeout) {
        int n = 0;
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            n++;
            String id = eventId(r);
            if (id == null || !ledger.recordMessageId(id)) {
                undecodable++;
            }
        }
        return n;
    }

    /** Where each partition ends now. */
    Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions, Duration.ofSeconds(10));
    }

    /** Whether every partition has been read up to {@code end}. */
    boolean reached(Map<TopicPartition, Long> end) {
        return atEnd(end);
    }

    /** Reads until every partition is at the end it has now (call once the app has stopped writing). */
    void readToEnd(Duration timeout) {
        Map<TopicPartition, Long> end = endOffsets();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!atEnd(end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reading the topics back did not reach their end within "
                        + timeout.toSeconds() + " s");
            }
            poll(Duration.ofMillis(500));
        }
    }

    /** Records read that named no trade or aggTrade id (should stay 0 on these topics). */
    long undecodable() {
        return undecodable;
    }

    private boolean atEnd(Map<TopicPartition, Long> end) {
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp) < end.getOrDefault(tp, 0L)) {
                return false;
            }
        }
        return true;
    }

    private String eventId(ConsumerRecord<byte[], byte[]> r) {
        Header h = r.headers().lastHeader(PipelineHeaders.EVENT_ID);
        if (h != null && h.value() != null) {
            return new String(h.value(), StandardCharsets.UTF_8);
        }
        try {
            if (decoder == null) {
                decoder = AvscDecoder.fromClasspath();
            }
            Object id = decoder.decode(r.value()).get("message_id");
            return id == null ? null : id.toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
