package io.k2.binance.connection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.k2.binance.observe.LogText;
import io.k2.binance.observe.MetricNames;
import io.k2.binance.observe.PipelineMetrics;
import io.k2.binance.sequence.GapCause;
import io.k2.binance.sequence.Position;
import io.k2.binance.sequence.SequenceTracker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of an endpoint's connections: its shards (1024 streams each at most), the overlap of their
 * rotations, the sequence tracker that drops what was already delivered, back-pressure, the stale-stream
 * watchdog and the status that health checks read. Everything a frame goes through between the socket and
 * the ordered dispatcher happens here, on one Vert.x event loop, so none of it needs a lock:
 * socket → {@link BinanceConnection} → this group (control frames acted on, duplicates dropped) → {@link FrameSink}.
 */
public final class ConnectionGroup {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGroup.class);
    static final long BINANCE_LIFETIME_MILLIS = TimeUnit.HOURS.toMillis(24);
    private static final long HOUSEKEEPING_MILLIS = 250;
    /** A SUBSCRIBE that Binance has not answered in this long is lost (oversized frames get no answer, §2). */
    private static final long SUBSCRIBE_ANSWER_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final AtomicLong REQUEST_IDS = new AtomicLong();
    private static final int HELD_LIMIT = 10_000;
    private static final List<String> ROTATION_REASONS = List.of("lifetime", "near_cutoff", "server_shutdown",
            "pong_timeout", "stale", "stream_stale");
    private static final List<String> COMMON_RECONNECT_REASONS = List.of("close_1006", "close_1000", "close_1001",
            "close_1008", "connect_failed", "handshake_timeout", "http_429", "http_418");

    private final String route;
    private final String instance;
    private final ConnectionSettings settings;
    private final Vertx vertx;
    private final Context context;
    private final WebSocketClient client;
    private final ConnectAttemptBudget attempts;
    private final FrameSink sink;
    private final PipelineMetrics metrics;
    private final MeterRegistry registry;
    private final SequenceTracker tracker;
    private final FrameScanner scanner = new FrameScanner();
    private final ShedLog shedLog;
    private final List<Shard> shards = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, StreamActivity> activity = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<Meter>> connectionMeters = new java.util.HashMap<>();
    private final AtomicLong connectionSeq = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final Counter connects;
    private final Counter pauses;
    private final Counter pongTimeouts;
    private final Counter catchUpTimeouts;
    private volatile StreamSet streams;
    private ShardPlan plan;
    private volatile boolean paused;
    private volatile boolean shedding;
    private long pausedSinceNanos;
    private long housekeepingTimer = -1;
    private long lastStaleCheckNanos;
    private volatile boolean stopped;

    /** When each configured stream last delivered, and whether it is stale now. */
    private static final class StreamActivity {
        final int shard;
        volatile long lastMessageMillis;
        volatile boolean stale;
        boolean replacedThisSpell;
        boolean quiet;
        /** The connection that delivered the stream's last event: a gap across connections has that one's cause. */
        String lastDeliveredBy;

        StreamActivity(int shard) {
            this.shard = shard;
        }
    }

    public ConnectionGroup(String route, String instance, StreamSet streams, ConnectionSettings settings, Vertx vertx,
                           ConnectAttemptBudget attempts, FrameSink sink, PipelineMetrics metrics) {
        this.route = route;
        this.instance = instance;
        this.streams = streams;
        this.settings = settings;
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.client = vertx.createWebSocketClient(clientOptions(settings));
        this.attempts = attempts;
        this.sink = sink;
        this.metrics = metrics;
        this.registry = metrics.registry();
        this.tracker = new SequenceTracker(streams.streams());
        this.shedLog = new ShedLog(route);
        this.connects = Counter.builder(MetricNames.CONNECTS).tag(MetricNames.TAG_ROUTE, route).register(registry);
        this.pauses = Counter.builder(MetricNames.BACKPRESSURE_PAUSES).tag(MetricNames.TAG_ROUTE, route).register(registry);
        this.pongTimeouts = Counter.builder(MetricNames.PONG_TIMEOUTS).tag(MetricNames.TAG_ROUTE, route).register(registry);
        this.catchUpTimeouts = Counter.builder(MetricNames.ROTATION_CATCH_UP_TIMEOUTS).tag(MetricNames.TAG_ROUTE, route)
                .register(registry);
        Gauge.builder(MetricNames.CONNECTIONS_OPEN, open, AtomicInteger::get).tag(MetricNames.TAG_ROUTE, route)
                .register(registry);
        // the series exist from the start, so dashboards and alerts see 0 rather than nothing
        for (String reason : ROTATION_REASONS) {
            registry.counter(MetricNames.ROTATIONS, MetricNames.TAG_ROUTE, route, MetricNames.TAG_REASON, reason);
        }
        for (String reason : COMMON_RECONNECT_REASONS) {
            registry.counter(MetricNames.RECONNECTS, MetricNames.TAG_ROUTE, route, MetricNames.TAG_REASON, reason);
        }
        sink.onDrained(() -> context.runOnContext(v -> resumeIfDrained()));
    }

    /** Vert.x closes the socket above its limits; they sit well above ours so an oversized message is dead-lettered. */
    static int vertxFrameLimit(ConnectionSettings settings) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(4L * settings.maxFrameBytes(), 1 << 20));
    }

    private static WebSocketClientOptions clientOptions(ConnectionSettings settings) {
        int limit = vertxFrameLimit(settings);
        WebSocketClientOptions options = new WebSocketClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setMaxFrameSize(limit)
                .setMaxMessageSize(limit)
                // after our close frame, wait this long for the server's before dropping TCP
                .setClosingTimeout(2);
        if (settings.tls()) {
            TlsTrust.apply(options, settings.sslVerify(), settings.caBundle());
        }
        return options;
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    public void start() {
        plan = ShardPlan.of(streams.streams(), settings.streamsPerConnection());
        for (ShardPlan.Shard planned : plan.shards()) {
            shards.add(new Shard(planned.id(), planned.streams(), this, settings));
            for (String s : planned.streams()) {
                registerStream(s, planned.id());
            }
        }
        onLoop(() -> {
            housekeepingTimer = vertx.setPeriodic(HOUSEKEEPING_MILLIS, t -> housekeeping());
            shards.forEach(Shard::start);
        });
    }

    private void registerStream(String stream, int shard) {
        StreamActivity a = new StreamActivity(shard);
        activity.put(stream, a);
        Gauge.builder(MetricNames.LAST_MESSAGE, a, x -> x.lastMessageMillis / 1000.0).tag(MetricNames.TAG_STREAM, stream)
                .description("When the stream last delivered a message, epoch seconds (0 = never)").register(registry);
    }

    /** Stops reading every socket (pings are still answered) and every reconnect; waits until done. */
    public void stopReading() {
        onLoopAndWait(() -> {
            stopped = true;
            if (housekeepingTimer >= 0) {
                vertx.cancelTimer(housekeepingTimer);
            }
            try {
                shards.forEach(Shard::stopReading);
            } finally {
                sink.stopped(); // whatever the sink holds must reach the drain
            }
        });
    }

    /** Closes every socket with 1000 and waits briefly for the close handshakes. */
    public void close(String reason) {
        onLoopAndWait(() -> {
            for (Shard s : shards) {
                for (BinanceConnection c : s.connections()) {
                    c.close((short) 1000, reason, true);
                }
            }
        });
        client.close();
    }

    /** The timer route's rotation check: replaces connections older than the lifetime. */
    public void checkRotations() {
        long now = System.currentTimeMillis();
        onLoop(() -> shards.forEach(s -> s.checkLifetime(now)));
    }

    /**
     * Changes the streams while running, without a reconnect: a live SUBSCRIBE for each added stream and an
     * UNSUBSCRIBE for each removed one on the connections of its shard (new shards connect, emptied ones
     * close). Adds go out before removes, so a symbol that moves between shards is never unsubscribed first.
     *
     * @return a line saying what changed, for the log
     */
    public String updateStreams(StreamSet next) {
        CompletableFuture<String> done = new CompletableFuture<>();
        onLoop(() -> {
            try {
                done.complete(applyStreams(next));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("the connection group did not apply the new streams within 10 s", e);
        }
    }

    private String applyStreams(StreamSet next) {
        if (stopped) {
            return "stopped";
        }
        java.util.Set<String> before = new java.util.LinkedHashSet<>(streams.streams());
        java.util.Set<String> after = new java.util.LinkedHashSet<>(next.streams());
        List<String> added = after.stream().filter(x -> !before.contains(x)).toList();
        List<String> removed = before.stream().filter(x -> !after.contains(x)).toList();
        if (added.isEmpty() && removed.isEmpty()) {
            return "no change";
        }
        ShardPlan nextPlan = plan.next(next.streams());
        metrics.registerStreams(next.streams());
        tracker.retain(next.streams());
        sink.streamsChanged(added, removed);
        Map<Integer, Shard> byId = new java.util.HashMap<>();
        shards.forEach(sh -> byId.put(sh.index, sh));
        List<Runnable> removals = new ArrayList<>();
        for (ShardPlan.Shard planned : nextPlan.shards()) {
            Shard shard = byId.remove(planned.id());
            if (shard == null) {
                shard = new Shard(planned.id(), planned.streams(), this, settings);
                shards.add(shard);
                for (String stream : planned.streams()) {
                    registerStream(stream, planned.id());
                }
                shard.start();
                continue;
            }
            List<String> old = shard.streams();
            List<String> in = planned.streams().stream().filter(x -> !old.contains(x)).toList();
            List<String> out = old.stream().filter(x -> !planned.streams().contains(x)).toList();
            for (String stream : in) {
                registerStream(stream, planned.id());
            }
            shard.setStreams(planned.streams());
            Shard target = shard;
            sendControls(target, in, true);
            removals.add(() -> sendControls(target, out, false));
        }
        for (Shard emptied : byId.values()) {
            List<String> out = emptied.streams();
            removals.add(() -> {
                emptied.stopReading();
                for (BinanceConnection c : emptied.connections()) {
                    c.close((short) 1000, "streams removed", true);
                }
                shards.remove(emptied);
                LOG.info("Binance shard {} of {} closed: its {} stream(s) were removed", emptied.index, route, out.size());
            });
        }
        removals.forEach(Runnable::run);
        for (String stream : removed) {
            StreamActivity a = activity.remove(stream);
            if (a != null) {
                Meter m = registry.find(MetricNames.LAST_MESSAGE).tag(MetricNames.TAG_STREAM, stream).gauge();
                if (m != null) {
                    registry.remove(m);
                }
            }
        }
        plan = nextPlan;
        streams = next;
        return "added " + added.size() + " stream(s) " + abbreviate(added) + ", removed " + removed.size() + " "
                + abbreviate(removed) + "; " + shards.size() + " connection(s)";
    }

    private void sendControls(Shard shard, List<String> names, boolean subscribe) {
        if (names.isEmpty()) {
            return;
        }
        long first = REQUEST_IDS.get() + 1;
        List<String> frames = subscribe ? ShardPlan.subscribeFrames(names, first, ShardPlan.MAX_CONTROL_FRAME_BYTES)
                : ShardPlan.unsubscribeFrames(names, first, ShardPlan.MAX_CONTROL_FRAME_BYTES);
        REQUEST_IDS.addAndGet(frames.size());
        for (BinanceConnection c : shard.connections()) {
            for (int i = 0; i < frames.size(); i++) {
                c.queueControl(Long.toString(first + i), frames.get(i));
            }
            c.flushControls(System.nanoTime());
        }
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 5 ? names.toString() : names.subList(0, 5) + " and " + (names.size() - 5) + " more";
    }

    // ---- what shards and connections report -----------------------------------------------------

    String route() {
        return route;
    }

    Vertx vertx() {
        return vertx;
    }

    SequenceTracker tracker() {
        return tracker;
    }

    BinanceConnection newConnection(Shard shard, List<String> shardStreams, String origin) {
        String id = instance + "-" + connectionSeq.incrementAndGet();
        boolean inUrl = ShardPlan.fitsInUrl(settings.baseUrl(), shardStreams);
        String base = settings.baseUrl().endsWith("/") ? settings.baseUrl().substring(0, settings.baseUrl().length() - 1)
                : settings.baseUrl();
        String url = inUrl ? ShardPlan.combinedUrl(base, shardStreams) + (settings.microseconds() ? "&timeUnit=MICROSECOND" : "")
                : base + "/stream" + (settings.microseconds() ? "?timeUnit=MICROSECOND" : "");
        BinanceConnection c = new BinanceConnection(id, shard.index, shardStreams, origin, url, vertx, client, settings, shard);
        if (!inUrl) {
            long first = REQUEST_IDS.get() + 1;
            List<String> frames = ShardPlan.subscribeFrames(shardStreams, first, ShardPlan.MAX_CONTROL_FRAME_BYTES);
            REQUEST_IDS.addAndGet(frames.size());
            for (int i = 0; i < frames.size(); i++) {
                c.queueControl(Long.toString(first + i), frames.get(i));
            }
        }
        if (paused) {
            c.pause();
        }
        return c;
    }

    long attemptDelay() {
        return attempts.delayBeforeAttempt(System.currentTimeMillis());
    }

    void attemptHeldBack() {
        registry.counter(MetricNames.CONNECT_ATTEMPTS_DELAYED, MetricNames.TAG_ROUTE, route).increment();
    }

    void rejectedByExchange(int status, long retryAfterMillis) {
        attempts.rejected(status, retryAfterMillis, System.currentTimeMillis());
        LOG.error("Binance refused a connection with HTTP {}{}: every connect of this process waits {}. {}", status,
                status == 418 ? " (the IP is banned for breaking limits)" : " (too many connection attempts)",
                retryAfterMillis > 0 ? retryAfterMillis / 1000 + " s (Retry-After)" : "for the backoff",
                "Check for other processes on this IP and for reconnect storms (docs/runbooks/connection-incidents.md).");
    }

    void reconnectCounted(String reason) {
        registry.counter(MetricNames.RECONNECTS, MetricNames.TAG_ROUTE, route, MetricNames.TAG_REASON, reason).increment();
    }

    void pongTimedOut() {
        pongTimeouts.increment();
    }

    void connectionOpened(BinanceConnection c) {
        open.incrementAndGet();
        connects.increment();
        Tags tags = Tags.of(MetricNames.TAG_ROUTE, route, MetricNames.TAG_SHARD, Integer.toString(c.shard),
                MetricNames.TAG_CONNECTION, c.id);
        List<Meter> meters = List.of(
                Gauge.builder(MetricNames.CONNECTION_LIFETIME, c, x -> x.ageMillis(System.currentTimeMillis()) / 1000.0)
                        .tags(tags).description("Age of the live connection, seconds").register(registry),
                Gauge.builder(MetricNames.LAST_PONG, c, x -> x.lastPongMillis() / 1000.0).tags(tags)
                        .description("When the connection last answered our ping, epoch seconds").register(registry));
        connectionMeters.put(c.id, meters);
        if (paused) {
            c.pause();
        }
        c.flushControls(System.nanoTime());
    }

    void connectionClosed(BinanceConnection c) {
        List<Meter> meters = connectionMeters.remove(c.id);
        if (meters != null) {
            open.decrementAndGet();
            meters.forEach(registry::remove);
        }
    }

    void rotated(Shard shard, Rotation r, BinanceConnection old, boolean timedOut) {
        registry.counter(MetricNames.ROTATIONS, MetricNames.TAG_ROUTE, route, MetricNames.TAG_REASON, r.reason).increment();
        if (timedOut) {
            catchUpTimeouts.increment();
        }
        ArrayDeque<Rotation.Held> held = r.release();
        int count = held.size();
        for (Rotation.Held h; (h = held.pollFirst()) != null; ) {
            // held: the old socket that also carried these is closed, so they must not be shed (see offerHeld)
            deliver(h.frame(), h.position(), null, true, r.incoming.origin);
        }
        r.incoming.resume();
        if (paused) {
            r.incoming.pause();
        }
        LOG.info("Binance shard {}: {} took over from {} ({}), {} held frame(s) replayed through the dedup",
                shard.index, r.incoming.id, old == null ? "a closed connection" : old.id, r.reason, count);
    }

    void discardHeld(Rotation r) {
        for (Rotation.Held h : r.release()) {
            metrics.duplicate(h.frame().stream());
        }
        r.release().clear();
    }

    // ---- the frame path -------------------------------------------------------------------------

    void onMessage(Shard shard, BinanceConnection c, MessageAssembler.Message message, long receivedAtMicros) {
        String text = message.text();
        FrameScan scan = scanner.scan(text);
        String stream = scan.stream();
        metrics.received(stream);
        switch (scan.kind()) {
            case SERVER_SHUTDOWN -> {
                metrics.control("SERVER_SHUTDOWN");
                Rotation incoming = shard.incomingRotation(c);
                LOG.warn("Binance announced a server shutdown on connection {} (shard {}); {}", c.id, shard.index,
                        incoming == null ? "rotating now (make-before-break)" : "it is the incoming one of a rotation: retrying the rotation");
                if (incoming == null) {
                    shard.rotate("server_shutdown", false);
                } else {
                    c.close((short) 1000, "server shutdown announced", false, "server_shutdown_incoming");
                }
                return;
            }
            case RESPONSE -> {
                metrics.control("RESPONSE");
                c.answered(scan.requestId());
                return;
            }
            case ERROR_RESPONSE -> {
                if (c.answered(scan.requestId())) {
                    registry.counter(MetricNames.SUBSCRIPTION_FAILURES, MetricNames.TAG_ROUTE, route,
                            MetricNames.TAG_OUTCOME, "error_" + scan.errorCode()).increment();
                    LOG.error("Binance refused request {} on connection {} (error code {}); the frame is dead-lettered "
                            + "with the details. Check k2.binance.symbols / k2.binance.streams.", LogText.escape(scan.requestId()),
                            c.id, scan.errorCode());
                }
            }
            default -> {
            }
        }
        BinanceFrame frame = new BinanceFrame(text, message.originalBytes(), stream, c.id, receivedAtMicros,
                message.oversizedBytes());
        Position position = scan.position();
        Rotation incoming = shard.incomingRotation(c);
        if (incoming != null) {
            incoming.hold(frame, position);
            if (incoming.heldCount() >= heldLimit()) {
                c.pause(); // the old one catches up meanwhile; resumed at the cut-over
            }
            return;
        }
        if (!shard.isDelivering(c)) {
            metrics.duplicate(stream); // a retired socket's last frames: the delivering one carries them
            return;
        }
        deliver(frame, position, shard.rotation(), false, c.origin);
    }

    /**
     * Frames an incoming connection may hold back during a rotation before it is paused (the old one catches
     * up meanwhile): bounds the memory of a rotation to a few MB.
     */
    private int heldLimit() {
        return HELD_LIMIT;
    }

    private void deliver(BinanceFrame frame, Position position, Rotation inProgress, boolean held, String origin) {
        StreamActivity a = frame.stream() == null ? null : activity.get(frame.stream());
        if (a != null) {
            // only what is delivered counts as activity: frames an incoming connection holds during a rotation
            // do not, or a stalled connection's streams would never go stale and its rotation would wait for
            // the catch-up timeout instead of cutting over
            a.lastMessageMillis = System.currentTimeMillis();
            if (a.stale) {
                a.stale = false;
                a.replacedThisSpell = false;
                a.quiet = false;
                LOG.info("Binance stream {} delivers again", LogText.escape(frame.stream()));
            }
        }
        boolean tracked = position != null && frame.stream() != null;
        if (tracked && tracker.offer(frame.stream(), position) == SequenceTracker.Verdict.DUPLICATE) {
            metrics.duplicate(frame.stream());
            return;
        }
        if (inProgress != null && position != null) {
            inProgress.deliveredByOld(frame.stream());
        }
        String previousConnection = null;
        if (a != null && tracked) {
            previousConnection = a.lastDeliveredBy;
            a.lastDeliveredBy = frame.connectionId();
        }
        if (tracked && tracker.gapped()) {
            // ids skipped on one connection are the exchange's doing (or unknown); across connections, the
            // reason the new one was opened is why the events in between were never read
            GapCause cause = previousConnection == null || previousConnection.equals(frame.connectionId())
                    ? GapCause.UNKNOWN : GapCause.ofConnectionOrigin(origin);
            sink.offerAfterGap(tracker.gap(), cause, frame);
        } else if (held) {
            sink.offerHeld(frame);
        } else if (!sink.offer(frame)) {
            metrics.deadLetterFailed(frame.stream(), ShedLog.REASON);
            shedLog.shed(frame);
            return;
        }
        if (!paused && !shedding && sink.saturated()) {
            pauseAll();
        }
    }

    // ---- back-pressure --------------------------------------------------------------------------

    private void pauseAll() {
        paused = true;
        pausedSinceNanos = System.nanoTime();
        pauses.increment();
        for (Shard s : shards) {
            s.connections().forEach(BinanceConnection::pause);
        }
    }

    private void resumeAll() {
        paused = false;
        for (Shard s : shards) {
            for (BinanceConnection c : s.connections()) {
                Rotation r = s.incomingRotation(c);
                if (r == null || r.heldCount() < heldLimit()) {
                    c.resume();
                }
            }
        }
    }

    private void resumeIfDrained() {
        if (paused && sink.drained()) {
            resumeAll();
        }
        if (shedding && sink.drained()) {
            shedding = false;
            shedLog.recovered();
        }
    }

    // ---- housekeeping ---------------------------------------------------------------------------

    private void housekeeping() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        if (paused && now - pausedSinceNanos >= settings.maxPause().toNanos()) {
            // Past this a paused socket would miss Binance's pong deadline: read again, shed what does not fit.
            shedding = true;
            resumeAll();
            shedLog.pauseRanOut(settings.maxPause());
        }
        resumeIfDrained();
        for (Shard s : shards) {
            s.housekeeping(now, paused);
            for (BinanceConnection c : s.connections()) {
                c.flushControls(now);
                String overdue = c.overdueRequest(now, SUBSCRIBE_ANSWER_NANOS);
                if (overdue != null && c.isOpen()) {
                    registry.counter(MetricNames.SUBSCRIPTION_FAILURES, MetricNames.TAG_ROUTE, route,
                            MetricNames.TAG_OUTCOME, "no_answer").increment();
                    LOG.error("Binance did not answer subscription request {} on connection {} within 10 s; "
                            + "replacing the connection", overdue, c.id);
                    c.close((short) 1000, "subscription unanswered", false, "subscription_unanswered");
                }
            }
        }
        if (now - lastStaleCheckNanos >= TimeUnit.SECONDS.toNanos(1)) {
            lastStaleCheckNanos = now;
            checkStaleStreams();
        }
    }

    /**
     * A stream is stale when it has been silent for the stream-stale timeout while its connection is alive and
     * has been open at least that long. A stale stream gets one make-before-break replacement of its connection
     * per silent spell: a dead subscription comes back that way, and a stream that stays silent after it is a
     * quiet market, which is left alone until it delivers again. So a quiet symbol costs at most one rotation
     * per silence, never a storm.
     */
    private void checkStaleStreams() {
        if (paused) {
            return;
        }
        long nowMillis = System.currentTimeMillis();
        long limit = settings.streamStaleTimeout().toMillis();
        Map<Integer, ShardStatus.Connection> deliveringByShard = new java.util.HashMap<>();
        for (Shard s : shards) {
            ShardStatus status = s.status();
            // only a connection that is alive and read: a silent or paused one is the connection watchdog's
            if (!status.connections().isEmpty() && !status.connections().get(0).silent()
                    && !status.connections().get(0).paused()) {
                deliveringByShard.put(s.index, status.connections().get(0));
            }
        }
        Map<Integer, Shard> byIndex = new java.util.HashMap<>();
        shards.forEach(s -> byIndex.put(s.index, s));
        for (Map.Entry<String, StreamActivity> e : activity.entrySet()) {
            StreamActivity a = e.getValue();
            ShardStatus.Connection delivering = deliveringByShard.get(a.shard);
            Shard shard = byIndex.get(a.shard);
            if (delivering == null || shard == null) {
                continue;
            }
            long since = Math.max(a.lastMessageMillis, delivering.openedAtMillis());
            if (nowMillis - since < limit || a.quiet) {
                continue;
            }
            a.stale = true;
            Rotation inProgress = shard.rotation();
            if (inProgress != null) {
                inProgress.staleOnOld(e.getKey()); // not waited for, unless the old connection delivers it again
            }
            if (!a.replacedThisSpell) {
                a.replacedThisSpell = true;
                LOG.warn("Binance stream {} has been silent for {} s while its connection {} is alive; replacing the "
                        + "connection once (make-before-break). If it stays silent it is a quiet market and is left "
                        + "alone.", e.getKey(), (nowMillis - since) / 1000, delivering.id());
                shard.rotate("stream_stale", false);
            } else if (delivering.openedAtMillis() + limit <= nowMillis) {
                // silent for a whole spell on the replacement too: nothing is broken, the market is quiet
                a.quiet = true;
                LOG.info("Binance stream {} is still silent after its connection was replaced: a quiet market, "
                        + "no further replacement until it delivers again", e.getKey());
            }
        }
    }

    /** The shard's streams that are stale now; a rotation starting does not wait for them on the old connection. */
    List<String> staleStreamsOf(Shard shard) {
        List<String> out = new ArrayList<>();
        activity.forEach((s, a) -> {
            if (a.stale && a.shard == shard.index) {
                out.add(s);
            }
        });
        return out;
    }

    // ---- status ---------------------------------------------------------------------------------

    public GroupStatus status() {
        List<ShardStatus> out = new ArrayList<>();
        for (Shard s : shards) {
            out.add(s.status());
        }
        List<String> stale = new ArrayList<>();
        activity.forEach((s, a) -> {
            if (a.stale) {
                stale.add(s);
            }
        });
        return new GroupStatus(route, out, stale, paused, shedding, !settings.tls() || settings.sslVerify(),
                settings.plaintextRemote(), attempts.heldUntilMillis());
    }

    // ---- event loop -----------------------------------------------------------------------------

    private void onLoop(Runnable action) {
        context.runOnContext(v -> action.run());
    }

    private void onLoopAndWait(Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Binance connection group {}: event loop did not answer within 10 s ({})", route, e.toString());
        }
    }
}
