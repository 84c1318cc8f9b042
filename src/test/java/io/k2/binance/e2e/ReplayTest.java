package io.k2.binance.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * The 40 captured Binance messages of shared/fixtures/binance-samples.jsonl, replayed by the simulator
 * through the app into the broker. Each lands in its topic, or in the dead-letter topic with the reason
 * docs/architecture.md gives (unknown events, retired streams, Binance error frames).
 */
class ReplayTest extends PipelineTestSupport {

    static final Path SAMPLES = Path.of(System.getProperty("k2.shared.dir", "../shared"), "fixtures",
            "binance-samples.jsonl");


    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder()
                .symbols(List.of("btcusdt", "ethusdt", "nknusdt", "blzeth", "lrcbtc", "runeeur"))
                .replay(SAMPLES)
                .build());
    }

    @Override protected String topicPrefix() { return "replay"; }
    @Override protected String symbols() { return "btcusdt,ethusdt,nknusdt,blzeth,lrcbtc,runeeur"; }
    @Override protected String streams() { return "trade,aggTrade,bookTicker,depth@100ms,kline_1m"; }

    @Test
    void eachCapturedMessageLandsInItsTopicOrIsDeadLetteredWithItsReason() throws Exception {
        List<String> lines = Files.readAllLines(SAMPLES, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(40);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> metrics().total(MetricNames.EVENTS_RECEIVED) >= 40 && allAccountedFor());
        assertThat(metrics().total(MetricNames.EVENTS_RECEIVED)).isEqualTo(40);

        // lines 1-10, 16-23 (diff depth) and 34 (depth20 snapshot). Line 33 is a btcusdt diff captured in 2021: on a
        // live stream that has just delivered the 2025 ids of lines 18-23 it is an old update id, so the sequence
        // tracker drops it as a counted duplicate instead of writing a stale book update after newer ones.
        assertThat(kafka.consumeAll(topic("depth"), 17, Duration.ofSeconds(30))).hasSize(17);
        assertThat(metrics().total(MetricNames.DUPLICATES)).isEqualTo(1);
        // lines 8, 9, 13
        assertThat(kafka.consumeAll(topic("bookticker"), 3, Duration.ofSeconds(30))).hasSize(3);
        // lines 11, 15, 32
        assertThat(kafka.consumeAll(topic("aggtrade"), 3, Duration.ofSeconds(30))).hasSize(3);
        // lines 12, 14, 38
        assertThat(kafka.consumeAll(topic("kline"), 3, Duration.ofSeconds(30))).hasSize(3);
        // line 24 (combined) and 26-31 (raw form, keys sorted)
        List<ConsumerRecord<byte[], byte[]>> trades = kafka.consumeAll(topic("trade"), 7, Duration.ofSeconds(30));
        assertThat(trades).hasSize(7);
        AvscDecoder decoder = AvscDecoder.fromDirectory(Path.of("src/main/avro"));
        assertThat(decoder.toJson(decoder.decode(trades.get(0).value())))
                .contains("\"message_id\":\"BINANCE:BTCUSDT:trade:5455447976\"")
                .contains("\"price\":\"102571.17000000\"").contains("\"quantity\":\"0.00100000\"")
                .contains("\"timestamp\":1762578805372000").contains("\"side\":\"SELL\"")
                .contains("\"currency\":\"USDT\"");

        List<ConsumerRecord<byte[], byte[]>> dead = kafka.consumeAll(topic("dead-letter"), 6, Duration.ofSeconds(30));
        Map<Integer, String> reasonByLine = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : dead) {
            String raw = new String(r.value(), StandardCharsets.UTF_8);
            int line = lines.indexOf(raw) + 1;
            assertThat(line).as("dead letter carries a raw frame exactly as sent: " + raw).isPositive();
            reasonByLine.put(line, new String(r.headers().lastHeader("k2.reason").value(), StandardCharsets.UTF_8));
            assertThat(r.headers().lastHeader("k2.error")).isNotNull();
        }
        assertThat(reasonByLine).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                25, "unknown_event",     // btcusdt@miniTicker: not a type we carry
                35, "retired_stream",    // !bookTicker, retired 2022
                36, "unknown_event",     // ethusdt@ticker
                37, "retired_stream",    // !ticker@arr, retired 2026
                39, "exchange_error",    // {"error":{"code":2,...}}
                40, "exchange_error")));  // {"error":{"code":4,...}}
        assertThat(metrics().total(MetricNames.DEAD_LETTERED)).isEqualTo(6);
        assertThat(metrics().total(MetricNames.RECORDS_ACKED)).isEqualTo(33);
    }
}
