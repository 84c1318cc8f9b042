package io.k2.binance.e2e;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k2.binance.avro.AvscDecoder;
import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.LedgerEntry;
import io.k2.binance.simulator.SimulatorConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline: simulator (3 symbols x trade, aggTrade, bookTicker, depth@100ms) -> real routes ->
 * real broker, then a consumer that holds only the .avsc files decodes every record and compares it with
 * what the simulator's ledger says it sent.
 */
class EndToEndTest extends PipelineTestSupport {

    private static final int EVENTS = 12_000;
    private static final ObjectMapper JSON = new ObjectMapper();


    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder()
                .symbols(List.of("btcusdt", "ethusdt", "bnbusdt"))
                .ratePerSecond(4_000)
                .maxEvents(EVENTS)
                .seed(20261125)
                .build());
    }

    @Override protected String topicPrefix() { return "e2e"; }
    @Override protected String symbols() { return "btcusdt,ethusdt,bnbusdt"; }
    @Override protected String streams() { return "trade,aggTrade,bookTicker,depth@100ms"; }

    @Test
    void everyEventSentIsInKafkaExactlyOnceWithTheValuesSent() throws Exception {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> simulator.eventsGenerated() >= EVENTS && allAccountedFor()
                        && metrics().total(MetricNames.EVENTS_RECEIVED) >= simulator.ledger().count());

        List<LedgerEntry> sent = simulator.ledger().entries();
        assertThat(sent).hasSizeGreaterThanOrEqualTo(EVENTS);
        assertThat(metrics().total(MetricNames.DEAD_LETTERED)).as("dead letters").isZero();
        // TradeV2 (trade, aggTrade), QuoteV2, DepthUpdateV1: all in the encoder's cache, nothing evicted
        assertThat(metrics().registry().get(MetricNames.SERIALIZER_CACHE_SIZE).gauge().value()).isEqualTo(3.0);
        assertThat(metrics().registry().get(MetricNames.SERIALIZER_CACHE_EVICTIONS).counter().count()).isZero();

        Map<String, List<LedgerEntry>> sentByTopic = new HashMap<>();
        for (LedgerEntry e : sent) {
            sentByTopic.computeIfAbsent(topicOf(e.stream()), t -> new ArrayList<>()).add(e);
        }
        assertThat(sentByTopic).containsOnlyKeys(topic("trade"), topic("aggtrade"), topic("bookticker"), topic("depth"));

        AvscDecoder decoder = AvscDecoder.fromDirectory(Path.of("src/main/avro"));
        for (Map.Entry<String, List<LedgerEntry>> t : sentByTopic.entrySet()) {
            List<LedgerEntry> expected = t.getValue();
            List<ConsumerRecord<byte[], byte[]>> records = kafka.consumeAll(t.getKey(), expected.size(),
                    Duration.ofSeconds(60));
            assertThat(records).as("records in " + t.getKey()).hasSize(expected.size());

            Map<String, JsonNode> byId = new HashMap<>();
            Set<String> duplicates = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> r : records) {
                JsonNode decoded = JSON.readTree(decoder.toJson(decoder.decode(r.value())));
                if (byId.put(decoded.get("message_id").asText(), decoded) != null) {
                    duplicates.add(decoded.get("message_id").asText());
                }
                assertThat(new String(r.key())).isEqualTo(decoded.get("symbol").asText());
                assertThat(r.headers().lastHeader("k2.schemaFingerprint")).isNotNull();
                assertThat(new String(r.headers().lastHeader("k2.eventId").value()))
                        .isEqualTo(decoded.get("message_id").asText());
                assertThat(r.headers().lastHeader("k2.stream")).isNotNull();
                assertThat(Long.parseLong(new String(r.headers().lastHeader("k2.receivedAt").value())))
                        .isEqualTo(decoded.get("ingestion_timestamp").asLong());
            }
            assertThat(duplicates).as("duplicate message ids in " + t.getKey()).isEmpty();

            for (LedgerEntry e : expected) {
                JsonNode payload = JSON.readTree(e.payload());
                String id = expectedMessageId(e.stream(), payload);
                JsonNode record = byId.get(id);
                assertThat(record).as("record for " + id + " sent on " + e.stream()).isNotNull();
                assertSameValues(e.stream(), payload, record);
            }
        }
    }

    private String topicOf(String stream) {
        String type = stream.substring(stream.indexOf('@') + 1);
        return switch (type) {
            case "trade" -> topic("trade");
            case "aggTrade" -> topic("aggtrade");
            case "bookTicker" -> topic("bookticker");
            default -> topic("depth");
        };
    }

    private static String expectedMessageId(String stream, JsonNode p) {
        String symbol = stream.substring(0, stream.indexOf('@')).toUpperCase();
        String type = stream.substring(stream.indexOf('@') + 1);
        return switch (type) {
            case "trade" -> "BINANCE:" + symbol + ":trade:" + p.get("t").asLong();
            case "aggTrade" -> "BINANCE:" + symbol + ":aggTrade:" + p.get("a").asLong();
            case "bookTicker" -> "BINANCE:" + symbol + ":bookTicker:" + p.get("u").asLong();
            default -> "BINANCE:" + symbol + ":depth:" + p.get("U").asLong() + "-" + p.get("u").asLong();
        };
    }

    private static void assertSameValues(String stream, JsonNode p, JsonNode r) {
        String type = stream.substring(stream.indexOf('@') + 1);
        switch (type) {
            case "trade" -> {
                assertThat(r.get("trade_id").asLong()).isEqualTo(p.get("t").asLong());
                assertDecimal(r.get("price"), p.get("p"));
                assertDecimal(r.get("quantity"), p.get("q"));
                assertThat(r.get("timestamp").asLong()).isEqualTo(p.get("T").asLong() * 1000);
                assertThat(r.get("side").asText()).isEqualTo(p.get("m").asBoolean() ? "SELL" : "BUY");
                assertThat(r.get("symbol").asText()).isEqualTo(p.get("s").asText());
            }
            case "aggTrade" -> {
                assertThat(r.get("trade_id").asLong()).isEqualTo(p.get("a").asLong());
                assertDecimal(r.get("price"), p.get("p"));
                assertDecimal(r.get("quantity"), p.get("q"));
                assertThat(r.get("timestamp").asLong()).isEqualTo(p.get("T").asLong() * 1000);
                assertThat(r.get("vendor_data").get("first_trade_id").asText()).isEqualTo(p.get("f").asText());
                assertThat(r.get("vendor_data").get("last_trade_id").asText()).isEqualTo(p.get("l").asText());
            }
            case "bookTicker" -> {
                assertThat(r.get("source_sequence").asLong()).isEqualTo(p.get("u").asLong());
                assertDecimal(r.get("bid_price"), p.get("b"));
                assertDecimal(r.get("bid_quantity"), p.get("B"));
                assertDecimal(r.get("ask_price"), p.get("a"));
                assertDecimal(r.get("ask_quantity"), p.get("A"));
            }
            default -> {
                assertThat(r.get("first_update_id").asLong()).isEqualTo(p.get("U").asLong());
                assertThat(r.get("final_update_id").asLong()).isEqualTo(p.get("u").asLong());
                assertThat(r.get("timestamp").asLong()).isEqualTo(p.get("E").asLong() * 1000);
                assertLevels(r.get("bids"), p.get("b"));
                assertLevels(r.get("asks"), p.get("a"));
            }
        }
    }

    private static void assertLevels(JsonNode recordLevels, JsonNode sentLevels) {
        assertThat(recordLevels.size()).isEqualTo(sentLevels.size());
        for (int i = 0; i < sentLevels.size(); i++) {
            assertDecimal(recordLevels.get(i).get("price"), sentLevels.get(i).get(0));
            assertDecimal(recordLevels.get(i).get("quantity"), sentLevels.get(i).get(1));
        }
    }

    /** Exact: the record's decimal string has the sent value and Binance's 8 decimals, no float in between. */
    private static void assertDecimal(JsonNode recorded, JsonNode sent) {
        assertThat(recorded.isTextual()).as("decimal rendered as a string: " + recorded).isTrue();
        assertThat(new BigDecimal(recorded.asText())).isEqualTo(new BigDecimal(sent.asText()).setScale(8));
    }
}
