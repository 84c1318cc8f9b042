package io.k2.binance.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.k2.binance.avro.AvscDecoder;
import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No two different kline payloads share a message_id. The simulator pushes several klines of one stream per
 * tick, all with the tick's event time E, while trades in between change their content: an id of open time
 * and E alone named different payloads alike. Compared: every kline record in Kafka, decoded with the .avsc
 * files, minus the two fields this platform sets per record (ingestion_timestamp, platform_sequence).
 */
class KlineMessageIdsAreUniqueTest extends PipelineTestSupport {

    private static final int EVENTS = 6_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder()
                .symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(3_000)
                .maxEvents(EVENTS)
                .seed(424242)
                .build());
    }

    @Override protected String topicPrefix() { return "klineids"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }
    @Override protected String streams() { return "kline_1m,kline_1s"; }

    @Test
    void eachMessageIdStandsForOnePayload() throws Exception {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> simulator.eventsGenerated() >= EVENTS && allAccountedFor()
                        && metrics().total(MetricNames.EVENTS_RECEIVED) >= simulator.ledger().count());
        assertThat(metrics().total(MetricNames.DEAD_LETTERED)).as("dead letters").isZero();
        int klines = (int) metrics().total(MetricNames.RECORDS_ACKED);
        assertThat(klines).isGreaterThan(1_000);

        AvscDecoder decoder = AvscDecoder.fromDirectory(Path.of("src/main/avro"));
        List<ConsumerRecord<byte[], byte[]>> records = kafka.consumeAll(topic("kline"), klines, Duration.ofSeconds(60));
        Map<String, String> payloadById = new HashMap<>();
        Map<String, Integer> pushesPerEventTime = new HashMap<>();
        List<String> collisions = new java.util.ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            ObjectNode record = (ObjectNode) JSON.readTree(decoder.toJson(decoder.decode(r.value())));
            record.remove("ingestion_timestamp");
            record.remove("platform_sequence");
            String id = record.get("message_id").asText();
            String payload = record.toString();
            String before = payloadById.putIfAbsent(id, payload);
            if (before != null && !before.equals(payload)) {
                collisions.add(id + ":\n  " + before + "\n  " + payload);
            }
            pushesPerEventTime.merge(record.get("symbol").asText() + record.get("interval").asText()
                    + record.get("timestamp").asText(), 1, Integer::sum);
        }
        // the data does have what broke the old id: several pushes of one stream with the same E
        assertThat(pushesPerEventTime.values().stream().anyMatch(n -> n > 1)).isTrue();
        assertThat(collisions).as("message ids standing for two different payloads").isEmpty();
    }
}
