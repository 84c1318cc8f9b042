package io.k2.binance.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Per-symbol order survives async acks: on a 3-partition trade topic, every symbol's records sit in one
 * partition, in exactly the trade-id order the simulator sent (t rising by 1), with none missing or doubled.
 */
class DeliveryOrderPerSymbolTest extends PipelineTestSupport {

    private static final List<String> SYMBOLS = List.of("btcusdt", "ethusdt", "bnbusdt", "solusdt", "xrpusdt");
    private static final int EVENTS = 6_000;
    private static final ObjectMapper JSON = new ObjectMapper();


    @BeforeAll
    static void createTopicAndStartSimulator() {
        createTopic(kafka, "order.trade", 3, Map.of());
        simulator = BinanceSimulator.start(SimulatorConfig.builder()
                .symbols(SYMBOLS)
                .ratePerSecond(3_000)
                .maxEvents(EVENTS)
                .seed(99)
                .build());
    }

    @Override protected String topicPrefix() { return "order"; }
    @Override protected String symbols() { return String.join(",", SYMBOLS); }
    @Override protected String streams() { return "trade"; }

    @Test
    void eachSymbolIsInOnePartitionInTradeIdOrder() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> simulator.eventsGenerated() >= EVENTS && allAccountedFor()
                        && metrics().total(MetricNames.RECORDS_ACKED) == simulator.ledger().count());
        assertThat(metrics().total(MetricNames.DEAD_LETTERED)).isZero();

        // what was sent, per symbol, in order
        Map<String, List<Long>> sent = new TreeMap<>();
        for (LedgerEntry e : simulator.ledger().entries()) {
            String symbol = e.stream().substring(0, e.stream().indexOf('@')).toUpperCase();
            sent.computeIfAbsent(symbol, s -> new ArrayList<>()).add(JSON.readTree(e.payload()).get("t").asLong());
        }
        assertThat(sent).hasSize(SYMBOLS.size());

        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(kafka.consumeAll(topic("trade"),
                (int) simulator.ledger().count(), Duration.ofSeconds(60)));
        assertThat(records).hasSize((int) simulator.ledger().count());
        records.sort(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));

        Map<String, Set<Integer>> partitionsBySymbol = new TreeMap<>();
        Map<String, List<Long>> received = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            String symbol = new String(r.key(), StandardCharsets.UTF_8);
            String eventId = new String(r.headers().lastHeader("k2.eventId").value(), StandardCharsets.UTF_8);
            assertThat(eventId).startsWith("BINANCE:" + symbol + ":trade:");
            partitionsBySymbol.computeIfAbsent(symbol, s -> new HashSet<>()).add(r.partition());
            received.computeIfAbsent(symbol, s -> new ArrayList<>())
                    .add(Long.parseLong(eventId.substring(eventId.lastIndexOf(':') + 1)));
        }

        assertThat(partitionsBySymbol.values()).as("partitions per symbol " + partitionsBySymbol)
                .allMatch(p -> p.size() == 1);
        assertThat(partitionsBySymbol.values().stream().flatMap(Set::stream).distinct().count())
                .as("the symbols spread over more than one partition").isGreaterThan(1);
        for (Map.Entry<String, List<Long>> e : sent.entrySet()) {
            List<Long> ids = received.get(e.getKey());
            assertThat(ids).as("trade ids of " + e.getKey() + " in partition order").containsExactlyElementsOf(e.getValue());
            for (int i = 1; i < ids.size(); i++) {
                assertThat(ids.get(i)).as(e.getKey() + " trade id after " + ids.get(i - 1)).isEqualTo(ids.get(i - 1) + 1);
            }
        }
    }
}
