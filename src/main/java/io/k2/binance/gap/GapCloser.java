package io.k2.binance.gap;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.k2.binance.connection.BinanceFrame;
import io.k2.binance.connection.FrameOrigin;
import io.k2.binance.connection.FrameScanner;
import io.k2.binance.connection.FrameSink;
import io.k2.binance.normalize.Timestamps;
import io.k2.binance.observe.LogText;
import io.k2.binance.observe.MetricNames;
import io.k2.binance.sequence.Gap;
import io.k2.binance.sequence.GapCause;
import io.k2.binance.sequence.Position;
import io.k2.binance.sequence.SequenceKind;
import io.k2.binance.stream.StreamName;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the holes the sequence tracker finds, between the connection group and the ordered dispatcher:
 * socket → connection group → <b>gap closer</b> → dispatcher → route → Kafka.
 *
 * <p>Every gap is published twice on the gaps topic: when detected, and with its outcome. In between:
 * <ul>
 *   <li>trade and aggTrade gaps are filled from {@code /api/v3/historicalTrades} and {@code /api/v3/aggTrades};
 *       the rows go on as frames of their stream (origin BACKFILL), so they get the ids and values their live
 *       twins would have had;</li>
 *   <li>a diff-depth gap gets a {@code /api/v3/depth} snapshot (origin SNAPSHOT), published right after the
 *       last held diff it covers, so a consumer rebuilds the book from the topic alone (Binance's procedure).</li>
 * </ul>
 * While a stream's gap is open its later live frames are held here, so its topic stays in id order. The hold
 * is bounded in time ({@code maxHold}) and in frames ({@code maxHeldFrames} over all streams): past either
 * the held frames go on and the backfill lands after them, which its outcome record says ({@code in_order}).
 *
 * <p>Runs on the connection group's event loop (every call comes from there, and so do the REST answers it
 * asks for), so it needs no lock; the gauges read thread-safe copies.
 */
public final class GapCloser implements FrameSink {

    private static final Logger LOG = LoggerFactory.getLogger(GapCloser.class);
    private static final int MAX_EMPTY_ANSWERS = 3;
    private static final long EMPTY_ANSWER_RETRY_MILLIS = 500;
    private static final int MAX_STALE_SNAPSHOTS = 10;

    private final FrameSink downstream;
    private final GapSettings settings;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final String instance;
    private final BinanceRest rest;
    private final FrameScanner scanner = new FrameScanner();
    private final Map<String, StreamHold> holds = new java.util.HashMap<>();
    private final Map<String, OpenGap> open = new ConcurrentHashMap<>();
    /**
     * Configured depth-diff streams still waiting for their first diff's snapshot: filled from the stream set
     * (start-up and live changes), emptied as each gets it or is removed. Never keyed by what a frame says, so
     * it holds at most the configured streams whatever names the server sends.
     */
    private final java.util.Set<String> awaitingFirstSnapshot = new java.util.HashSet<>();
    private final Timer holdTime;
    private final java.util.List<io.micrometer.core.instrument.Meter> meters = new java.util.ArrayList<>();
    private volatile int heldFrames;
    private boolean stopped;

    public GapCloser(FrameSink downstream, GapSettings settings, Vertx vertx, MeterRegistry registry, String route,
                     String instance) {
        this.downstream = downstream;
        this.settings = settings;
        this.vertx = vertx;
        this.registry = registry;
        this.instance = instance;
        this.rest = settings.backfill() ? new BinanceRest(vertx, settings, registry, route) : null;
        this.holdTime = Timer.builder(MetricNames.GAP_HOLD).description("How long live frames were held behind a gap")
                .tag(MetricNames.TAG_ROUTE, route).register(registry);
        meters.add(Gauge.builder(MetricNames.GAPS_OPEN, open, Map::size).description("Gaps detected and not closed yet")
                .tag(MetricNames.TAG_ROUTE, route).strongReference(false).register(registry));
        meters.add(Gauge.builder(MetricNames.GAP_OLDEST_OPEN_AGE, this, GapCloser::oldestOpenAgeSeconds)
                .description("Age of the oldest gap not closed yet, seconds (0 = none)").tag(MetricNames.TAG_ROUTE, route)
                .strongReference(false).register(registry));
        meters.add(Gauge.builder(MetricNames.GAP_HELD_FRAMES, this, g -> g.heldFrames)
                .description("Live frames held back behind open gaps").tag(MetricNames.TAG_ROUTE, route)
                .strongReference(false).register(registry));
    }

