package io.k2.binance.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import io.k2.binance.avro.SingleObjectEncoder;
import io.k2.binance.normalize.BinanceNormalizer;
import io.k2.binance.normalize.NormalizedEvent;
import io.k2.binance.normalize.SymbolCatalog;
import io.k2.binance.testing.KafkaBrokerExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** `bin/k2 tail` against a real broker: Avro records as exact JSON, dead letters with their headers, clear errors. */
class TailCommandTest {

    @RegisterExtension
    static KafkaBrokerExtension kafka = KafkaBrokerExtension.shared();

    private static final String TRADE = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1762578805373,"
            + "\"s\":\"BTCUSDT\",\"t\":5455447976,\"p\":\"102571.17000000\",\"q\":\"0.00100000\",\"T\":1762578805372,"
            + "\"m\":true,\"M\":true}}";

    @Test
    void printsEachRecordDecodedAsOneJsonLineWithExactDecimals() throws Exception {
        NormalizedEvent event = new BinanceNormalizer(SymbolCatalog.bundledSnapshot())
                .normalize(TRADE, null, 1_762_578_805_400_000L);
        byte[] value = new SingleObjectEncoder().encode(event.record());
        try (KafkaProducer<String, byte[]> p = producer()) {
            p.send(new ProducerRecord<>("tail.trade", "BTCUSDT", value)).get();
            ProducerRecord<String, byte[]> dead = new ProducerRecord<>("tail.trade", "btcusdt@trade",
                    "{not json".getBytes(StandardCharsets.UTF_8));
            dead.headers().add("k2.reason", "malformed_json".getBytes(StandardCharsets.UTF_8));
            p.send(dead).get();
        }
        Output out = new Output();
        int code = TailCommand.run(new String[] {"tail.trade", "--from-beginning", "--max", "2", "--brokers",
                kafka.bootstrapServers(), "--timeout-ms", "30000"}, out.stream, out.stream, new AtomicBoolean());
        assertThat(code).isZero();
        String[] lines = out.text().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("{\"message_id\":\"BINANCE:BTCUSDT:trade:5455447976\"")
                .contains("\"price\":\"102571.17000000\"").contains("\"quantity\":\"0.00100000\"");
        assertThat(lines[1]).isEqualTo("{\"dead_letter\":{\"k2.reason\":\"malformed_json\"},\"frame\":\"{not json\"}");
    }

    @Test
    void saysWhichTopicIsMissing() {
        Output out = new Output();
        int code = TailCommand.run(new String[] {"no.such.topic", "--brokers", kafka.bootstrapServers()},
                out.stream, out.stream, new AtomicBoolean());
        assertThat(code).isEqualTo(1);
        assertThat(out.text()).contains("topic 'no.such.topic' does not exist at " + kafka.bootstrapServers());
    }

    @Test
    void namesTheAddressAndTheSettingWhenNoBrokerAnswers() {
        Output out = new Output();
        int port = Ports.free();
        int code = TailCommand.run(new String[] {"binance.trade", "--brokers", "127.0.0.1:" + port}, out.stream,
                out.stream, new AtomicBoolean());
        assertThat(code).isEqualTo(1);
        assertThat(out.text()).contains("no Kafka broker reachable at 127.0.0.1:" + port)
                .contains("K2_KAFKA_BROKERS").contains("bin/k2 kafka start");
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static final class Output {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
