package io.k2.binance.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.k2.binance.kafkalocal.LocalKafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka 4.1.1 broker for tests (see {@link LocalKafkaBroker}), on free loopback ports with a temp data
 * dir that is deleted afterwards. Register it on a <b>static</b> field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static KafkaBrokerExtension kafka = KafkaBrokerExtension.shared();     // one broker for the whole test run
 *
 * @RegisterExtension
 * static KafkaBrokerExtension kafka = KafkaBrokerExtension.dedicated();  // this class's own; stop/kill/restart
 * }</pre>
 *
 * <p>The shared broker starts with the first class that asks for it and stops when the test run ends; since
 * other classes use it too, it refuses {@link #stop()}, {@link #kill()} and {@link #restart()}, and tests
 * should use topic names of their own. A dedicated broker starts before the class's first test and stops after
 * its last.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    private final boolean shared;
    private LocalKafkaBroker broker;
    private String startedBy;

    private KafkaBrokerExtension(boolean shared) {
        this.shared = shared;
    }

    /** The broker shared by all test classes of this JVM. */
    public static KafkaBrokerExtension shared() {
        return new KafkaBrokerExtension(true);
    }

    /** A broker of this test class alone, which its tests may stop, kill and restart. */
    public static KafkaBrokerExtension dedicated() {
        return new KafkaBrokerExtension(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (broker != null) {
            return; // @Nested classes inherit the extension: they use the enclosing class's broker
        }
        if (shared) {
            broker = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(SharedBroker.class, key -> new SharedBroker(), SharedBroker.class).broker;
        } else {
            broker = TempBroker.start("k2-kafka-" + context.getRequiredTestClass().getSimpleName() + "-");
        }
        startedBy = context.getUniqueId();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!shared && broker != null && context.getUniqueId().equals(startedBy)) {
            TempBroker.stopAndDelete(broker);
            broker = null;
        }
    }

    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** Creates a topic (replication factor 1); does nothing if it exists. */
    public void createTopic(String name, int partitions) {
        broker().createTopic(name, partitions);
    }

    /** Graceful stop; the data stays for {@link #restart()}. Dedicated brokers only. */
    public void stop() {
        dedicatedBroker("stop").stop();
    }

    /** SIGKILL, for fault tests; {@link #restart()} brings it back with its data. Dedicated brokers only. */
    public void kill() {
        dedicatedBroker("kill").kill();
    }

    /** Starts it again (stopping it first if running) on the same ports and data. Dedicated brokers only. */
    public void restart() {
        dedicatedBroker("restart").restart();
    }

    public boolean isRunning() {
        return broker().isRunning();
    }

    /** The broker itself, e.g. for its {@link LocalKafkaBroker#serverLog()}. */
    public LocalKafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("no broker: register KafkaBrokerExtension with @RegisterExtension on a "
                    + "static field, so that it starts before the tests");
        }
        return broker;
    }

    /**
     * Reads every committed record of the topic, from the beginning of all its partitions, until at least
     * {@code expectedCount} have arrived and the end of every partition is reached, so surplus records show up
     * too. Fails if fewer than {@code expectedCount} arrive within {@code timeout}.
     */
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, int expectedCount, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (true) {
                long left = deadline - System.nanoTime();
                if (records.size() >= expectedCount && atEnd(consumer, partitions, left)) {
                    return records;
                }
                if (left <= 0) {
                    throw new AssertionError("expected " + expectedCount + " records on topic " + topic + " within "
                            + timeout + ", got " + records.size());
                }
                consumer.poll(Duration.ofNanos(Math.min(left, Duration.ofMillis(200).toNanos())))
                        .forEach(records::add);
            }
        }
    }

    private static boolean atEnd(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, long leftNanos) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions,
                Duration.ofNanos(Math.max(leftNanos, Duration.ofSeconds(1).toNanos())));
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
    }

    private Properties consumerConfig() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // Tests assert on what consumers of the product would see: never records of aborted transactions.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "k2-test-consume-all");
        return props;
    }

    private LocalKafkaBroker dedicatedBroker(String action) {
        if (shared) {
            throw new UnsupportedOperationException("cannot " + action + " the shared broker: other test classes use "
                    + "it; use KafkaBrokerExtension.dedicated() for a broker of your own");
        }
        return broker();
    }

    /** The run-wide broker; JUnit closes it at the end of the run, as it closes everything in the root store. */
    private static final class SharedBroker implements AutoCloseable {

        private final LocalKafkaBroker broker = TempBroker.start("k2-kafka-shared-");

        @Override
        public void close() {
            TempBroker.stopAndDelete(broker);
        }
    }

    /** A broker in a fresh temp dir that goes away with it. */
    private static final class TempBroker {

        static LocalKafkaBroker start(String prefix) {
            Path dir;
            try {
                dir = Files.createTempDirectory(prefix);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalKafkaBroker broker = LocalKafkaBroker.builder()
                    .dataDir(dir)
                    .host("127.0.0.1")
                    .port(0)
                    .controllerPort(0)
                    .heapMb(512)
                    .build();
            broker.start();
            return broker;
        }

        static void stopAndDelete(LocalKafkaBroker broker) {
            broker.stop();
            try (Stream<Path> paths = Files.walk(broker.dataDir())) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