    /**
     * Creates the per-stream gap series at 0 for the streams whose ids are contiguous, for alerts and panels, and
     * marks the depth-diff ones as waiting for their start-up snapshot (when that is on).
     */
    public void registerStreams(Iterable<String> streams) {
        for (String stream : streams) {
            if (SequenceKind.of(stream).contiguous()) {
                registry.counter(MetricNames.SEQUENCE_GAPS, MetricNames.TAG_STREAM, stream);
                registry.counter(MetricNames.MISSING_EVENTS, MetricNames.TAG_STREAM, stream);
            }
            if (settings.initialSnapshot() && rest != null && SequenceKind.of(stream) == SequenceKind.DEPTH_DIFF) {
                awaitingFirstSnapshot.add(stream);
            }
        }
    }

    /**
     * Streams added and removed live. An added depth stream, or one that comes back, gets a snapshot before its
     * first diff, as at start-up: the sequence tracker starts it afresh too, so no gap would bring one.
     */
    @Override
    public void streamsChanged(java.util.Collection<String> added, java.util.Collection<String> removed) {
        awaitingFirstSnapshot.removeAll(removed);
        registerStreams(added);
    }

    /** Streams still waiting for their start-up snapshot; for tests. */
    int awaitingFirstSnapshot() {
        return awaitingFirstSnapshot.size();
    }

    private double oldestOpenAgeSeconds() {
        long now = Timestamps.nowMicros();
        long oldest = 0;
        for (OpenGap g : open.values()) {
            oldest = Math.max(oldest, now - g.detectedAtMicros);
        }
        return oldest / 1e6;
    }

    // ---- FrameSink ------------------------------------------------------------------------------

    @Override
    public boolean offer(BinanceFrame frame) {
        if (firstDepthDiff(frame)) {
            return true;
        }
        StreamHold hold = holdOf(frame);
        if (hold != null) {
            hold(hold, frame);
            return true;
        }
        return downstream.offer(frame);
    }

    @Override
    public void offerHeld(BinanceFrame frame) {
        if (firstDepthDiff(frame)) {
            return;
        }
        StreamHold hold = holdOf(frame);
        if (hold != null) {
            hold(hold, frame);
            return;
        }
        downstream.offerHeld(frame);
    }

    @Override
    public void offerAfterGap(Gap gap, GapCause cause, BinanceFrame frame) {
        String stream = gap.stream();
        registry.counter(MetricNames.SEQUENCE_GAPS, MetricNames.TAG_STREAM, stream).increment();
        registry.counter(MetricNames.MISSING_EVENTS, MetricNames.TAG_STREAM, stream).increment(gap.missing());
        long now = Timestamps.nowMicros();
        OpenGap g = new OpenGap(gap, StreamName.symbol(stream), cause, frame.connectionId(), now,
                System.currentTimeMillis() + settings.lookBack().toMillis());
        publish(detected(g));
        String noWork = whyNotClosable(gap);
        LOG.warn("Gap on {}: {} missing ({}..{}{}), cause {}, seen on connection {}; {}", LogText.escape(stream),
                gap.missing(), gap.firstMissing(), gap.lastMissing(),
                gap.missingTrades() > 0 ? ", trade ids " + gap.firstMissingTrade() + ".." + gap.lastMissingTrade() : "",
                cause.tag(), frame.connectionId(), noWork == null
                        ? (gap.kind() == SequenceKind.DEPTH_DIFF ? "fetching a REST depth snapshot" : "backfilling over REST")
                        : "not closable: " + noWork);
        if (noWork != null) {
            finish(null, g, GapNotice.GIVEN_UP, noWork, null);
            offerHeld(frame);
            return;
        }
        StreamHold hold = holds.computeIfAbsent(stream, StreamHold::new);
        open.put(g.id, g);
        boolean start = hold.active == null;
        if (start) {
            hold.active = g;
        } else {
            if (!hold.holding) {
                g.late = true;
            }
            hold.entries.addLast(g);
        }
        // the frame first: the REST client may answer (a failure) before work() returns
        if (hold.holding) {
            hold(hold, frame);
        } else {
            downstream.offerHeld(frame);
        }
        if (start) {
            work(hold, g);
        }
    }

