package io.k2.binance.simulator;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.net.PfxOptions;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A local server that speaks the Binance spot WebSocket market-data protocol (docs: binance-protocol.md),
 * with generated or replayed data, a ledger of everything sent, a history of everything the market
 * generated, and hooks to inject faults into all connections or one, also from outside the JVM over
 * {@code /sim/...} (see {@link ControlEndpoint}).
 *
 * <p>It is built directly on the Vert.x core {@link HttpServer} and {@link ServerWebSocket} rather than on
 * camel-vertx-websocket's server consumer, because it needs per-connection ping/pong control, incoming rate
 * limits, handshakes refused with HTTP 429 and abrupt TCP closes, none of which the Camel consumer exposes.
 *
 * <p>All state lives on one Vert.x event loop (its own {@link Vertx} with a single event-loop thread), so
 * the simulator needs no locks; the public methods hop onto that loop and wait.
 */
public final class BinanceSimulator implements AutoCloseable {

    private static final long HOUSEKEEPING_MS = 20;
    private static final long WAIT_SECONDS = 30;

    private final SimulatorConfig config;
    private final Vertx vertx;
    private final Context loop;
    private final Ledger ledger;
    private final History history;
    private final Subscriptions subscriptions;
    private final MarketGenerator generator;
    private final ReplaySource replay;
    private final ControlMessageHandler control;
    private final RestApi rest;
    private final RestWeight restWeight;
    private final ControlEndpoint controlEndpoint;
    private final ConnectionAttemptLimit attempts;
    private final SelfSignedCertificate certificate;
    private final Map<String, SimulatedConnection> connections = new LinkedHashMap<>();
    /** Every connection that has gone, in the order they went; read from test threads. */
    private final List<ClosedConnection> closeRecords = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Every handshake attempt, answered or refused, in order; read from test threads. */
    private final List<Handshake> handshakes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final long pingIntervalNanos;
    private HttpServer server;
    private volatile boolean listeningNow;
    private volatile int port;
    private volatile int connectionCount;
    private long connectionSeq;
    private long lastPingRoundNanos;
    private boolean pingsPaused;
    private boolean pongsIgnored;
    private int rejectNext;
    private int rejectStatus;
    private long rejectRetryAfterSeconds;
    private long timerId = -1;
    private long housekeepingId = -1;
    private volatile boolean closed;
    /** Set once the event loop is going away; calls after that fail fast instead of timing out. */
    private volatile boolean stopped;

    private BinanceSimulator(SimulatorConfig config) {
        this.config = config;
        this.pingIntervalNanos = config.pingInterval().toNanos();
        this.certificate = config.tls() ? SelfSignedCertificate.generate() : null;
        this.ledger = new Ledger(config.ledgerEnabled(), config.ledgerFile());
        SplittableRandom random = new SplittableRandom(config.seed());
        Map<String, SymbolMarket> markets = new LinkedHashMap<>();
        if (config.replay() == null) {
            for (SymbolSpec spec : config.symbols()) {
                markets.put(spec.streamSymbol(), new SymbolMarket(spec, random.split(), config.historySize(), config.bookHistory()));
            }
        }
        this.history = new History(config.historySize());
        this.subscriptions = new Subscriptions(markets, ledger, history, config);
        this.generator = new MarketGenerator(config, subscriptions, random.split(), System.nanoTime());
        this.replay = config.replay() == null ? null : ReplaySource.load(config.replay(), config.replayRatePerSecond());
        this.control = new ControlMessageHandler(subscriptions, config.maxStreamsPerConnection(), config.maxSubscribeFrameBytes());
        this.restWeight = new RestWeight(config.restWeightLimit(), config.restWeightWindow(), config.restBanAfter429s(),
                config.restBanDuration());
        this.rest = new RestApi(subscriptions, restWeight, config.restWeightWindow());
        this.controlEndpoint = new ControlEndpoint(this, config.controlFromAnyHost());
        this.attempts = new ConnectionAttemptLimit(config.connectionAttemptsPerWindow(), config.connectionAttemptWindow());
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.loop = vertx.getOrCreateContext();
    }

