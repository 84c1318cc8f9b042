package io.k2.binance.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.k2.binance.component.BinanceComponent;
import io.k2.binance.connection.StreamSet;
import io.k2.binance.health.BinanceConnectionHealthCheck;
import io.k2.binance.health.IngestLivenessCheck;
import io.k2.binance.health.KafkaBrokerHealthCheck;
import io.k2.binance.health.MemoryHealthCheck;
import io.k2.binance.health.RouteStartFailures;
import io.k2.binance.health.RoutesStartedHealthCheck;
import io.k2.binance.normalize.BinanceNormalizer;
import io.k2.binance.normalize.EventType;
import io.k2.binance.normalize.SymbolCatalog;
import io.k2.binance.observe.CamelAppInfoGauge;
import io.k2.binance.observe.ClassDataSharing;
import io.k2.binance.observe.HeapGiveBack;
import io.k2.binance.observe.LogText;
import io.k2.binance.observe.MemoryMonitor;
import io.k2.binance.observe.MemoryProbe;
import io.k2.binance.observe.PipelineMetrics;
import io.k2.binance.pipeline.DeadLetterStep;
import io.k2.binance.pipeline.DeadLetters;
import io.k2.binance.pipeline.DeliveryAccounting;
import io.k2.binance.pipeline.EncodeStep;
import io.k2.binance.pipeline.MetadataWarmingClientFactory;
import io.k2.binance.pipeline.TopicMetadataWarmer;
import io.k2.binance.pipeline.NormalizeStep;
import io.k2.binance.pipeline.Topics;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.k2.binance.config.K2Settings.SERIALIZER_CACHE_MAX_SIZE;

/**
 * Runs before the routes start: checks every k2.* setting (start-up stops on a bad one), prints the
 * effective configuration, and binds the beans the YAML routes refer to by name.
 */