    /**
     * The first diff of a depth stream since start-up: a snapshot goes on the topic right before it (held like a
     * gap's frames, without gap records), so a consumer reading the topic from any snapshot can build the book.
     */
    private boolean firstDepthDiff(BinanceFrame frame) {
        String stream = frame.stream();
        if (!settings.initialSnapshot() || rest == null || stopped || stream == null || !frame.live()) {
            return false;
        }
        if (!awaitingFirstSnapshot.remove(stream)) {
            return false;
        }
        Position p = scanner.scan(frame.text()).position();
        if (p == null || holds.containsKey(stream)) {
            return false;
        }
        Gap none = new Gap(stream, SequenceKind.DEPTH_DIFF, p.first(), p.first() - 1, 1, 0);
        OpenGap g = new OpenGap(none, StreamName.symbol(stream), GapCause.UNKNOWN, frame.connectionId(), Timestamps.nowMicros(),
                System.currentTimeMillis() + settings.lookBack().toMillis());
        g.initial = true;
        StreamHold hold = new StreamHold(stream);
        holds.put(stream, hold);
        hold.active = g;
        hold(hold, frame);
        requestSnapshot(hold, g);
        return true;
    }

    private String whyNotClosable(Gap gap) {
        if (stopped) {
            return "shutdown"; // a rotation's held frames replayed during the stop: nothing is fetched any more
        }
        if (gap.kind() == SequenceKind.AGG_TRADE && gap.missing() == 0) {
            return "trade_ids_only"; // every aggregate arrived; their trade ids jumped at the exchange
        }
        if (!settings.backfill()) {
            return "backfill_disabled";
        }
        if (gap.kind() != SequenceKind.DEPTH_DIFF && gap.missing() > settings.maxEventsPerGap()) {
            return "over_budget";
        }
        return null;
    }

    @Override
    public boolean saturated() {
        return downstream.saturated();
    }

    @Override
    public boolean drained() {
        return downstream.drained();
    }

    @Override
    public void onDrained(Runnable action) {
        downstream.onDrained(action);
    }

    /**
     * Shutdown: held frames go on now (the drain settles them), open gaps are published as given up
     * ("shutdown"), late REST answers are ignored.
     */
    @Override
    public void stopped() {
        if (stopped) {
            return;
        }
        stopped = true;
        for (StreamHold hold : holds.values()) {
            if (hold.active != null && !hold.active.initial) {
                givenUpAtShutdown(hold.active);
            }
            for (Object e : hold.entries) {
                if (e instanceof BinanceFrame f) {
                    downstream.offerHeld(f);
                } else {
                    givenUpAtShutdown((OpenGap) e);
                }
            }
            cancelTimer(hold);
        }
        holds.clear();
        heldFrames = 0;
        if (rest != null) {
            rest.close();
        }
        // a restarted route registers gauges of its own; these would read this stopped instance
        meters.forEach(registry::remove);
    }

    private void givenUpAtShutdown(OpenGap g) {
        registry.counter(MetricNames.GAPS_GIVEN_UP, MetricNames.TAG_STREAM, g.gap.stream(), MetricNames.TAG_REASON,
                "shutdown").increment();
        finishRecord(g, GapNotice.GIVEN_UP, "shutdown", null);
    }

    // ---- holding --------------------------------------------------------------------------------

    private StreamHold holdOf(BinanceFrame frame) {
        if (holds.isEmpty() || frame.stream() == null) {
            return null;
        }
        StreamHold hold = holds.get(frame.stream());
        return hold != null && hold.holding ? hold : null;
    }

    private void hold(StreamHold hold, BinanceFrame frame) {
        if (!hold.spell) {
            hold.spell = true;
            hold.heldSinceNanos = System.nanoTime();
            hold.timer = vertx.setTimer(Math.max(1, settings.maxHold().toMillis()), t -> {
                hold.timer = -1;
                release(hold, "held " + settings.maxHold().toMillis() + " ms (k2.gaps.max-hold-ms)");
            });
        }
        hold.entries.addLast(frame);
        hold.frames++;
        heldFrames++;
        if (heldFrames > settings.maxHeldFrames()) {
            release(hold, heldFrames + " frames held (k2.gaps.max-held-frames)");
        }
    }