    /**
     * Starts a simulator and returns once it is listening (or, with {@code listening(false)}, once its
     * market runs).
     *
     * @throws IllegalStateException when it cannot listen; a taken port has a {@link BindException} as cause
     */
    public static BinanceSimulator start(SimulatorConfig config) {
        BinanceSimulator sim = new BinanceSimulator(config);
        try {
            if (config.listening()) {
                sim.awaitOnLoop(() -> sim.bind(config.port()));
            } else if (config.port() == 0) {
                // A server down at start-up still needs the port it will come up on, known in advance.
                sim.awaitOnLoop(() -> sim.bind(0));
                sim.awaitOnLoop(sim::unbind);
            } else {
                sim.port = config.port();
            }
            sim.onLoop(() -> {
                sim.timerId = sim.vertx.setPeriodic(config.tickInterval().toMillis(), id -> sim.generator.tick(System.nanoTime()));
                sim.housekeepingId = sim.vertx.setPeriodic(HOUSEKEEPING_MS, id -> sim.housekeeping(System.nanoTime()));
                sim.lastPingRoundNanos = System.nanoTime();
                return null;
            });
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
        return sim;
    }

    private Future<Void> bind(int onPort) {
        // No h2c: the JDK HTTP client would upgrade to it, and an HTTP/2 GOAWAY cuts short the answer to
        // "down", which closes its connection right after answering.
        HttpServerOptions options = new HttpServerOptions().setHost(config.host()).setPort(onPort)
                .setHttp2ClearTextEnabled(false)
                .setMaxWebSocketFrameSize(1 << 20).setMaxWebSocketMessageSize(1 << 20);
        if (certificate != null) {
            options.setSsl(true).setKeyCertOptions(new PfxOptions().setPath(certificate.keyStore().toString())
                    .setPassword(certificate.password()));
        }
        HttpServer s = vertx.createHttpServer(options).requestHandler(this::route);
        return s.listen().<Void>map(ok -> {
            server = s;
            port = ok.actualPort();
            listeningNow = true;
            return null;
        }).recover(e -> Future.failedFuture(e instanceof BindException
                ? new IllegalStateException("port " + onPort + " on " + config.host() + " is already in use", e)
                : new IllegalStateException("cannot listen on " + config.host() + ":" + onPort + ": " + e.getMessage(), e)));
    }

    /** A server gone: its connections drop without a close frame, new ones are refused at TCP. */
    private Future<Void> unbind() {
        for (SimulatedConnection c : List.copyOf(connections.values())) {
            c.dropAbruptly();
            gone(c);
        }
        listeningNow = false;
        HttpServer s = server;
        server = null;
        return s == null ? Future.succeededFuture() : s.close();
    }

    /** {@code down} from the control endpoint: off now, on again {@code downFor} later. On the loop. */
    void goDown(Duration downFor) {
        System.out.println("[simulator] down for " + downFor.toMillis() + " ms (fault)");
        unbind().onComplete(v -> vertx.setTimer(Math.max(1, downFor.toMillis()), id -> {
            if (!closed) {
                bind(port).onSuccess(ok -> System.out.println("[simulator] up again on port " + port))
                        .onFailure(e -> System.err.println("[simulator] cannot listen again: " + e.getMessage()));
            }
        }));
    }

    // ---- HTTP routing and handshakes -----------------------------------------------------------

    private void route(HttpServerRequest request) {
        String path = request.path();
        boolean wsPath = path.equals("/ws") || path.startsWith("/ws/") || path.equals("/stream") || path.equals("/stream/");
        if (wsPath && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            handshake(request, path);
        } else if (path.startsWith("/api/")) {
            rest.handle(request);
        } else if (path.startsWith("/sim/")) {
            controlEndpoint.handle(request);
        } else {
            request.response().setStatusCode(404).end("Not found: " + path + " (try /ws/<stream>, /stream?streams=, /api/v3/depth, /sim/status)\n");
        }
    }

    private void handshake(HttpServerRequest request, String path) {
        long now = System.nanoTime();
        if (closed) {
            request.response().setStatusCode(503).end();
            return;
        }
        if (rejectNext > 0) {
            rejectNext--;
            handshakes.add(new Handshake(java.time.Instant.now(), rejectStatus));
            request.response().setStatusCode(rejectStatus).putHeader("Retry-After", Long.toString(rejectRetryAfterSeconds))
                    .end(rejectStatus == 418 ? "IP banned\n" : "Too many requests\n");
            return;
        }
        if (!attempts.admit(request.remoteAddress().hostAddress(), now)) {
            request.response().setStatusCode(429).putHeader("Retry-After", Long.toString(config.connectionAttemptWindow().toSeconds()))
                    .end("Too many connection attempts\n");
            return;
        }
        boolean combined = path.startsWith("/stream");
        List<StreamName> initial = new ArrayList<>();
        String names = combined ? request.getParam("streams")
                : path.length() > 4 ? QueryStringDecoder.decodeComponent(path.substring(4)) : null;
        if (names != null && !names.isEmpty()) {
            for (String n : names.split("/")) {
                StreamName name = StreamName.parse(n);
                if (name == null) {
                    request.response().setStatusCode(400).end("Invalid request: invalid stream " + n + "\n");
                    return;
                }
                initial.add(name);
            }
        }
        if (initial.stream().map(StreamName::name).distinct().count() > config.maxStreamsPerConnection()) {
            request.response().setStatusCode(400).end("Too many subscriptions\n");
            return;
        }
        String timeUnit = request.getParam("timeUnit");
        boolean micros;
        if (timeUnit == null || timeUnit.equals("MILLISECOND") || timeUnit.equals("millisecond")) {
            micros = false;
        } else if (timeUnit.equals("MICROSECOND") || timeUnit.equals("microsecond")) {
            micros = true;
        } else {
            request.response().setStatusCode(400).end("Invalid timeUnit " + timeUnit + "\n");
            return;
        }
        handshakes.add(new Handshake(java.time.Instant.now(), 101));
        request.toWebSocket().onSuccess(ws -> open(request, ws, combined, micros, initial));
    }

    /**
     * One WebSocket handshake that reached the server: when, and the HTTP status it was answered with (101 for
     * an upgrade, or the status of {@link #rejectHandshakes}). For tests of the client's connect timing.
     */
    public record Handshake(java.time.Instant at, int status) {
    }

    /** Every handshake so far that was upgraded or refused by {@link #rejectHandshakes}, oldest first. */
    public List<Handshake> handshakes() {
        return List.copyOf(handshakes);
    }

    private void open(HttpServerRequest request, ServerWebSocket ws, boolean combined, boolean micros, List<StreamName> initial) {
        long now = System.nanoTime();
        SimulatedConnection c = new SimulatedConnection("c" + (++connectionSeq), ws, request, combined, micros, config, now);
        connections.put(c.id, c);
        connectionCount = connections.size();
        ws.frameHandler(frame -> {
            if (frame.type() == WebSocketFrameType.PING && !admit(c)) {
                return;
            }
            if (frame.type() == WebSocketFrameType.PONG && admit(c) && !pongsIgnored) {
                c.pong(frame.textData());
            }
        });
        ws.textMessageHandler(text -> {
            if (admit(c)) {
                String answer = control.handle(c, text);
                if (answer != null) {
                    c.write(answer);
                }
            }
        });
        ws.closeHandler(v -> gone(c));
        ws.exceptionHandler(e -> gone(c));
        for (StreamName name : initial) {
            subscriptions.subscribe(c, name);
        }
        if (replay != null) {
            replay.start(c, subscriptions, vertx);
        }
    }

    /** Counts an incoming ping, pong or control message; the one over the limit closes the connection. */
    private boolean admit(SimulatedConnection c) {
        if (c.isClosed()) {
            return false;
        }
        if (!c.rateLimit.admit(System.nanoTime())) {
            c.close(SimulatedConnection.POLICY_VIOLATION, "Too many requests");
            gone(c);
            return false;
        }
        return true;
    }

    private void gone(SimulatedConnection c) {
        c.markClosed();
        if (connections.remove(c.id) != null) {
            closeRecords.add(c.closeRecord());
            subscriptions.unsubscribeAll(c);
            connectionCount = connections.size();
        }
    }

    // ---- heartbeat and lifetime -----------------------------------------------------------------

    private void housekeeping(long now) {
        boolean pingRound = now - lastPingRoundNanos >= pingIntervalNanos;
        if (pingRound) {
            lastPingRoundNanos = now;
        }
        for (SimulatedConnection c : List.copyOf(connections.values())) {
            if (c.pongOverdue(now)) {
                c.close(SimulatedConnection.POLICY_VIOLATION, "Pong timeout");
                gone(c);
            } else if (c.lifetimeOver(now)) {
                c.close(SimulatedConnection.GOING_AWAY, "Connection lifetime reached");
                gone(c);
            } else {
                if (c.shutdownNoticeDue(now)) {
                    c.announceShutdown(now, config.shutdownNotice().toNanos());
                }
                if (pingRound && !pingsPaused) {
                    c.ping(now);
                }
            }
        }
    }

    // ---- public API -----------------------------------------------------------------------------

    public int port() {
        return port;
    }

    /** {@code ws://host:port} or {@code wss://host:port}; append {@code /ws/<stream>} or {@code /stream?streams=}. */
    public String wsBaseUrl() {
        return (config.tls() ? "wss://" : "ws://") + hostForUrl() + ":" + port;
    }

    /** {@code http(s)://host:port}; append {@code /api/v3/depth?symbol=BTCUSDT}. */
    public String restBaseUrl() {
        return (config.tls() ? "https://" : "http://") + hostForUrl() + ":" + port;
    }

    private String hostForUrl() {
        String h = config.host();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    public SimulatorConfig config() {
        return config;
    }

    public Ledger ledger() {
        return ledger;
    }

    public int connectionCount() {
        return connectionCount;
    }

    /** Ids of the open connections ({@code c1}, ...), matching {@link LedgerEntry#connectionId()}. */
    public List<String> connectionIds() {
        return onLoop(() -> List.copyOf(connections.keySet()));
    }

    /** The open connections with their subscriptions and the targeted faults in force. */
    public List<ConnectionInfo> connections() {
        return onLoop(() -> connections.values().stream().map(c -> new ConnectionInfo(c.id, c.remoteIp, c.combined,
                c.micros, List.copyOf(c.subscriptions), c.faults())).toList());
    }

    /**
     * Every connection that has gone so far, in the order they went, with who closed it and the close code:
     * e.g. the client's 1000 at its shutdown, or the simulator's 1008 "Pong timeout".
     */
    public List<ClosedConnection> closedConnections() {
        return List.copyOf(closeRecords);
    }

    /** Everything the market generated, per stream, subscribed or not, in a bounded ring per stream. */
    public History history() {
        return history;
    }

    /** Whether it accepts connections now (see {@link #stopListening()}). */
    public boolean isListening() {
        return listeningNow;
    }

    /** PEM of the self-signed certificate (its own CA); null without TLS. */
    public Path caCertificatePem() {
        return certificate == null ? null : certificate.pem();
    }

    /**
     * Data events sent to at least one connection so far, each counted once however many got it: what
     * {@link SimulatorConfig#maxEvents()} limits. Events nobody was sent are in {@link #marketEvents()}.
     */
    public long eventsGenerated() {
        return generator.delivered();
    }

    /** Data events the market generated so far, whether or not anyone was sent them. */
    public long marketEvents() {
        return generator.generated();
    }

    /** Data frames written so far, over all connections. */
    public long framesSent() {
        return subscriptions.framesSent();
    }

    /** Times a connection skipped a tick because its write queue was full. */
    public long backoffs() {
        return subscriptions.backoffs();
    }

    // ---- fault hooks ----------------------------------------------------------------------------

    /** Closes every connection at the TCP level without a close frame; clients see 1006. */
    public void dropConnectionsAbruptly() {
        forEachConnection(SimulatedConnection::dropAbruptly);
    }

    /** Closes every connection with this close frame. */
    public void closeConnections(int code, String reason) {
        forEachConnection(c -> c.close(code, reason));
    }

    /** Stops (true) or resumes sending pings. */
    public void pausePings(boolean paused) {
        onLoop(() -> pingsPaused = paused);
    }

    /** Stops (true) or resumes counting pongs, so the pong timeout fires although the client answers. */
    public void ignorePongs(boolean ignored) {
        onLoop(() -> pongsIgnored = ignored);
    }

    /**
     * Stops (true) or resumes data to every connection, new ones included, while keeping connections and
     * pings alive. The market goes on: after resuming, ids jump by what was generated meanwhile.
     */
    public void stallData(boolean stalled) {
        onLoop(() -> {
            subscriptions.stallData(stalled);
            return null;
        });
    }

    /** Sends an arbitrary text frame (e.g. malformed JSON) to every connection. Not recorded in the ledger. */
    public void sendRaw(String frame) {
        forEachConnection(c -> c.write(frame));
    }

    /**
     * The next diff-depth event of {@code symbol} is generated but not sent: a gap in U/u. The same as
     * {@link #skipEvents} on the symbol's diff-depth stream (the first of them, when it has several).
     */
    public void dropNextDepthEvent(String symbol) {
        onLoop(() -> {
            String lower = symbol.toLowerCase(Locale.ROOT);
            if (subscriptions.market(lower) == null) {
                throw new IllegalArgumentException("symbol not simulated: " + symbol);
            }
            MarketStream diff = subscriptions.producing().stream()
                    .filter(s -> s.name.symbol().equals(lower) && s.name.kind() == StreamName.Kind.DIFF_DEPTH)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("the market of " + symbol
                            + " has no diff-depth stream; add depth@100ms to streams or subscribe to one first"));
            diff.skip(1);
            return null;
        });
    }

    /**
     * The next {@code count} events of {@code stream} (e.g. {@code btcusdt@trade}, {@code btcusdt@aggTrade},
     * {@code btcusdt@depth@100ms}) are generated and recorded in the history with {@code receivers} 0 (and
     * stay on the REST trade endpoints) but sent to nobody: every subscriber sees the ids jump. Counts
     * events, not taker orders: a skip of 2 trades may cut one order's trades in half. Calls add up.
     */
    public void skipEvents(String stream, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("skip needs count >= 1");
        }
        onLoop(() -> {
            MarketStream s = subscriptions.stream(stream);
            if (s == null || s.market == null) {
                throw new IllegalArgumentException(stream + " is not part of the simulated market; its streams are "
                        + subscriptions.producing().stream().map(p -> p.name.name()).toList());
            }
            s.skip(count);
            return null;
        });
    }
    /** Sends {@code serverShutdown} to every connection now and closes them {@code shutdownNotice} later. */
    public void sendServerShutdown() {
        forEachConnection(c -> c.announceShutdown(System.nanoTime(), config.shutdownNotice().toNanos()));
    }

