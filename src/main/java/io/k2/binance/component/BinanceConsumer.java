package io.k2.binance.component;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.k2.binance.connection.BinanceFrame;
import io.k2.binance.connection.ConnectionGroup;
import io.k2.binance.gap.GapCloser;
import io.k2.binance.connection.GroupStatus;
import io.k2.binance.observe.MetricNames;
import io.k2.binance.observe.PipelineMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the route with every frame the endpoint's connections keep, in arrival order.
 *
 * <p>The connections, their rotations and heartbeats live in the {@link ConnectionGroup}; the ordered
 * hand-over to the route lives in the {@link FrameDispatcher}. This class wires the two to Camel: it builds
 * the exchange of each hand-over and, at shutdown, runs the steps in the one order that loses nothing
 * received: stop reading, settle every frame (acked or dead-lettered), close the sockets with 1000.
 */
public class BinanceConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceConsumer.class);
    /** Distinguishes this process's connection ids from another instance's (blue/green). */
    private static final String INSTANCE = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);

    private final BinanceEndpoint endpoint;
    private final BinanceConfiguration config;
    private PipelineMetrics metrics;
    private FrameDispatcher dispatcher;
    private ConnectionGroup group;
    private final UnsettledLog unsettled = new UnsettledLog();

    public BinanceConsumer(BinanceEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
    }

    @Override
    public BinanceEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        metrics = PipelineMetrics.of(endpoint.getCamelContext());
        metrics.registerStreams(config.streamSet().streams());
        String route = getRouteId();
        dispatcher = new FrameDispatcher(route + "-" + INSTANCE, config.getQueueCapacity(), config.getMaxInflight(),
                config.getBatchSize(), config.getDeliveryGate(), this::deliver);
        registerMeters(metrics.registry(), route);
        warnIfUnsafe();
        // socket -> group -> gap closer -> dispatcher: the closer holds a gapped stream's frames while it backfills
        GapCloser gaps = new GapCloser(dispatcher, config.gapSettings(), endpoint.getComponent().vertx(),
                metrics.registry(), route, INSTANCE);
        gaps.registerStreams(config.streamSet().streams());
        group = new ConnectionGroup(route, INSTANCE, config.streamSet(), config.connectionSettings(),
                endpoint.getComponent().vertx(), endpoint.getComponent().attempts(), gaps, metrics);
        dispatcher.start();
        endpoint.getComponent().register(this);
        LOG.info("Binance consumer starting: {} streams via {} ({} connection(s) of at most {} streams)",
                config.streamSet().streams().size(), config.getBaseUrl(),
                (config.streamSet().streams().size() + config.getStreamsPerConnection() - 1) / config.getStreamsPerConnection(),
                config.getStreamsPerConnection());
        group.start();
    }

    private void warnIfUnsafe() {
        if (config.isTls() && !config.isSslVerify()) {
            LOG.warn("""

                    ************************************************************************
                    *  TLS VERIFICATION IS OFF for {}
                    *  (k2.binance.ssl-verify=false / K2_BINANCE_SSL_VERIFY=false).
                    *  Anyone on the network path can feed this app fake market data.
                    *  Use K2_BINANCE_CA_BUNDLE to trust a private CA instead.
                    ************************************************************************""",
                    config.getBaseUrl());
        }
        if (config.isPlaintextToRemote()) {
            LOG.warn("""

                    ************************************************************************
                    *  PLAIN ws:// TO A REMOTE HOST: {}
                    *  (k2.binance.allow-plaintext=true). Nothing is encrypted or verified:
                    *  anyone on the network path can read and forge the market data.
                    ************************************************************************""",
                    config.getBaseUrl());
        }
    }

    private void registerMeters(MeterRegistry registry, String route) {
        FrameDispatcher d = dispatcher;
        Gauge.builder(MetricNames.INGEST_QUEUE, d, FrameDispatcher::queued).tag(MetricNames.TAG_ROUTE, route)
                .strongReference(false).register(registry);
        Gauge.builder(MetricNames.INGEST_INFLIGHT, d, FrameDispatcher::inflight).tag(MetricNames.TAG_ROUTE, route)
                .strongReference(false).register(registry);
    }

    /** Runs on the dispatcher thread, in arrival order. */
    private void deliver(List<BinanceFrame> frames, Runnable done) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        BinanceFrame first = frames.get(0);
        if (config.getBatchSize() == 1) {
            message.setBody(first.text());
            message.setHeader(BinanceHeaders.STREAM, first.streamOrUnknown());
            // a decimal string, so any Kafka tool can read the record header; the long rides along as a property
            message.setHeader(BinanceHeaders.RECEIVED_AT, Long.toString(first.receivedAtMicros()));
            exchange.setProperty(BinanceHeaders.RECEIVED_AT_MICROS_PROPERTY, first.receivedAtMicros());
            exchange.setProperty(BinanceHeaders.FRAME_PROPERTY, first);
        } else {
            message.setBody(frames);
        }
        message.setHeader(BinanceHeaders.CONNECTION_ID, first.connectionId());
        try {
            getAsyncProcessor().process(exchange, doneSync -> {
                try {
                    if (exchange.getException() != null) {
                        // the route's error policy dead-letters everything, so an exception left here means even
                        // that could not run (e.g. the dead-letter route already stopped at shutdown)
                        unsettled.failed(frames, exchange.getException(), metrics);
                    }
                } finally {
                    releaseExchange(exchange, false);
                    done.run();
                }
            });
        } catch (Exception e) {
            unsettled.failed(frames, e, metrics);
            releaseExchange(exchange, false);
            done.run();
        }
    }

    /** A snapshot for health checks and status lines. */
    public GroupStatus status() {
        return group.status();
    }

    /** Why this consumer is wedged, or null while it makes progress (or only waits for Kafka). */
    String wedged() {
        if (dispatcher == null || !isStarted()) {
            return null;
        }
        if (!dispatcher.isAlive()) {
            return getRouteId() + ": the ingest thread has died";
        }
        long stuck = dispatcher.handOverMillis();
        return stuck >= config.getWedgedAfter().toMillis() ? getRouteId() + ": one hand-over to the route has not returned for "
                + stuck / 1000 + " s" : null;
    }

    String updateStreams(io.k2.binance.connection.StreamSet next) {
        return getRouteId() + ": " + group.updateStreams(next);
    }

    void checkRotations() {
        if (group != null && isStarted()) {
            group.checkRotations();
        }
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.getComponent().unregister(this);
        long deadline = System.nanoTime() + config.getShutdownDrainTimeout().toNanos();
        if (group != null) {
            // 1. nothing more is read, so what is drained below is everything we will ever have received
            group.stopReading();
        }
        if (dispatcher != null) {
            LOG.info("Binance consumer stopping: settling {} queued and {} in-flight frames (at most {} s)",
                    dispatcher.queued(), dispatcher.inflight(), config.getShutdownDrainTimeout().toSeconds());
            // 2. every received frame acked or dead-lettered, within the budget
            FrameDispatcher.Leftover left = dispatcher.stop(deadline);
            unsettled.atShutdown(left.unsent(), left.awaitingKafka(), config.getShutdownDrainTimeout(), metrics);
        }
        if (group != null) {
            // 3. only now the sockets close, with 1000
            group.close("client shutdown");
        }
        super.doStop();
    }
}
