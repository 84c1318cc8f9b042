package io.k2.binance.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.LedgerEntry;
import io.k2.binance.simulator.SimulatorConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record the broker refuses for good (the depth topic only takes 200-byte batches, so every depth record
 * fails with RecordTooLargeException) goes to the dead-letter topic with reason kafka_rejected and the raw
 * frame exactly as the simulator sent it; nothing is dropped, and the trade topic keeps getting its records.
 */
class KafkaRejectedRecordIsDeadLetteredTest extends PipelineTestSupport {

    private static final List<String> DEPTH_STREAMS = List.of("btcusdt@depth@100ms", "ethusdt@depth@100ms");
    private static final List<String> TRADE_STREAMS = List.of("btcusdt@trade", "ethusdt@trade");


    @BeforeAll
    static void createRefusingTopicAndStartSimulator() {
        // before the app auto-creates it: a depth record can never fit; the dead-letter topic keeps the broker default (1 MiB)
        createTopic(kafka, "rejected.depth", 1, Map.of("max.message.bytes", "200"));
        simulator = BinanceSimulator.start(SimulatorConfig.builder()
                .symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(60)
                .seed(11)
                .build());
    }

    @Override protected String topicPrefix() { return "rejected"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }
    @Override protected String streams() { return "trade,depth@100ms"; }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = super.useOverridePropertiesWithPropertiesComponent();
        // batches below the topic limit, so the broker refuses single records (RecordTooLargeException at once);
        // with batch.size above max.message.bytes the producer would split and resend the same batch until
        // delivery.timeout.ms expires, and only then give up (TimeoutException)
        p.setProperty("k2.kafka.batch-size", "100");
        return p;
    }

    @Test
    void recordsKafkaRefusesAreDeadLetteredWithTheirRawFrame() {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                metrics().total(MetricNames.DEAD_LETTERED) >= 10 && metrics().total(MetricNames.RECORDS_ACKED) >= 10);
        simulator.stallData(true);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> allAccountedFor()
                && metrics().total(MetricNames.EVENTS_RECEIVED) == simulator.ledger().count());

        List<LedgerEntry> sent = simulator.ledger().entries();
        List<LedgerEntry> depth = sent.stream().filter(e -> DEPTH_STREAMS.contains(e.stream())).toList();
        List<LedgerEntry> trades = sent.stream().filter(e -> TRADE_STREAMS.contains(e.stream())).toList();
        assertThat(depth.size() + trades.size()).isEqualTo(sent.size());

        // counted: every depth event dead-lettered as kafka_rejected, every trade acked, nothing lost
        for (String s : DEPTH_STREAMS) {
            assertThat(counter(MetricNames.DEAD_LETTERED, "stream", s, "reason", "kafka_rejected"))
                    .as("kafka_rejected dead letters of " + s).isEqualTo(simulator.ledger().countFor(s));
        }
        assertThat(metrics().total(MetricNames.DEAD_LETTERED)).isEqualTo(depth.size());
        assertThat(metrics().total(MetricNames.DEAD_LETTER_FAILED)).isZero();
        assertThat(metrics().total(MetricNames.RECORDS_ACKED)).isEqualTo(trades.size());

        // on the dead-letter topic: exactly the frames the simulator sent, byte for byte
        List<ConsumerRecord<byte[], byte[]>> dead = kafka.consumeAll(topic("dead-letter"), depth.size(),
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(depth.size());
        for (ConsumerRecord<byte[], byte[]> r : dead) {
            assertThat(header(r, "k2.reason")).isEqualTo("kafka_rejected");
            assertThat(header(r, "k2.error")).contains("RecordTooLarge");
            assertThat(header(r, "k2.truncated")).isNull();
        }
        List<String> expectedFrames = depth.stream()
                .map(e -> "{\"stream\":\"" + e.stream() + "\",\"data\":" + e.payload() + "}").toList();
        assertThat(dead.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList())
                .containsExactlyInAnyOrderElementsOf(expectedFrames);
        // keyed by stream. (Not asserted: their order per stream. Kafka failures complete on the producer's
        // worker threads, which dead-letter concurrently, so kafka_rejected dead letters can be reordered.)
        for (ConsumerRecord<byte[], byte[]> r : dead) {
            assertThat(new String(r.value(), StandardCharsets.UTF_8))
                    .startsWith("{\"stream\":\"" + new String(r.key(), StandardCharsets.UTF_8) + "\",");
        }

        // the other topic still gets every record; the refusing topic has none
        assertThat(kafka.consumeAll(topic("trade"), trades.size(), Duration.ofSeconds(30))).hasSize(trades.size());
        assertThat(kafka.consumeAll(topic("depth"), 0, Duration.ofSeconds(10))).isEmpty();
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