    // ---- targeted fault hooks: one connection, by its id (c1, c2, ...) --------------------------

    /** Stops (true) or resumes data to one connection; its pings go on, and so does the market. */
    public void stallData(String connectionId, boolean stalled) {
        onConnection(connectionId, c -> c.stallData(stalled));
    }

    /** Stops (true) or resumes one stream on one connection; its other streams and other connections go on. */
    public void stallStream(String connectionId, String stream, boolean stalled) {
        onConnection(connectionId, c -> {
            if (!c.subscriptions.contains(stream)) {
                throw new IllegalArgumentException(connectionId + " does not subscribe to " + stream + "; it has " + c.subscriptions);
            }
            c.stallStream(stream, stalled);
        });
    }

    /** Half-open (true): the connection's incoming pings are swallowed, no pong goes back; data and server pings go on. */
    public void swallowPings(String connectionId, boolean swallowed) {
        onConnection(connectionId, c -> c.swallowPings(swallowed));
    }

    /**
     * Freezes (true) a connection like a SIGSTOPped server: no data, no pings sent, client pings and
     * messages left unread until thawed, no timeouts, and the socket stays open. false thaws it.
     */
    public void freeze(String connectionId, boolean frozen) {
        onConnection(connectionId, c -> c.freeze(frozen));
    }