    /** The hold ran out: its frames go on now, its gaps are still closed but land late. */
    private void release(StreamHold hold, String why) {
        if (!hold.holding) {
            return;
        }
        hold.holding = false;
        endSpell(hold);
        registry.counter(MetricNames.GAP_HOLDS_EXPIRED, MetricNames.TAG_STREAM, hold.stream).increment();
        LOG.warn("Gap hold on {} ran out ({}): its live frames go on now, and what is backfilled after this lands "
                + "after them (outcome in_order=false). If this repeats, raise k2.gaps.max-hold-ms or look at REST "
                + "latency and weight (binance_rest_*).", LogText.escape(hold.stream), why);
        if (hold.active != null) {
            hold.active.late = true;
        }
        java.util.ArrayDeque<Object> gapsOnly = new java.util.ArrayDeque<>();
        for (Object e; (e = hold.entries.pollFirst()) != null; ) {
            if (e instanceof BinanceFrame f) {
                downstream.offerHeld(f);
            } else {
                ((OpenGap) e).late = true;
                gapsOnly.addLast(e);
            }
        }
        hold.entries.addAll(gapsOnly);
        heldFrames -= hold.frames;
        hold.frames = 0;
    }

    /** Frames up to the next gap go on; that gap becomes the active one, or the hold ends. */
    private void next(StreamHold hold) {
        hold.active = null;
        for (Object e; (e = hold.entries.pollFirst()) != null; ) {
            if (e instanceof BinanceFrame f) {
                hold.frames--;
                heldFrames--;
                downstream.offerHeld(f);
            } else {
                hold.active = (OpenGap) e;
                if (hold.frames == 0) {
                    endSpell(hold); // nothing waits any more: the next frame held starts its own time bound
                }
                work(hold, hold.active);
                return;
            }
        }
        endSpell(hold);
        holds.remove(hold.stream);
    }

    /** The frames held since the spell began have all gone on: how long they waited goes into the timer. */
    private void endSpell(StreamHold hold) {
        if (hold.spell) {
            hold.spell = false;
            holdTime.record(System.nanoTime() - hold.heldSinceNanos, TimeUnit.NANOSECONDS);
        }
        cancelTimer(hold);
    }

    private void cancelTimer(StreamHold hold) {
        if (hold.timer >= 0) {
            vertx.cancelTimer(hold.timer);
            hold.timer = -1;
        }
    }

    // ---- closing --------------------------------------------------------------------------------

    private void work(StreamHold hold, OpenGap g) {
        if (g.gap.kind() == SequenceKind.DEPTH_DIFF) {
            requestSnapshot(hold, g);
        } else {
            requestTrades(hold, g);
        }
    }

    private void requestTrades(StreamHold hold, OpenGap g) {
        boolean trades = g.gap.kind() == SequenceKind.TRADE;
        long limit = Math.min(GapSettings.MAX_ROWS, g.gap.lastMissing() - g.next + 1);
        String path = (trades ? "/api/v3/historicalTrades" : "/api/v3/aggTrades") + "?symbol=" + g.symbol
                + "&fromId=" + g.next + "&limit=" + limit;
        rest.get(trades ? "historicalTrades" : "aggTrades", path,
                trades ? GapSettings.HISTORICAL_TRADES_WEIGHT : GapSettings.AGG_TRADES_WEIGHT, g.deadlineMillis,
                reply -> onTrades(hold, g, reply));
    }

