package io.k2.binance.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One frame of each bad-input class, injected into a live, normally streaming connection: each lands on
 * the dead-letter topic with the raw frame and its reason, is counted by stream and reason, and the
 * pipeline goes on acking the good events around it.
 */
class BadInputIsDeadLetteredTest extends PipelineTestSupport {

    private static final int MAX_FRAME_BYTES = 2048;
    /** DeadLetterStep.MAX_FRAME_IN_RECORD: a frame above this is cut in the dead-letter record. */
    private static final int DEAD_LETTER_CUT = 256 * 1024;
    private static final String STREAM = "btcusdt@trade";


    @BeforeAll
    static void startSimulator() {
        // btcusdt never trades (weight 0): the injected frames are the only ones on btcusdt@trade, so their made-up
        // trade ids are new to the sequence tracker (on a live stream an old id is a counted duplicate instead);
        // ethusdt carries the good events around them
        simulator = BinanceSimulator.start(SimulatorConfig.builder()
                .symbols(List.of("btcusdt=0", "ethusdt"))
                .ratePerSecond(40)
                .seed(7)
                .build());
    }

    @Override protected String topicPrefix() { return "badinput"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }
    @Override protected String streams() { return "trade"; }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = super.useOverridePropertiesWithPropertiesComponent();
        p.setProperty("k2.binance.max-frame-bytes", Integer.toString(MAX_FRAME_BYTES));
        return p;
    }

    private static String trade(long id, String priceField, String quantity, long timeMillis) {
        return "{\"stream\":\"" + STREAM + "\",\"data\":{\"e\":\"trade\",\"E\":" + timeMillis
                + ",\"s\":\"BTCUSDT\",\"t\":" + id + priceField + ",\"q\":\"" + quantity + "\",\"T\":" + timeMillis
                + ",\"m\":true,\"M\":true}}";
    }

    @Test
    void eachBadFrameIsDeadLetteredWithItsReasonAndThePipelineGoesOn() {
        await().atMost(Duration.ofSeconds(20)).until(() -> simulator.connectionCount() == 1
                && metrics().total(MetricNames.RECORDS_ACKED) >= 10);

        long now = System.currentTimeMillis();
        String pad = "x".repeat(3_000);
        String huge = "y".repeat(DEAD_LETTER_CUT + 10_000);
        // raw frame -> expected reason, in sending order
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("{\"stream\":\"" + STREAM + "\",\"data\":{\"e\":\"trade\",\"E\":" + now + ",\"s\":\"BTCUSDT\",\"t\":",
                "malformed_json");
        bad.put("{\"stream\":\"btcusdt@avgPrice\",\"data\":{\"e\":\"avgPrice\",\"E\":" + now
                + ",\"s\":\"BTCUSDT\",\"i\":\"5m\",\"w\":\"100000.00000000\",\"T\":" + now + "}}", "unknown_event");
        bad.put(trade(990_000_001L, "", "0.001", now), "missing_field");
        bad.put(trade(990_000_002L, ",\"p\":\"abc\"", "0.001", now), "non_numeric");
        bad.put(trade(990_000_003L, ",\"p\":\"100000.00\"", "-0.5", now), "absurd_value");
        bad.put(trade(990_000_004L, ",\"p\":\"100000.00\"", "0.001", 1_262_304_000_000L), "absurd_value"); // 2010-01-01
        String oversized = "{\"stream\":\"" + STREAM + "\",\"data\":{\"e\":\"trade\",\"E\":" + now
                + ",\"s\":\"BTCUSDT\",\"t\":990000005,\"p\":\"100000.00\",\"q\":\"0.001\",\"T\":" + now
                + ",\"m\":true,\"pad\":\"" + pad + "\"}}";
        bad.put(oversized, "oversized_frame");
        // consistent with the stream and the exchange: another symbol on btcusdt@trade, a price of 1e29 (well
        // formed, but above the simulator's exchangeInfo PRICE_FILTER maxPrice), a bookTicker with bid > ask
        bad.put(trade(990_000_007L, ",\"p\":\"100000.00\"", "0.001", now).replace("\"s\":\"BTCUSDT\"", "\"s\":\"ETHUSDT\""),
                "stream_mismatch");
        bad.put(trade(990_000_008L, ",\"p\":\"100000000000000000000000000000\"", "0.001", now), "outside_symbol_filter");
        bad.put("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":990000009,\"s\":\"BTCUSDT\",\"b\":\"100001.00\","
                + "\"B\":\"1\",\"a\":\"100000.00\",\"A\":\"1\"}}", "crossed_book");
        String beyondCut = "{\"stream\":\"" + STREAM + "\",\"data\":{\"e\":\"trade\",\"E\":" + now
                + ",\"s\":\"BTCUSDT\",\"t\":990000010,\"p\":\"100000.00\",\"q\":\"0.001\",\"T\":" + now
                + ",\"m\":true,\"pad\":\"" + huge + "\"}}";
        bad.put(beyondCut, "oversized_frame");
        assertThat(oversized.length()).isGreaterThan(MAX_FRAME_BYTES).isLessThan(DEAD_LETTER_CUT);

        double ackedBefore = metrics().total(MetricNames.RECORDS_ACKED);
        for (String frame : bad.keySet()) {
            simulator.sendRaw(frame);
        }

        // every bad frame counted by stream and reason
        await().atMost(Duration.ofSeconds(20)).until(() -> metrics().total(MetricNames.DEAD_LETTERED) >= bad.size());
        String dl = MetricNames.DEAD_LETTERED;
        assertThat(counter(dl, "stream", STREAM, "reason", "malformed_json")).isEqualTo(1);
        assertThat(counter(dl, "stream", "other", "reason", "unknown_event")).isEqualTo(1); // not a configured stream
        assertThat(counter(dl, "stream", STREAM, "reason", "missing_field")).isEqualTo(1);
        assertThat(counter(dl, "stream", STREAM, "reason", "non_numeric")).isEqualTo(1);
        assertThat(counter(dl, "stream", STREAM, "reason", "absurd_value")).isEqualTo(2);
        assertThat(counter(dl, "stream", STREAM, "reason", "oversized_frame")).isEqualTo(2);
        assertThat(counter(dl, "stream", STREAM, "reason", "stream_mismatch")).isEqualTo(1);
        assertThat(counter(dl, "stream", STREAM, "reason", "outside_symbol_filter")).isEqualTo(1);
        assertThat(counter(dl, "stream", "other", "reason", "crossed_book")).isEqualTo(1); // not a configured stream
        assertThat(metrics().total(dl)).isEqualTo(bad.size());
        assertThat(metrics().total(MetricNames.DEAD_LETTER_FAILED)).isZero();

        // the pipeline goes on: good events after the bad ones are still acked
        await().atMost(Duration.ofSeconds(20))
                .until(() -> metrics().total(MetricNames.RECORDS_ACKED) >= ackedBefore + 20);
        simulator.stallData(true);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> allAccountedFor()
                        && metrics().total(MetricNames.RECORDS_ACKED) == simulator.ledger().count());
        assertThat(metrics().total(MetricNames.EVENTS_RECEIVED)).isEqualTo(simulator.ledger().count() + bad.size());

        // the dead-letter records: raw frame as value, reason, error
        List<ConsumerRecord<byte[], byte[]>> dead = kafka.consumeAll(topic("dead-letter"), bad.size(),
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(bad.size());
        Map<String, String> reasonByFrame = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : dead) {
            String reason = header(r, "k2.reason");
            assertThat(header(r, "k2.error")).as("k2.error of a " + reason + " dead letter").isNotBlank();
            String value = new String(r.value(), StandardCharsets.UTF_8);
            if ("true".equals(header(r, "k2.truncated"))) {
                assertThat(r.value()).hasSize(DEAD_LETTER_CUT);
                assertThat(beyondCut).startsWith(value);
                assertThat(header(r, "k2.frameBytes")).isEqualTo(Integer.toString(beyondCut.length()));
                value = beyondCut;
            }
            reasonByFrame.put(value, reason);
        }
        assertThat(reasonByFrame).containsExactlyInAnyOrderEntriesOf(bad);
        // only the one beyond the cut is truncated
        assertThat(dead.stream().filter(r -> "true".equals(header(r, "k2.truncated"))).count()).isEqualTo(1);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