    /** Closes one connection at the TCP level without a close frame; the client sees 1006. */
    public void dropConnectionAbruptly(String connectionId) {
        onConnection(connectionId, SimulatedConnection::dropAbruptly);
    }

    /** Closes one connection with this close frame, e.g. 1008 "Too many requests". */
    public void closeConnection(String connectionId, int code, String reason) {
        onConnection(connectionId, c -> c.close(code, reason));
    }

    /** Sends {@code serverShutdown} to one connection now and closes it {@code shutdownNotice} later. */
    public void sendServerShutdown(String connectionId) {
        onConnection(connectionId, c -> c.announceShutdown(System.nanoTime(), config.shutdownNotice().toNanos()));
    }

    /** Sends an arbitrary text frame to one connection. Not recorded in the ledger. */
    public void sendRaw(String connectionId, String frame) {
        onConnection(connectionId, c -> c.write(frame));
    }

    /**
     * Refuses the next {@code count} WebSocket handshakes with HTTP {@code status} (429 rate limited, 418
     * banned) and {@code Retry-After} in whole seconds. Refused handshakes do not count towards the attempt limit.
     */
    public void rejectHandshakes(int count, int status, Duration retryAfter) {
        if (count < 0 || status < 400 || status > 599) {
            throw new IllegalArgumentException("reject needs count >= 0 and an HTTP error status such as 429 or 418");
        }
        onLoop(() -> {
            rejectNext = count;
            rejectStatus = status;
            rejectRetryAfterSeconds = Math.max(0, (retryAfter.toMillis() + 999) / 1000);
            return null;
        });
    }