    private void onTrades(StreamHold hold, OpenGap g, RestReply reply) {
        if (stopped) {
            return;
        }
        if (!reply.ok()) {
            giveUp(hold, g, reply.failure(), reply.body());
            return;
        }
        java.util.List<RestTrades.Row> rows;
        try {
            rows = RestTrades.parse(reply.body(), g.gap.kind(), g.gap.stream(), g.symbol);
        } catch (IllegalArgumentException e) {
            giveUp(hold, g, "rest_bad_answer", e.getMessage());
            return;
        }
        if (rows.isEmpty() || rows.get(rows.size() - 1).id() < g.next) {
            if (++g.emptyAnswers < MAX_EMPTY_ANSWERS) {
                // the REST side is fed from the exchange's database and can trail the stream by a moment
                vertx.setTimer(EMPTY_ANSWER_RETRY_MILLIS, t -> {
                    if (!stopped) {
                        requestTrades(hold, g);
                    }
                });
            } else {
                giveUp(hold, g, "not_in_rest_history", "the REST API has no events from id " + g.next);
            }
            return;
        }
        long madeAt = Timestamps.nowMicros();
        long before = g.recovered;
        for (RestTrades.Row row : rows) {
            if (row.id() < g.next) {
                continue;
            }
            if (row.id() > g.gap.lastMissing()) {
                break;
            }
            if (row.id() > g.next) {
                // the first row is past what we asked for: the REST history does not reach back that far
                g.goneFromRest += row.id() - g.next;
            }
            downstream.offerHeld(BinanceFrame.made(FrameOrigin.BACKFILL, row.frame(), g.gap.stream(), "rest", madeAt));
            g.recovered++;
            g.next = row.id() + 1;
        }
        registry.counter(MetricNames.BACKFILLED_EVENTS, MetricNames.TAG_STREAM, g.gap.stream()).increment(g.recovered - before);
        if (rows.get(rows.size() - 1).id() > g.gap.lastMissing() && g.next <= g.gap.lastMissing()) {
            // the answer starts past the gap's end: the REST history has moved on beyond these ids
            g.goneFromRest += g.gap.lastMissing() + 1 - g.next;
            g.next = g.gap.lastMissing() + 1;
        }
        if (rows.get(rows.size() - 1).id() >= g.gap.lastMissing() || g.next > g.gap.lastMissing()) {
            if (g.goneFromRest > 0) {
                giveUp(hold, g, "older_than_rest_history", g.goneFromRest + " of " + g.gap.missing()
                        + " ids are older than the REST history");
            } else {
                finish(hold, g, GapNotice.BACKFILLED, null, null);
            }
            return;
        }
        requestTrades(hold, g);
    }

    private void requestSnapshot(StreamHold hold, OpenGap g) {
        int limit = settings.depthSnapshotLimit();
        rest.get("depth", "/api/v3/depth?symbol=" + g.symbol + "&limit=" + limit, GapSettings.depthWeight(limit),
                g.deadlineMillis, reply -> onSnapshot(hold, g, reply));
    }

    private void onSnapshot(StreamHold hold, OpenGap g, RestReply reply) {
        if (stopped) {
            return;
        }
        if (!reply.ok()) {
            giveUp(hold, g, reply.failure(), reply.body());
            return;
        }
        long lastUpdateId;
        try {
            lastUpdateId = RestTrades.lastUpdateId(reply.body());
        } catch (IllegalArgumentException e) {
            giveUp(hold, g, "rest_bad_answer", e.getMessage());
            return;
        }
        if (lastUpdateId < g.firstHeldUpdateId()) {
            // Binance's procedure, step 4: a snapshot older than the first buffered diff is fetched again
            if (++g.staleSnapshots <= MAX_STALE_SNAPSHOTS) {
                vertx.setTimer(100L * g.staleSnapshots, t -> {
                    if (!stopped) {
                        requestSnapshot(hold, g);
                    }
                });
            } else {
                giveUp(hold, g, "snapshot_behind_stream", "snapshot " + lastUpdateId + " stays behind U "
                        + g.firstHeldUpdateId());
            }
            return;
        }
        if (hold.holding) {
            // held diffs the snapshot already covers go first: received events are never dropped. A later
            // depth gap among them that the snapshot covers too is closed by it as well.
            java.util.List<OpenGap> coveredToo = new java.util.ArrayList<>();
            while (!hold.entries.isEmpty()) {
                Object e = hold.entries.peekFirst();
                if (e instanceof BinanceFrame f && finalUpdateId(f) <= lastUpdateId) {
                    hold.entries.pollFirst();
                    hold.frames--;
                    heldFrames--;
                    downstream.offerHeld(f);
                } else if (e instanceof OpenGap later && later.firstHeldUpdateId() <= lastUpdateId) {
                    hold.entries.pollFirst();
                    coveredToo.add(later);
                } else {
                    break;
                }
            }
            downstream.offerHeld(BinanceFrame.made(FrameOrigin.SNAPSHOT, reply.body(), g.gap.stream(), "rest", Timestamps.nowMicros()));
            for (OpenGap later : coveredToo) {
                finishRecord(later, GapNotice.SNAPSHOT_PUBLISHED, null, lastUpdateId);
            }
            finish(hold, g, GapNotice.SNAPSHOT_PUBLISHED, null, lastUpdateId);
            return;
        }
        downstream.offerHeld(BinanceFrame.made(FrameOrigin.SNAPSHOT, reply.body(), g.gap.stream(), "rest", Timestamps.nowMicros()));
        finish(hold, g, GapNotice.SNAPSHOT_PUBLISHED, null, lastUpdateId);
    }

