package io.k2.binance.component;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.k2.binance.normalize.FrameSize;
import io.k2.binance.normalize.Timestamps;
import io.k2.binance.observe.MetricNames;
import io.k2.binance.observe.PipelineMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one combined-stream WebSocket open to Binance and feeds every text frame to the route, in order.
 *
 * <p>It starts even when the server is down (it keeps retrying with backoff), reconnects after any
 * unexpected close, and never runs the route on the socket's event loop (see {@link FrameDispatcher}).
 * The connection lifecycle of the next iteration (rotation, heartbeat, watchdog, gap detection) hangs off
 * {@link #onOpen}/{@link #onClosed}: a rotation opens a second socket into the same dispatcher, so order
 * and accounting do not change.
 */
public class BinanceConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceConsumer.class);
    /** Distinguishes this process's connection ids from another instance's (blue/green). */
    private static final String INSTANCE = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    private static final long DRAIN_TIMEOUT_MILLIS = 30_000;

    private final BinanceEndpoint endpoint;
    private final ReconnectBackoff backoff;
    private final AtomicLong connectionSeq = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    /** Id of the connect attempt in progress; whoever moves it on (handshake result or deadline) owns the outcome. */
    private final AtomicLong attempt = new AtomicLong();

    private PipelineMetrics metrics;
    private Counter connects;
    private Counter pauses;
    private FrameDispatcher dispatcher;
    private WebSocketClient client;
    private Vertx vertx;

    private volatile boolean stopping;
    private volatile WebSocket socket;
    private volatile ConnectionState state = ConnectionState.STOPPED;
    private volatile String connectionId;
    private volatile long openSinceMillis;
    private volatile String lastError;
    private volatile long reconnectTimer = -1;

    public BinanceConsumer(BinanceEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.backoff = new ReconnectBackoff(endpoint.getReconnectInitialDelay(), endpoint.getReconnectMaxDelay());
    }

    @Override
    public BinanceEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        stopping = false;
        metrics = PipelineMetrics.of(endpoint.getCamelContext());
        metrics.registerStreams(endpoint.streamSet().streams());
        // tag by route id: short and stable, unlike the endpoint URI with all its options
        String key = getRouteId();
        dispatcher = new FrameDispatcher(getRouteId() + "-" + INSTANCE,
                endpoint.getQueueCapacity(), endpoint.getMaxInflight(), endpoint.getBatchSize(), this::deliver);
        registerMeters(metrics.registry(), key);
        if (endpoint.isTls() && !endpoint.isSslVerify()) {
            LOG.warn("""

                    ************************************************************************
                    *  TLS VERIFICATION IS OFF for {}
                    *  (k2.binance.ssl-verify=false / K2_BINANCE_SSL_VERIFY=false).
                    *  Anyone on the network path can feed this app fake market data.
                    *  Use K2_BINANCE_CA_BUNDLE to trust a private CA instead.
                    ************************************************************************""",
                    endpoint.getBaseUrl());
        }
        vertx = endpoint.getComponent().vertx();
        client = vertx.createWebSocketClient(clientOptions());
        dispatcher.start();
        endpoint.getComponent().register(this);
        LOG.info("Binance consumer starting: {} streams via {}", endpoint.streamSet().streams().size(),
                endpoint.streamUrl());
        connect();
    }

    private void registerMeters(MeterRegistry registry, String key) {
        connects = Counter.builder(MetricNames.CONNECTS).tag(MetricNames.TAG_ROUTE, key).register(registry);
        pauses = Counter.builder(MetricNames.BACKPRESSURE_PAUSES).tag(MetricNames.TAG_ROUTE, key).register(registry);
        FrameDispatcher d = dispatcher;
        Gauge.builder(MetricNames.CONNECTIONS_OPEN, open, AtomicInteger::get).tag(MetricNames.TAG_ROUTE, key)
                .register(registry);
        Gauge.builder(MetricNames.INGEST_QUEUE, d, FrameDispatcher::queued).tag(MetricNames.TAG_ROUTE, key)
                .strongReference(false).register(registry);
        Gauge.builder(MetricNames.INGEST_INFLIGHT, d, FrameDispatcher::inflight).tag(MetricNames.TAG_ROUTE, key)
                .strongReference(false).register(registry);
    }

    private WebSocketClientOptions clientOptions() {
        // Vert.x closes the socket (1009) above its own limits; keep them well above ours so that an
        // oversized frame is dead-lettered with its reason instead of costing a reconnect.
        int vertxLimit = (int) Math.min(Integer.MAX_VALUE, Math.max(4L * endpoint.getMaxFrameBytes(), 1 << 20));
        WebSocketClientOptions options = new WebSocketClientOptions()
                .setConnectTimeout(endpoint.getConnectTimeout())
                .setMaxFrameSize(vertxLimit)
                .setMaxMessageSize(vertxLimit);
        if (endpoint.isTls()) {
            TlsTrust.apply(options, endpoint.isSslVerify(), endpoint.getCaBundle());
        }
        return options;
    }

    private void connect() {
        if (stopping) {
            return;
        }
        state = ConnectionState.CONNECTING;
        long myAttempt = attempt.incrementAndGet();
        // Our own handshake deadline: WebSocketConnectOptions.setTimeout would also idle-close the open
        // socket later, and a server that accepts TCP but never answers the upgrade must not hang us.
        long deadline = vertx.setTimer(endpoint.getConnectTimeout(), t -> {
            if (attempt.compareAndSet(myAttempt, myAttempt + 1)) {
                onConnectFailed(new java.util.concurrent.TimeoutException("no WebSocket handshake within "
                        + endpoint.getConnectTimeout() + " ms (k2.binance.connect-timeout-ms)"));
            }
        });
        WebSocketConnectOptions target = new WebSocketConnectOptions().setAbsoluteURI(endpoint.streamUrl());
        client.connect(target).onComplete(ar -> {
            vertx.cancelTimer(deadline);
            if (!attempt.compareAndSet(myAttempt, myAttempt + 1)) {
                // this attempt already timed out and a new one is scheduled: never keep two sockets
                if (ar.succeeded()) {
                    ar.result().close();
                }
                return;
            }
            if (ar.succeeded()) {
                onOpen(ar.result());
            } else {
                onConnectFailed(ar.cause());
            }
        });
    }

    private void onOpen(WebSocket ws) {
        if (stopping) {
            ws.close();
            return;
        }
        String id = INSTANCE + "-" + connectionSeq.incrementAndGet();
        socket = ws;
        connectionId = id;
        openSinceMillis = System.currentTimeMillis();
        state = ConnectionState.OPEN;
        open.set(1);
        connects.increment();
        int failuresBefore = backoff.failures();
        backoff.reset();
        ws.textMessageHandler(text -> onText(ws, id, text));
        ws.binaryMessageHandler(buf -> onText(ws, id, buf.toString(StandardCharsets.UTF_8)));
        ws.exceptionHandler(e -> LOG.warn("Binance connection {} error: {}", id, e.toString()));
        ws.closeHandler(v -> onClosed(ws, id, ws.closeStatusCode(), ws.closeReason()));
        LOG.info("Binance connection {} open to {}{}", id, endpoint.getBaseUrl(),
                failuresBefore > 0 ? " after " + failuresBefore + " failed attempt(s)" : "");
    }

    private void onText(WebSocket ws, String id, String text) {
        long receivedAt = Timestamps.nowMicros();
        String stream = FrameStream.peek(text);
        metrics.received(stream);
        BinanceFrame frame = new BinanceFrame(text, stream, id, receivedAt,
                FrameSize.exceeds(text, endpoint.getMaxFrameBytes()));
        if (dispatcher.offer(frame, () -> vertx.runOnContext(v -> ws.resume()))) {
            ws.pause();
            pauses.increment();
        }
    }

    private void onConnectFailed(Throwable cause) {
        lastError = "connect failed: " + cause;
        metrics.registry().counter(MetricNames.DISCONNECTS, MetricNames.TAG_ROUTE, getRouteId(),
                MetricNames.TAG_CAUSE, "connect_failed").increment();
        long delay = backoff.nextDelayMillis();
        LOG.warn("Cannot connect to {}: {}. Retrying in {} ms (attempt {}). Check k2.binance.base-url "
                        + "(K2_BINANCE_BASE_URL), the network path and the TLS settings.",
                endpoint.getBaseUrl(), cause.getMessage(), delay, backoff.failures());
        scheduleReconnect(delay);
    }

    private void onClosed(WebSocket ws, String id, Short code, String reason) {
        if (socket == ws) {
            socket = null;
            connectionId = null;
            open.set(0);
        }
        if (stopping) {
            state = ConnectionState.STOPPED;
            return;
        }
        String codeText = code == null ? "1006 (no close frame)" : code + (reason == null ? "" : " " + reason);
        lastError = "closed by server: " + codeText;
        metrics.registry().counter(MetricNames.DISCONNECTS, MetricNames.TAG_ROUTE, getRouteId(),
                MetricNames.TAG_CAUSE, "close_" + (code == null ? 1006 : code)).increment();
        long delay = backoff.nextDelayMillis();
        LOG.warn("Binance connection {} closed: {}. Reconnecting in {} ms.", id, codeText, delay);
        scheduleReconnect(delay);
    }

    private void scheduleReconnect(long delayMillis) {
        if (stopping) {
            return;
        }
        state = ConnectionState.WAITING_TO_RECONNECT;
        reconnectTimer = vertx.setTimer(delayMillis, t -> connect());
    }

    /** Runs on the dispatcher thread, in arrival order. */
    private void deliver(List<BinanceFrame> frames, Runnable done) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        BinanceFrame first = frames.get(0);
        if (endpoint.getBatchSize() == 1) {
            message.setBody(first.text());
            message.setHeader(BinanceHeaders.STREAM, first.streamOrUnknown());
            // a decimal string, so any Kafka tool can read the record header; the long rides along as a property
            message.setHeader(BinanceHeaders.RECEIVED_AT, Long.toString(first.receivedAtMicros()));
            exchange.setProperty(BinanceHeaders.RECEIVED_AT_MICROS_PROPERTY, first.receivedAtMicros());
            if (first.oversized()) {
                message.setHeader(BinanceHeaders.OVERSIZED, Boolean.TRUE);
            }
        } else {
            message.setBody(frames);
        }
        message.setHeader(BinanceHeaders.CONNECTION_ID, first.connectionId());
        try {
            getAsyncProcessor().process(exchange, doneSync -> {
                try {
                    if (exchange.getException() != null) {
                        // the route's error policy dead-letters everything, so an exception left here means even
                        // that could not run (e.g. the dead-letter route already stopped at shutdown): count it
                        // and log the frames in full, so they are never lost silently
                        frames.forEach(f -> unaccounted(f, exchange.getException()));
                    }
                } finally {
                    releaseExchange(exchange, false);
                    done.run();
                }
            });
        } catch (Exception e) {
            frames.forEach(f -> unaccounted(f, e));
            releaseExchange(exchange, false);
            done.run();
        }
    }

    private void unaccounted(BinanceFrame frame, Throwable cause) {
        metrics.deadLetterFailed(frame.stream(), "unaccounted");
        LOG.error("Frame neither written to Kafka nor dead-lettered ({}); logged here so it is not lost. "
                + "stream={} connectionId={} receivedAt={} frame={}", cause.toString(), frame.stream(),
                frame.connectionId(), frame.receivedAtMicros(), frame.text());
    }

    /** A snapshot for health checks and status lines. */
    public ConnectionStatus status() {
        return new ConnectionStatus(getRouteId(), endpoint.getEndpointKey(), endpoint.streamUrl(), state, connectionId,
                openSinceMillis, backoff.failures(), lastError, !endpoint.isTls() || endpoint.isSslVerify());
    }

    @Override
    protected void doStop() throws Exception {
        stopping = true;
        endpoint.getComponent().unregister(this);
        if (reconnectTimer >= 0 && vertx != null) {
            vertx.cancelTimer(reconnectTimer);
        }
        WebSocket ws = socket;
        if (ws != null) {
            // stop reading first, so that what we drain below is everything we will ever have received
            ws.close((short) 1000, "client shutdown");
        }
        if (dispatcher != null) {
            LOG.info("Binance consumer stopping: draining {} queued and {} in-flight frames", dispatcher.queued(),
                    dispatcher.inflight());
            for (BinanceFrame left : dispatcher.stop(DRAIN_TIMEOUT_MILLIS)) {
                unaccounted(left, new IllegalStateException("shutdown drain timed out"));
            }
            awaitInflight();
        }
        if (client != null) {
            client.close();
        }
        state = ConnectionState.STOPPED;
        open.set(0);
        super.doStop();
    }

    private void awaitInflight() throws InterruptedException {
        long deadline = System.currentTimeMillis() + DRAIN_TIMEOUT_MILLIS;
        while (dispatcher.inflight() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20); // shutdown path only: waiting on Kafka callbacks we do not own
        }
        if (dispatcher.inflight() > 0) {
            LOG.warn("{} exchanges still awaited their Kafka outcome at shutdown", dispatcher.inflight());
        }
    }
}