    /**
     * Answers the next {@code count} REST requests ({@code /api/...}) with HTTP {@code status} (429 or 418),
     * Binance's -1003 body and {@code Retry-After} in whole seconds (rounded up), whatever their weight.
     */
    public void rejectRest(int count, int status, Duration retryAfter) {
        if (count < 0 || (status != 429 && status != 418)) {
            throw new IllegalArgumentException("rest-reject needs count >= 0 and status 429 or 418");
        }
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        onLoop(() -> {
            restWeight.force(count, status, seconds);
            return null;
        });
    }

    /** Lifts a REST ban (418) and forgets the 429 state and pending {@link #rejectRest} answers. */
    public void clearRestBan() {
        onLoop(() -> {
            restWeight.unban();
            return null;
        });
    }

    /**
     * REST requests so far to one path, e.g. {@code /api/v3/historicalTrades}, refused ones included;
     * paths that are not simulated are counted together under {@code "other"}.
     */
    public long restRequests(String path) {
        return onLoop(() -> rest.requests(path));
    }

    /** REST answers so far with this HTTP status (200, 400, 429, 418, ...). */
    public long restResponses(int status) {
        return onLoop(() -> rest.responses(status));
    }

    /** REST weight used in the current window: what {@code X-MBX-USED-WEIGHT-<window>} says now. */
    public int restUsedWeight() {
        return onLoop(() -> restWeight.used(System.currentTimeMillis()));
    }