    private long finalUpdateId(BinanceFrame f) {
        Position p = scanner.scan(f.text()).position();
        return p == null ? Long.MIN_VALUE : p.last();
    }

    private void giveUp(StreamHold hold, OpenGap g, String reason, String detail) {
        if (g.initial) {
            LOG.warn("No start-up depth snapshot for {}: {} ({}); consumers start their book at the next gap's "
                    + "snapshot or from REST", LogText.escape(g.gap.stream()), reason, LogText.escape(String.valueOf(detail)));
            next(hold);
            return;
        }
        registry.counter(MetricNames.GAPS_GIVEN_UP, MetricNames.TAG_STREAM, g.gap.stream(), MetricNames.TAG_REASON, reason)
                .increment();
        LOG.error("Gap on {} ({}..{}, {} missing) GIVEN UP: {} ({}); {} event(s) were backfilled. The gap record on "
                        + "the gaps topic says so; see docs/runbooks/sequence-gaps.md.", LogText.escape(g.gap.stream()),
                g.gap.firstMissing(), g.gap.lastMissing(), g.gap.missing(), reason,
                LogText.escape(detail == null ? "" : detail.length() > 300 ? detail.substring(0, 300) : detail),
                g.recovered);
        finish(hold, g, GapNotice.GIVEN_UP, reason, null);
    }

    private void finish(StreamHold hold, OpenGap g, String outcome, String reason, Long snapshotUpdateId) {
        if (g.initial) {
            next(hold);
            return;
        }
        if (hold == null && GapNotice.GIVEN_UP.equals(outcome)) {
            registry.counter(MetricNames.GAPS_GIVEN_UP, MetricNames.TAG_STREAM, g.gap.stream(), MetricNames.TAG_REASON,
                    reason).increment();
        }
        finishRecord(g, outcome, reason, snapshotUpdateId);
        if (hold != null) {
            next(hold);
        }
    }

    private void finishRecord(OpenGap g, String outcome, String reason, Long snapshotUpdateId) {
        open.remove(g.id);
        registry.counter(MetricNames.GAPS_CLOSED, MetricNames.TAG_STREAM, g.gap.stream(), MetricNames.TAG_OUTCOME,
                outcome.toLowerCase(java.util.Locale.ROOT)).increment();
        if (!GapNotice.GIVEN_UP.equals(outcome)) {
            LOG.info("Gap on {} ({}..{}) closed: {}{}{}", LogText.escape(g.gap.stream()), g.gap.firstMissing(),
                    g.gap.lastMissing(), outcome.toLowerCase(java.util.Locale.ROOT),
                    snapshotUpdateId != null ? " at lastUpdateId " + snapshotUpdateId : ", " + g.recovered + " event(s)",
                    g.late ? ", after later live events (the hold ran out)" : "");
        }
        publish(new GapNotice(GapNotice.CLOSED, g.id, g.symbol, g.gap.stream(), eventType(g.gap.kind()),
                g.gap.firstMissing(), g.gap.lastMissing(), tradeFirst(g.gap), tradeLast(g.gap), g.detectedAtMicros,
                g.cause.tag(), g.connectionId, outcome, reason, g.recovered, !g.late, snapshotUpdateId, Timestamps.nowMicros(),
                instance));
    }

    private GapNotice detected(OpenGap g) {
        return new GapNotice(GapNotice.DETECTED, g.id, g.symbol, g.gap.stream(), eventType(g.gap.kind()),
                g.gap.firstMissing(), g.gap.lastMissing(), tradeFirst(g.gap), tradeLast(g.gap), g.detectedAtMicros,
                g.cause.tag(), g.connectionId, null, null, 0, true, null, null, instance);
    }

    private void publish(GapNotice notice) {
        downstream.offerHeld(BinanceFrame.made(FrameOrigin.GAP_RECORD, notice.toJson(), notice.stream(), "gaps",
                Timestamps.nowMicros()));
    }

    private static Long tradeFirst(Gap gap) {
        return gap.missingTrades() > 0 ? gap.firstMissingTrade() : null;
    }

    private static Long tradeLast(Gap gap) {
        return gap.missingTrades() > 0 ? gap.lastMissingTrade() : null;
    }

    private static String eventType(SequenceKind kind) {
        return switch (kind) {
            case TRADE -> "trade";
            case AGG_TRADE -> "aggTrade";
            case DEPTH_DIFF -> "depth";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

}
