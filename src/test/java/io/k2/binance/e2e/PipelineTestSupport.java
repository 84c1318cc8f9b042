package io.k2.binance.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Properties;

import io.k2.binance.config.K2Configuration;
import io.k2.binance.observe.MetricNames;
import io.k2.binance.observe.PipelineMetrics;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.testing.KafkaBrokerExtension;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;

/**
 * Runs the real app (camel-main, K2Application's package, the YAML routes from {@code routes/}) against a
 * simulator and a real broker. Subclasses start the simulator in a static {@code @BeforeAll}; the app's
 * context is created per test, after that, so it can point at the simulator's port.
 */
abstract class PipelineTestSupport extends CamelMainTestSupport {

    /** Topic prefix of this test class, so tests sharing the broker never see each other's records. */
    protected abstract String topicPrefix();

    protected abstract BinanceSimulator simulator();

    protected abstract KafkaBrokerExtension kafka();

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
        p.setProperty("k2.binance.base-url", simulator().wsBaseUrl());
        p.setProperty("k2.binance.exchange-info-url", simulator().restBaseUrl() + "/api/v3/exchangeInfo");
        p.setProperty("k2.binance.symbols", symbols());
        p.setProperty("k2.binance.streams", streams());
        p.setProperty("k2.kafka.brokers", kafka().bootstrapServers());
        for (String type : new String[] {"trade", "aggtrade", "bookticker", "depth", "kline"}) {
            p.setProperty("k2.kafka.topic." + type, topic(type));
        }
        p.setProperty("k2.kafka.topic.dead-letter", topic("dead-letter"));
        p.setProperty("k2.observe.port", Integer.toString(freePort()));
        return p;
    }

    protected String topic(String type) {
        return topicPrefix() + "." + type;
    }

    protected PipelineMetrics metrics() {
        return PipelineMetrics.of(context);
    }

    /** Every received frame has its final outcome: acked, dead-lettered or counted as a control frame. */
    protected boolean allAccountedFor() {
        PipelineMetrics m = metrics();
        double received = m.total(MetricNames.EVENTS_RECEIVED);
        double settled = m.total(MetricNames.RECORDS_ACKED) + m.total(MetricNames.DEAD_LETTERED)
                + m.total(MetricNames.CONTROL_FRAMES) + m.total(MetricNames.DEAD_LETTER_FAILED);
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