    /** The highest REST weight any window reached so far, refused requests included; over the limit means a 429. */
    public int restMaxUsedWeight() {
        return onLoop(restWeight::maxUsed);
    }

    /** End of the current or last REST ban (418), or null when none was imposed since start or {@link #clearRestBan()}. */
    public java.time.Instant restBannedUntil() {
        long until = onLoop(restWeight::bannedUntil);
        return until == 0 ? null : java.time.Instant.ofEpochMilli(until);
    }

    /**
     * The whole order book of {@code symbol} as it stood right after the diff-depth event whose final
     * update id {@code u} is {@code updateId}, or null when not held: book history is off
     * ({@link SimulatorConfig#bookHistory()} 0, the default), the id is not a diff-depth event's {@code u},
     * or it is older than the last {@code bookHistory} emissions.
     */
    public BookState bookAt(String symbol, long updateId) {
        return onLoop(() -> {
            SymbolMarket m = subscriptions.market(symbol.toLowerCase(Locale.ROOT));
            if (m == null) {
                throw new IllegalArgumentException("symbol not simulated: " + symbol);
            }
            return m.bookAt(updateId);
        });
    }

    /**
     * Stops listening, as a server that went down: open connections drop without a close frame and new
     * ones are refused, while the market keeps running. Also takes {@code /sim/} away until
     * {@link #startListening()}.
     */
    public void stopListening() {
        awaitOnLoop(this::unbind);
    }

    /** Listens again on the same port; idempotent. */
    public void startListening() {
        awaitOnLoop(() -> listeningNow ? Future.succeededFuture() : bind(port));
    }

