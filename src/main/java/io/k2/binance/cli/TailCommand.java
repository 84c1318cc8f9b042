package io.k2.binance.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.k2.binance.avro.AvscDecoder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code bin/k2 tail <topic>}: prints each record as one JSON line, decoded with only the published .avsc
 * files (like kafka-avro-console-consumer, without a registry). Decimals print as exact strings.
 * Dead-letter records, which hold the raw frame rather than Avro, print as
 * {@code {"dead_letter":{...headers...},"frame":"..."}}.
 */
public final class TailCommand {

    private static final String HELP = """
            Usage: bin/k2 tail <topic> [--from-beginning] [--max N] [--brokers HOST:PORT]

            Prints each record of <topic> as one JSON line, decoded with the .avsc files only.
            Without --from-beginning it starts at the end and waits for new records; Ctrl-C stops it.

            Options:
              --from-beginning     start at the oldest record instead of the newest
              --max N              stop after N records
              --brokers LIST       Kafka bootstrap servers (default: K2_KAFKA_BROKERS, else k2.kafka.brokers
                                   in ./application.properties, else 127.0.0.1:9092)
              --timeout-ms N       with --max, give up after N ms without reaching it (default: wait forever)
              --help               this text

            Topics (defaults): binance.trade binance.aggtrade binance.bookticker binance.depth binance.kline
                               binance.dead-letter
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TailCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, new AtomicBoolean()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, AtomicBoolean stop) {
        String topic = null;
        boolean fromBeginning = false;
        long max = Long.MAX_VALUE;
        long timeoutMs = Long.MAX_VALUE;
        String brokers = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        out.print(HELP);
                        return 0;
                    }
                    case "--from-beginning" -> fromBeginning = true;
                    case "--max" -> max = Long.parseLong(args[++i]);
                    case "--timeout-ms" -> timeoutMs = Long.parseLong(args[++i]);
                    case "--brokers" -> brokers = args[++i];
                    default -> {
                        if (args[i].startsWith("-") || topic != null) {
                            err.println("k2 tail: unexpected argument '" + args[i] + "'. See bin/k2 tail --help.");
                            return 2;
                        }
                        topic = args[i];
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            err.println("k2 tail: an option is missing its value or it is not a number. See bin/k2 tail --help.");
            return 2;
        }
        if (topic == null) {
            err.println("k2 tail: which topic? e.g. bin/k2 tail binance.trade --from-beginning. See --help.");
            return 2;
        }
        if (brokers == null) {
            brokers = OperatorSettings.brokers();
        }

        AvscDecoder decoder;
        try {
            decoder = AvscDecoder.fromClasspath();
        } catch (Exception e) {
            err.println("k2 tail: cannot load the .avsc schemas from the classpath (" + e.getMessage()
                    + "); run `mvn package` first.");
            return 1;
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "k2-tail");
        if (!brokerReachable(brokers, err)) {
            return 1;
        }
        long deadline = timeoutMs == Long.MAX_VALUE ? Long.MAX_VALUE : System.currentTimeMillis() + timeoutMs;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> tps = TopicPartitions.of(consumer, List.of(topic), Duration.ofSeconds(10));
            if (tps.isEmpty()) {
                err.println("k2 tail: topic '" + topic + "' does not exist at " + brokers
                        + ". The app creates topics on first write; check k2.kafka.topic.* for the names.");
                return 1;
            }
            consumer.assign(tps);
            if (fromBeginning) {
                consumer.seekToBeginning(tps);
            } else {
                consumer.seekToEnd(tps);
            }
            long printed = 0;
            while (printed < max && !stop.get() && System.currentTimeMillis() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    out.println(render(decoder, r));
                    if (++printed >= max) {
                        break;
                    }
                }
                out.flush();
            }
            return printed >= max || max == Long.MAX_VALUE ? 0 : 1;
        }
    }

    static String render(AvscDecoder decoder, ConsumerRecord<byte[], byte[]> r) {
        byte[] v = r.value();
        if (v != null && v.length > 10 && (v[0] & 0xFF) == 0xC3 && v[1] == 0x01) {
            try {
                return decoder.toJson(decoder.decode(v));
            } catch (RuntimeException e) {
                return error(r, "cannot decode: " + e.getMessage());
            }
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("dead_letter", headers);
        line.put("frame", v == null ? null : new String(v, StandardCharsets.UTF_8));
        try {
            return JSON.writeValueAsString(line);
        } catch (Exception e) {
            return error(r, e.getMessage());
        }
    }

    private static String error(ConsumerRecord<byte[], byte[]> r, String message) {
        return "{\"error\":" + quote(message) + ",\"partition\":" + r.partition() + ",\"offset\":" + r.offset() + "}";
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            return "\"?\"";
        }
    }

    static boolean brokerReachable(String brokers, PrintStream err) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster().nodes().get(6, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            err.println("k2: no Kafka broker reachable at " + brokers + " (set --brokers, K2_KAFKA_BROKERS or "
                    + "k2.kafka.brokers; for a local one run `bin/k2 kafka start`).");
            return false;
        }
    }
}