public class K2Configuration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(K2Configuration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent pc = context.getPropertiesComponent();
        Properties declared = pc.loadProperties(k -> k.startsWith(K2Settings.PREFIX));
        K2Settings settings = K2Settings.load(declared.stringPropertyNames(), k -> pc.resolveProperty(k).orElse(""));
        settings.validate();
        requireShutdownBudgetFits(settings, pc);
        // the YAML route reads one rotation age; the operator gives it in hours (tests in seconds)
        pc.addOverrideProperty(BinanceEndpointKeys.LIFETIME_EFFECTIVE, BinanceEndpointKeys.lifetime(
                settings.get(BinanceEndpointKeys.LIFETIME_HOURS), settings.getOrEmpty(BinanceEndpointKeys.LIFETIME_TEST_SECONDS)));
        LOG.info("Effective configuration (application.properties, overridden by env vars):");
        for (String line : settings.describeLines()) {
            LOG.info("  {}", LogText.escape(line));
        }
        LOG.info("JVM: {}", ClassDataSharing.describe());
        requireFreeObservePort(settings);

        List<String> symbols = StreamSet.parse(settings.get("k2.binance.symbols"), settings.get("k2.binance.streams"))
                .symbols();
        SymbolCatalog catalog = SymbolCatalogLoader.load(settings, symbols);

        context.getRegistry().bind("k2Settings", settings);
        Map<EventType, String> topicByType = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            topicByType.put(type, settings.topicFor(type));
        }
        Topics topics = new Topics(topicByType, settings.get("k2.kafka.topic.gaps"),
                settings.get("k2.kafka.topic.dead-letter"));
        DeadLetters deadLetters = new DeadLetters(topics.deadLetter());
        DeliveryAccounting delivered = new DeliveryAccounting(context);
        context.getRegistry().bind("normalize", new NormalizeStep(context, new BinanceNormalizer(catalog), topics,
                deadLetters));
        context.getRegistry().bind("encode", new EncodeStep(context, settings.getInt(SERIALIZER_CACHE_MAX_SIZE), deadLetters));
        context.getRegistry().bind("delivered", delivered);
        context.getRegistry().bind("deadLetter", new DeadLetterStep(context, deadLetters, delivered));

        context.getRegistry().bind("binanceConnectionHealth", new BinanceConnectionHealthCheck());
        context.getRegistry().bind("ingestLiveness", new IngestLivenessCheck());
        context.getRegistry().bind("liveStreams", new LiveStreams(context, propertiesFile(pc), System.getenv(),
                settings.get("k2.binance.symbols"), settings.get("k2.binance.streams")));
        // the timer route in routes/connection-lifecycle.camel.yaml calls this
        context.getRegistry().bind("connectionRotation", (Runnable) () ->
                context.getComponent("binance", BinanceComponent.class).checkRotations());
        // probes in the background from context start to context stop; readiness reads its last answer
        KafkaBrokerHealthCheck kafkaHealth = new KafkaBrokerHealthCheck(settings.get("k2.kafka.brokers"),
                kafkaClientSecurity(settings), settings.getInt("k2.observe.kafka-probe-interval-ms"));
        kafkaHealth.setCamelContext(context);
        context.getRegistry().bind("kafkaBrokerHealth", kafkaHealth);
        context.addService(kafkaHealth);

        // every producer camel-kafka creates fetches and keeps the metadata of all our topics in the background;
        // kafkaReadiness says when they all have it (the ingest's delivery gate)
        List<String> allTopics = new ArrayList<>(topicByType.values());
        allTopics.add(topics.gaps());
        allTopics.add(topics.deadLetter());
        TopicMetadataWarmer warmer = new TopicMetadataWarmer(context, allTopics.stream().distinct().toList());
        context.getRegistry().bind("kafkaReadiness", warmer);
        context.getRegistry().bind("k2KafkaClientFactory", new MetadataWarmingClientFactory(warmer));
        context.addService(warmer);

        // memory monitor (docs/memory.md): routes/memory-monitor.camel.yaml calls sample(); gauges once the
        // context has started, because camel-main's Prometheus registry does not exist before. Camel's own
        // app.info gauge is re-registered then too: as Camel registers it, it reads NaN after the first GC
        MemoryMonitor memory = new MemoryMonitor(new MemoryProbe(), System::currentTimeMillis,
                settings.getInt("k2.observe.memory-window-samples"), settings.getDouble("k2.observe.leak-score-threshold"));
        context.getRegistry().bind("memoryMonitor", memory);
        context.getRegistry().bind("memoryHealth", new MemoryHealthCheck(memory));
        // routes/heap-give-back.camel.yaml calls check() (when k2.observe.heap-give-back is on)
        HeapGiveBack heapGiveBack = new HeapGiveBack();
        context.getRegistry().bind("heapGiveBack", heapGiveBack);
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext c, boolean alreadyStarted) {
                // routes start after this; gauges wait until they have
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext c, boolean alreadyStarted) {
                memory.start(PipelineMetrics.of(c).registry());
                heapGiveBack.start(PipelineMetrics.of(c).registry());
                CamelAppInfoGauge.holdStrongly(PipelineMetrics.of(c).registry());
            }
        });

        // a route that cannot start: ERROR with the cause, and readiness DOWN (routes-started) with it
        RouteStartFailures routeFailures = new RouteStartFailures();
        routeFailures.setCamelContext(context);
        context.getManagementStrategy().addEventNotifier(routeFailures);
        context.getRegistry().bind("routesStartedHealth", new RoutesStartedHealthCheck(routeFailures));
    }

    /** The application.properties file the app reads, or null when it runs from the copy in the jar. */
    private static java.nio.file.Path propertiesFile(PropertiesComponent pc) {
        for (String location : pc.getLocations()) {
            String l = location.startsWith("file:") ? location.substring(5) : null;
            if (l != null && l.endsWith("application.properties")) {
                return java.nio.file.Path.of(l);
            }
        }
        return null;
    }

    /**
     * The consumer's drain budget must end before Camel's own shutdown timeout, or Camel would cut the drain
     * short and frames would be left unsettled without a word.
     */
    private static void requireShutdownBudgetFits(K2Settings settings, PropertiesComponent pc) {
        long camelTimeout = Long.parseLong(pc.resolveProperty("camel.main.shutdownTimeout").orElse("45").trim());
        long drain = settings.getInt("k2.ingest.shutdown-drain-seconds");
        if (drain + 5 > camelTimeout) {
            throw new InvalidSettingsException(List.of("k2.ingest.shutdown-drain-seconds (env K2_INGEST_SHUTDOWN_DRAIN_SECONDS) = '"
                    + drain + "': must be at least 5 s below camel.main.shutdownTimeout (" + camelTimeout + " s), so the "
                    + "drain ends before Camel stops waiting; lower it or raise camel.main.shutdownTimeout"));
        }
    }

    /**
     * Without this, Camel logs a bind error and the app runs on with no metrics and no health endpoint,
     * which an orchestrator would read as "not ready" forever.
     */
    private static void requireFreeObservePort(K2Settings settings) {
        String host = settings.get("k2.observe.host");
        int port = settings.getInt("k2.observe.port");
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.io.IOException e) {
            throw new InvalidSettingsException(List.of("k2.observe.port (env K2_OBSERVE_PORT) = '" + port + "': "
                    + host + ":" + port + " is already in use (another k2 instance?); stop it or pick a free port"));
        }
    }

    /** The security settings the producer uses, for the health check's admin client. */
    static Properties kafkaClientSecurity(K2Settings settings) {
        Properties p = new Properties();
        p.put("security.protocol", settings.get("k2.kafka.security-protocol"));
        if (settings.get("k2.kafka.security-protocol").startsWith("SASL")) {
            p.put("sasl.mechanism", settings.get("k2.kafka.sasl-mechanism"));
            if (!settings.get("k2.kafka.sasl-jaas-config").isEmpty()) {
                p.put("sasl.jaas.config", settings.get("k2.kafka.sasl-jaas-config"));
            }
        }
        return p;
    }
}