    /**
     * Sends again an event of the stream's history, {@code back} positions before the newest (1 = the
     * newest): a duplicate trade id or an old depth {@code u}. Goes to {@code connectionId}, or with null to
     * every subscriber of the stream; recorded in the ledger, as it was sent.
     *
     * @return the event sent again
     */
    public HistoryEvent resendOldEvent(String stream, int back, String connectionId) {
        return onLoop(() -> {
            if (history.capacity() == 0) {
                throw new IllegalArgumentException("history is off (historySize 0); a duplicate is taken from it");
            }
            HistoryEvent event = history.back(stream, back);
            if (event == null) {
                throw new IllegalArgumentException("the history of " + stream + " holds " + Math.min(history.generated(stream),
                        history.capacity()) + " events, none " + back + " back; GET /sim/history lists its streams");
            }
            List<SimulatedConnection> targets = new ArrayList<>();
            if (connectionId != null) {
                targets.add(connection(connectionId));
            } else {
                MarketStream s = subscriptions.stream(stream);
                if (s != null) {
                    targets.addAll(s.subscribers);
                }
            }
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("no connection subscribes to " + stream);
            }
            for (SimulatedConnection c : targets) {
                subscriptions.resend(c, stream, event.event());
            }
            return event;
        });
    }

    private SimulatedConnection connection(String id) {
        SimulatedConnection c = connections.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no open connection " + id + "; open now: " + connections.keySet()
                    + " (see connectionIds() or GET /sim/connections)");
        }
        return c;
    }

    private void onConnection(String connectionId, java.util.function.Consumer<SimulatedConnection> action) {
        onLoop(() -> {
            SimulatedConnection c = connection(connectionId);
            action.accept(c);
            if (c.isClosed()) {
                gone(c);
            }
            return null;
        });
    }

    private void forEachConnection(java.util.function.Consumer<SimulatedConnection> action) {
        onLoop(() -> {
            for (SimulatedConnection c : List.copyOf(connections.values())) {
                action.accept(c);
                if (c.isClosed()) {
                    gone(c);
                }
            }
            return null;
        });
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    /** Closes every connection with 1001 and stops; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            onLoop(() -> {
                vertx.cancelTimer(timerId);
                vertx.cancelTimer(housekeepingId);
                for (SimulatedConnection c : List.copyOf(connections.values())) {
                    c.close(SimulatedConnection.GOING_AWAY, "Simulator stopping");
                    gone(c);
                }
                return null;
            });
            HttpServer s = server;
            if (s != null) {
                waitFor(s.close().toCompletionStage().toCompletableFuture());
            }
        } catch (RuntimeException e) {
            // Stopping goes on: the Vert.x instance and the files must go whatever happened above.
        } finally {
            stopped = true;
            waitFor(vertx.close().toCompletionStage().toCompletableFuture());
            ledger.close();
            if (certificate != null) {
                certificate.close();
            }
        }
    }

    private <T> T onLoop(Supplier<T> action) {
        if (stopped) {
            throw new IllegalStateException("the simulator is stopped");
        }
        if (onLoopThread()) {
            return action.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.runOnContext(v -> {
            try {
                result.complete(action.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return waitFor(result);
    }

    /**
     * Whether the caller already runs on the simulator's event loop. Compared by thread, not context: HTTP
     * handlers run on the server's own context, on the same single loop thread, and waiting there for a
     * task queued behind themselves would block the loop for good.
     */
    private boolean onLoopThread() {
        Context current = Vertx.currentContext();
        return current != null && current.owner() == vertx && Context.isOnEventLoopThread();
    }

    /** Runs an asynchronous action on the loop and waits for its result; not callable from the loop itself. */
    private <T> T awaitOnLoop(Supplier<Future<T>> action) {
        if (onLoopThread()) {
            throw new IllegalStateException("cannot wait on the simulator's own event loop");
        }
        if (stopped) {
            throw new IllegalStateException("the simulator is stopped");
        }
        CompletableFuture<Future<T>> started = new CompletableFuture<>();
        loop.runOnContext(v -> {
            try {
                started.complete(action.get());
            } catch (Throwable t) {
                started.completeExceptionally(t);
            }
        });
        return waitFor(waitFor(started).toCompletionStage().toCompletableFuture());
    }

    private <T> T waitFor(CompletableFuture<T> future) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the simulator did not answer within " + WAIT_SECONDS + " s", e);
        }
    }
}
