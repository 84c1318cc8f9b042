package io.k2.binance.e2e;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.observe.PipelineMetrics;
import io.k2.binance.simulator.ClosedConnection;
import io.k2.binance.simulator.LedgerEntry;
import io.k2.binance.testing.EventKey;
import io.k2.binance.testing.KafkaBrokerExtension;
import io.k2.binance.testing.KafkaRecordKey;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Kafka-side fault tests share: the simulator's ledger compared with what is in Kafka (each event
 * once, per-stream order), the exact accounting identity, readiness watched throughout, and the simulator's
 * record of who closed which connection. (Named apart from the connection-fault tests' FaultTestSupport.)
 */
abstract class KafkaFaultTestSupport extends PipelineTestSupport {

    /** The k2.kafka.topic.* type of each stream kind. */
    static String typeOf(String stream) {
        String kind = stream.substring(stream.indexOf('@') + 1);
        if (kind.equals("trade")) {
            return "trade";
        } else if (kind.equals("aggTrade")) {
            return "aggtrade";
        } else if (kind.equals("bookTicker")) {
            return "bookticker";
        } else if (kind.startsWith("kline_")) {
            return "kline";
        } else if (kind.startsWith("depth")) {
            return "depth";
        }
        throw new IllegalArgumentException("no topic type for " + stream);
    }

    /**
     * Each stream's distinct events in the order the simulator first wrote them (during a rotation overlap
     * it writes the same event to both sockets; that is one event).
     */
    static Map<String, List<String>> sentPerStream(List<LedgerEntry> entries) {
        Map<String, LinkedHashSet<String>> out = new LinkedHashMap<>();
        for (LedgerEntry e : entries) {
            out.computeIfAbsent(e.stream(), s -> new LinkedHashSet<>()).add(EventKey.of(e.stream(), e.payload()));
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        out.forEach((s, keys) -> lists.put(s, List.copyOf(keys)));
        return lists;
    }

    /** How many records each topic type should hold for these events. */
    static Map<String, Integer> countPerType(Map<String, List<String>> perStream) {
        Map<String, Integer> out = new LinkedHashMap<>();
        perStream.forEach((s, keys) -> out.merge(typeOf(s), keys.size(), Integer::sum));
        return out;
    }

    /**
     * Every record of the data topics of these types, at least {@code expected} per type (and any surplus),
     * each topic's records in partition then offset order.
     */
    static List<ConsumerRecord<byte[], byte[]>> consumeData(KafkaBrokerExtension kafka, Function<String, String> topicOf,
                                                            Map<String, Integer> expected, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        expected.forEach((type, n) -> {
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(kafka.consumeAll(topicOf.apply(type), n, timeout));
            records.sort(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset));
            all.addAll(records);
        });
        return all;
    }

    /**
     * Each stream's keys as they are in Kafka: in offset order of their partition. Fails if a stream's records
     * are spread over partitions (its order would then mean nothing; they are keyed by symbol). REST depth
     * snapshots (header k2.origin=snapshot) are not events of the stream and are left out.
     */
    static Map<String, List<String>> inKafkaPerStream(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, String> partitionOf = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            var origin = r.headers().lastHeader("k2.origin");
            if (origin != null && "snapshot".equals(new String(origin.value(), StandardCharsets.UTF_8))) {
                continue;
            }
            String key = KafkaRecordKey.of(r);
            String stream = key.substring(0, key.indexOf('#'));
            String tp = r.topic() + "-" + r.partition();
            assertThat(partitionOf.computeIfAbsent(stream, s -> tp)).as("partition of " + stream).isEqualTo(tp);
            out.computeIfAbsent(stream, s -> new ArrayList<>()).add(key);
        }
        return out;
    }

    /** The dead-letter topic's frames as event keys per stream (raw frame → EventKey), with their reasons. */
    static Map<String, List<String>> deadLettersPerStream(List<ConsumerRecord<byte[], byte[]>> dead, Set<String> reasons) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : dead) {
            reasons.add(KafkaRecordKey.header(r, "k2.reason"));
            String key = EventKey.ofFrame(new String(r.value(), StandardCharsets.UTF_8));
            out.computeIfAbsent(key.substring(0, key.indexOf('#')), s -> new ArrayList<>()).add(key);
        }
        return out;
    }

    /**
     * Kafka holds exactly the events the simulator sent, each once, in the simulator's order per stream: one
     * comparison per stream that misses nothing (a missing event, a repeated one and a swap all differ).
     */
    static void assertExactlyOnceInOrder(Map<String, List<String>> sent, Map<String, List<String>> inKafka) {
        assertThat(inKafka.keySet()).as("streams in Kafka").containsExactlyInAnyOrderElementsOf(sent.keySet());
        sent.forEach((stream, keys) -> {
            List<String> got = inKafka.getOrDefault(stream, List.of());
            assertThat(got).as(stream + ": " + describeDifference(keys, got)).isEqualTo(keys);
        });
    }

    /**
     * Each stream's records in Kafka are exactly the first n events the simulator sent on it, for some n: no hole,
     * no repeat, no swap. Returns how many of the sent events are not (yet) in Kafka, over all streams.
     */
    static long assertPrefixPerStream(Map<String, List<String>> sent, Map<String, List<String>> inKafka) {
        assertThat(sent.keySet()).as("streams sent").containsAll(inKafka.keySet());
        long notInKafka = 0;
        for (Map.Entry<String, List<String>> e : sent.entrySet()) {
            List<String> got = inKafka.getOrDefault(e.getKey(), List.of());
            assertThat(got.size()).as(e.getKey() + ": more in Kafka than sent").isLessThanOrEqualTo(e.getValue().size());
            assertThat(got).as(e.getKey() + ": a prefix of what was sent; " + describeDifference(
                    e.getValue().subList(0, got.size()), got)).isEqualTo(e.getValue().subList(0, got.size()));
            notInKafka += e.getValue().size() - got.size();
        }
        return notInKafka;
    }

    /**
     * Each stream's records in Kafka follow the order they were sent in, none twice (some may be missing).
     * Returns the sent events that are not in Kafka, per stream.
     */
    static Map<String, List<String>> assertInOrderNoRepeats(Map<String, List<String>> sent, Map<String, List<String>> inKafka) {
        assertThat(sent.keySet()).as("streams sent").containsAll(inKafka.keySet());
        Map<String, List<String>> missing = new LinkedHashMap<>();
        sent.forEach((stream, keys) -> {
            List<String> got = inKafka.getOrDefault(stream, List.of());
            assertThat(new HashSet<>(got)).as(stream + ": repeated in Kafka; " + describeDifference(keys, got)).hasSameSizeAs(got);
            Map<String, Integer> position = new java.util.HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                position.put(keys.get(i), i);
            }
            int last = -1;
            for (String k : got) {
                Integer p = position.get(k);
                assertThat(p).as(stream + ": in Kafka but never sent: " + k).isNotNull();
                assertThat(p).as(stream + ": out of order at " + k).isGreaterThan(last);
                last = p;
            }
            Set<String> gotSet = new HashSet<>(got);
            List<String> m = keys.stream().filter(k -> !gotSet.contains(k)).toList();
            if (!m.isEmpty()) {
                missing.put(stream, m);
            }
        });
        return missing;
    }

    /** What differs between the sent and the received list, for a readable failure. */
    static String describeDifference(List<String> sent, List<String> got) {
        Set<String> gotSet = new HashSet<>(got);
        List<String> missing = sent.stream().filter(k -> !gotSet.contains(k)).toList();
        Set<String> seen = new HashSet<>();
        List<String> repeated = got.stream().filter(k -> !seen.add(k)).toList();
        return "sent " + sent.size() + ", in Kafka " + got.size() + ", missing " + missing.size()
                + (missing.isEmpty() ? "" : " (first " + missing.subList(0, Math.min(3, missing.size())) + ")")
                + ", repeated " + repeated.size()
                + (repeated.isEmpty() ? "" : " (first " + repeated.subList(0, Math.min(3, repeated.size())) + ")");
    }

    /** received = acked + dead-lettered + control frames + duplicates + dead-letter-failed, as text. */
    static String accounting(PipelineMetrics m) {
        return "received=" + (long) m.total(MetricNames.EVENTS_RECEIVED) + " acked=" + (long) m.total(MetricNames.RECORDS_ACKED)
                + " deadLettered=" + (long) m.total(MetricNames.DEAD_LETTERED) + " control=" + (long) m.total(MetricNames.CONTROL_FRAMES)
                + " duplicates=" + (long) m.total(MetricNames.DUPLICATES) + " deadLetterFailed="
                + (long) m.total(MetricNames.DEAD_LETTER_FAILED);
    }

    /** Data frames the app has read: every frame received minus the control frames (subscription answers). */
    protected double dataFramesReceived() {
        return metrics().total(MetricNames.EVENTS_RECEIVED) - metrics().total(MetricNames.CONTROL_FRAMES);
    }

    /** The connections the simulator itself ended (pong timeout, a fault, its lifetime): none while the app is healthy. */
    protected List<ClosedConnection> closedBySimulator() {
        return simulator().closedConnections().stream().filter(ClosedConnection::byServer).collect(Collectors.toList());
    }

    /** One readiness check's JSON (status, message) from an answer of /observe/health/ready, or a missing node. */
    static com.fasterxml.jackson.databind.JsonNode check(String readinessBody, String name) {
        try {
            for (com.fasterxml.jackson.databind.JsonNode c : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(readinessBody).path("checks")) {
                if (name.equals(c.path("name").asText())) {
                    return c;
                }
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        } catch (java.io.IOException e) {
            throw new AssertionError("readiness answer is not JSON: " + readinessBody, e);
        }
    }

    /** A system property for the soak variants, or the CI value. */
    static int param(String key, int ciValue) {
        return Integer.getInteger(key, ciValue);
    }

    /** Polls /observe/health/ready every 100 ms on a thread of its own and keeps every answer's status. */
    final class ReadinessWatch implements AutoCloseable {

        private final List<Integer> statuses = new CopyOnWriteArrayList<>();
        private final List<String> notReady = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        ReadinessWatch() {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        HttpResponse<String> r = observe("/observe/health/ready");
                        statuses.add(r.statusCode());
                        if (r.statusCode() != 200) {
                            notReady.add(r.body());
                        }
                        Thread.sleep(100); // a sampling period, not a synchronisation
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        statuses.add(-1);
                        notReady.add(e.toString());
                    }
                }
            }, "readiness-watch");
            thread.setDaemon(true);
            thread.start();
        }

        int answers() {
            return statuses.size();
        }

        List<String> notReadyAnswers() {
            return notReady;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
