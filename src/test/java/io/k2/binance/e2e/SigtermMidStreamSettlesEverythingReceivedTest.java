package io.k2.binance.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.k2.binance.K2Application;
import io.k2.binance.cli.ChildProcess;
import io.k2.binance.cli.MetricsScrape;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.ClosedConnection;
import io.k2.binance.simulator.LedgerEntry;
import io.k2.binance.simulator.SimulatorConfig;
import io.k2.binance.testing.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM to the real app process while 5,000 events/s stream in: it exits within its shutdown budget
 * ({@code k2.ingest.shutdown-drain-seconds}, here 10 s, plus 5 s for Camel and the JVM, and so below
 * {@code camel.main.shutdownTimeout}, 45 s), closes its socket with 1000 (the simulator saw that close frame),
 * and by the ledger what is in Kafka is, per stream, exactly the first events the simulator wrote to that
 * connection: no hole and no repeat, so everything it read before it stopped reading was settled; the events
 * after the last one read are the restart's gap (the next issue's). The log shows no unsettled frame.
 */
class SigtermMidStreamSettlesEverythingReceivedTest {

    private static final int RATE = 5_000;
    private static final int DRAIN_SECONDS = 10;
    /** Camel's own stop and the JVM's exit after the drain. */
    private static final int EXIT_MARGIN_SECONDS = 5;
    private static final String PREFIX = "sigterm";
    private static final List<String> TYPES = List.of("trade", "aggtrade", "bookticker", "depth", "kline");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @RegisterExtension
    static KafkaBrokerExtension kafka = KafkaBrokerExtension.shared();

    static BinanceSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(RATE).seed(41).build());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void sigtermMidStreamExitsInBudgetWithEverythingReadInKafkaAndCloses1000(@TempDir Path dir) throws Exception {
        int port = PipelineTestSupport.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("K2_BINANCE_BASE_URL", simulator.wsBaseUrl());
        env.put("K2_BINANCE_EXCHANGE_INFO_URL", simulator.restBaseUrl() + "/api/v3/exchangeInfo");
        env.put("K2_BINANCE_SYMBOLS", "btcusdt,ethusdt");
        env.put("K2_BINANCE_STREAMS", "trade,aggTrade,bookTicker,depth@100ms,kline_1m");
        env.put("K2_KAFKA_BROKERS", kafka.bootstrapServers());
        for (String type : TYPES) {
            env.put("K2_KAFKA_TOPIC_" + type.toUpperCase(), PREFIX + "." + type);
        }
        env.put("K2_KAFKA_TOPIC_DEAD_LETTER", PREFIX + ".dead-letter");
        env.put("K2_OBSERVE_PORT", Integer.toString(port));
        env.put("K2_INGEST_SHUTDOWN_DRAIN_SECONDS", Integer.toString(DRAIN_SECONDS));
        Path log = dir.resolve("app.log");
        // k2.home as `bin/k2 run` has it: the operator's routes/ (copied), the packaged application.properties.
        // (classpath:routes/*.yaml would find each route twice through surefire's manifest-only class path)
        Files.createDirectories(dir.resolve("routes"));
        try (var routes = Files.list(Path.of("routes"))) {
            for (Path r : routes.toList()) {
                Files.copy(r, dir.resolve("routes").resolve(r.getFileName()));
            }
        }
        ChildProcess app = ChildProcess.startJava("app", List.of("-Xmx512m", "-Dk2.home=" + dir), K2Application.class.getName(),
                List.of(), env, log);
        try {
            String metrics = "http://127.0.0.1:" + port + "/observe/metrics";
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> ready(port) && simulator.connectionCount() == 1);
                // mid-stream: several seconds of the full rate acked, the pipeline busy
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                        .until(() -> MetricsScrape.of(metrics).sum("k2_records_acked_total") >= 4L * RATE);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(e.getMessage() + "; app log:\n" + app.logTail(60), e);
            }
            String connection = simulator.connectionIds().get(0);

            long t0 = System.nanoTime();
            boolean stopped = app.stop(Duration.ofSeconds(DRAIN_SECONDS + EXIT_MARGIN_SECONDS));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(stopped).as("exited within " + (DRAIN_SECONDS + EXIT_MARGIN_SECONDS) + " s of SIGTERM (took "
                    + took + "); log:\n" + app.logTail(40)).isTrue();

            // the simulator saw the client's close frame 1000, and it is the only way the connection went
            await().atMost(Duration.ofSeconds(10)).until(() -> simulator.connectionCount() == 0);
            assertThat(simulator.closedConnections()).as("how the app's connection ended")
                    .containsExactly(new ClosedConnection(connection, false, 1000, "client shutdown"));

            String text = Files.readString(log);
            assertThat(text).contains("Binance consumer stopping: settling")
                    .doesNotContain("Shutdown budget of")
                    .doesNotContain("neither written to Kafka nor dead-lettered")
                    .doesNotContain("shed ")
                    .doesNotContain("Could not write to the dead-letter topic");

            List<LedgerEntry> toConnection = simulator.ledger().entriesFor(connection);
            Map<String, List<String>> sent = KafkaFaultTestSupport.sentPerStream(toConnection);
            assertThat(sent).hasSize(10);
            List<ConsumerRecord<byte[], byte[]>> records = KafkaFaultTestSupport.consumeData(kafka, t -> PREFIX + "." + t,
                    Map.of("trade", 0, "aggtrade", 0, "bookticker", 0, "depth", 0, "kline", 0), Duration.ofSeconds(60));
            Map<String, List<String>> inKafka = KafkaFaultTestSupport.inKafkaPerStream(records);
            long gap = KafkaFaultTestSupport.assertPrefixPerStream(sent, inKafka);
            assertThat(records.size()).as("in Kafka").isGreaterThanOrEqualTo(4 * RATE);
            // (the simulator writes some kline pushes twice, same t, L, x and E: one event, as the app's dedup sees it)
            assertThat(records.size() + gap).isEqualTo(sent.values().stream().mapToLong(List::size).sum());
            System.out.println("SIGTERM to exit: " + took.toMillis() + " ms; in Kafka " + records.size()
                    + ", written to the connection after the app stopped reading (the restart's gap): " + gap);
            assertThat(kafka.consumeAll(PREFIX + ".dead-letter", 0, Duration.ofSeconds(30))).as("dead letters").isEmpty();
        } finally {
            app.stop(Duration.ofSeconds(5));
        }
    }

    private static boolean ready(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
