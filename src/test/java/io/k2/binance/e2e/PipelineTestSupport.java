package io.k2.binance.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.k2.binance.config.K2Configuration;
import io.k2.binance.observe.MetricNames;
import io.k2.binance.observe.PipelineMetrics;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.testing.KafkaBrokerExtension;
import io.micrometer.core.instrument.Counter;
import org.apache.camel.main.MainConfigurationProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Runs the real app (camel-main, K2Application's package, the YAML routes from {@code routes/}) against a
 * simulator and a real broker. Subclasses start the simulator in a static {@code @BeforeAll}; the app's
 * context is created per test, after that, so it can point at the simulator's port.
 */
abstract class PipelineTestSupport extends CamelMainTestSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Topic prefix of this test class, so tests sharing the broker never see each other's records. */
    protected abstract String topicPrefix();

    /** The broker shared by every test class of the run; a class that needs its own hides this field. */
    @RegisterExtension
    static KafkaBrokerExtension kafka = KafkaBrokerExtension.shared();

    /** Started by the subclass in a static {@code @BeforeAll}, closed here after the class. */
    static BinanceSimulator simulator;

    @AfterAll
    static void closeSimulator() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    protected BinanceSimulator simulator() {
        return simulator;
    }

    protected KafkaBrokerExtension kafka() {
        return kafka;
    }

    protected abstract String symbols();

    protected abstract String streams();

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        // the same wiring as K2Application.main
        configuration.addConfiguration(K2Configuration.class);
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("camel.main.routesIncludePattern", "file:routes/*.yaml");
        p.setProperty("k2.binance.base-url", wsBaseUrl());
        p.setProperty("k2.binance.exchange-info-url", restBaseUrl() + "/api/v3/exchangeInfo");
        p.setProperty("k2.binance.rest-base-url", restBaseUrl());
        p.setProperty("k2.binance.symbols", symbols());
        p.setProperty("k2.binance.streams", streams());
        p.setProperty("k2.kafka.brokers", kafka().bootstrapServers());
        for (String type : new String[] {"trade", "aggtrade", "bookticker", "depth", "kline"}) {
            p.setProperty("k2.kafka.topic." + type, topic(type));
        }
        p.setProperty("k2.kafka.topic.dead-letter", topic("dead-letter"));
        p.setProperty("k2.kafka.topic.gaps", topic("gaps"));
        p.setProperty("k2.observe.port", Integer.toString(freePort()));
        return p;
    }

    /** Where the app connects; the simulator's by default (override to point at a simulator started later). */
    protected String wsBaseUrl() {
        return simulator().wsBaseUrl();
    }

    protected String restBaseUrl() {
        return simulator().restBaseUrl();
    }

    /** {@code http://127.0.0.1:<k2.observe.port><path>} of the running app. */
    protected URI observeUri(String path) {
        return URI.create("http://127.0.0.1:" + context.resolvePropertyPlaceholders("{{k2.observe.port}}") + path);
    }

    /** GET on the app's management server. */
    protected HttpResponse<String> observe(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(observeUri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Count of one counter series (0 when it does not exist yet); tags as name, value, name, value... */
    protected double counter(String name, String... tags) {
        Counter c = metrics().registry().find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    /** Creates a topic with topic-level configs (e.g. max.message.bytes), from a static @BeforeAll so it exists before the app auto-creates it. */
    static void createTopic(KafkaBrokerExtension kafka, String name, int partitions, Map<String, String> configs) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
    }

    protected String topic(String type) {
        return topicPrefix() + "." + type;
    }

    protected PipelineMetrics metrics() {
        return PipelineMetrics.of(context);
    }

    /**
     * Every received frame has its final outcome: acked, dead-lettered, a control frame, a duplicate dropped by
     * the dedup (the overlap of a rotation), or dead-letter-failed (docs/connection-lifecycle.md#accounting).
     */
    protected boolean allAccountedFor() {
        PipelineMetrics m = metrics();
        double received = m.total(MetricNames.EVENTS_RECEIVED);
        double settled = m.total(MetricNames.RECORDS_ACKED) + m.total(MetricNames.DEAD_LETTERED)
                + m.total(MetricNames.CONTROL_FRAMES) + m.total(MetricNames.DUPLICATES)
                + m.total(MetricNames.DEAD_LETTER_FAILED);
        return received > 0 && received == settled;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
