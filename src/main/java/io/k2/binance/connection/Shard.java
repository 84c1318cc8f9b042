package io.k2.binance.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.k2.binance.observe.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Up to 1024 streams and the connection that delivers them, plus, during a rotation, the connection that will
 * take over. It owns the shard's lifecycle: connect with backoff and the process-wide attempt budget,
 * reconnect after an unplanned close (never after a deliberate one), make-before-break rotation, and the
 * heartbeat judgements on its connections (our ping, pong deadline, silence).
 *
 * <p>Confined to the group's event loop; volatile fields are read by status snapshots.
 */
final class Shard implements BinanceConnection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(Shard.class);
    /** While paused for back-pressure nothing is read; a ping this often shows a peer that has gone (write error). */
    private static final long PAUSED_PROBE_NANOS = 2_000_000_000L;
    /** Frames already in flight on the old socket land within this after the incoming one opens. */
    private static final long MIN_OVERLAP_NANOS = 1_000_000_000L;

    final int index;
    private final ConnectionGroup group;
    private final ConnectionSettings settings;
    private final ReconnectBackoff backoff;
    private volatile List<String> streams;
    private volatile BinanceConnection delivering;
    private volatile Rotation rotation;
    private volatile String lastError;
    private volatile long reconnects;
    private volatile long rotations;
    private long reconnectTimer = -1;
    private long retryNotBeforeNanos;
    private String pendingRotation;
    private boolean pendingRotationDead;
    private boolean stopped;
    private boolean attemptHeld;
    /** The delivering connection the heartbeat found dead (pong timeout, silence); its replacement is under way. */
    private BinanceConnection judgedDead;
    /** Why the next delivering connection is opened: "start", then the tag of what ended the previous one. */
    private String nextOrigin = "start";

    Shard(int index, List<String> streams, ConnectionGroup group, ConnectionSettings settings) {
        this.index = index;
        this.streams = List.copyOf(streams);
        this.group = group;
        this.settings = settings;
        // A connection that lives a whole backoff cap is stable: only then does the delay start small again.
        this.backoff = new ReconnectBackoff(settings.reconnectInitialDelay().toMillis(),
                settings.reconnectMaxDelay().toMillis(), settings.reconnectMaxDelay().toMillis(), new java.util.SplittableRandom());
    }

    List<String> streams() {
        return streams;
    }

    /** The streams its next connections (reconnects, rotations) open with; live ones are (un)subscribed by the group. */
    void setStreams(List<String> next) {
        streams = List.copyOf(next);
    }

    void start() {
        connectDelivering();
    }

    boolean isDelivering(BinanceConnection c) {
        return c == delivering;
    }

    Rotation incomingRotation(BinanceConnection c) {
        Rotation r = rotation;
        return r != null && r.incoming == c ? r : null;
    }

    Rotation rotation() {
        return rotation;
    }

    // ---- connecting -----------------------------------------------------------------------------

    private void connectDelivering() {
        if (stopped) {
            return;
        }
        long wait = attemptDelay();
        if (wait > 0) {
            reconnectTimer = group.vertx().setTimer(Math.max(1, wait), t -> connectDelivering());
            return;
        }
        BinanceConnection c = group.newConnection(this, streams, nextOrigin);
        delivering = c;
        c.connect();
    }

    /** The attempt budget's wait; counted once per attempt it holds back, not once per re-check. */
    private long attemptDelay() {
        long wait = group.attemptDelay();
        if (wait > 0 && !attemptHeld) {
            group.attemptHeldBack();
        }
        attemptHeld = wait > 0;
        return wait;
    }

    private void scheduleReconnect(String why) {
        long delay = backoff.nextDelayMillis();
        LOG.warn("Binance shard {} of {}: {}. Reconnecting in {} ms (attempt {}). If this repeats, check "
                        + "k2.binance.base-url (K2_BINANCE_BASE_URL), the network path and the TLS settings; "
                        + "docs/runbooks/connection-incidents.md.", index, group.route(), why, delay, backoff.failures());
        reconnectTimer = group.vertx().setTimer(Math.max(1, delay), t -> connectDelivering());
    }

    @Override
    public void opened(BinanceConnection c) {
        group.connectionOpened(c);
        backoff.opened(System.currentTimeMillis());
        Rotation r = incomingRotation(c);
        if (r != null) {
            r.incomingOpened(System.nanoTime());
            LOG.info("Binance shard {}: rotation ({}) opened {} next to {}", index, r.reason, c.id,
                    delivering == null ? "no delivering connection" : delivering.id);
            if (delivering == null) {
                cutOver(System.nanoTime(), false); // the old one is gone already: nothing to wait for
            }
            return;
        }
        if (c == delivering) {
            int failures = backoff.failures();
            LOG.info("Binance connection {} open to {} ({} streams, shard {}){}", c.id, settings.baseUrl(),
                    streams.size(), index, failures > 0 ? " after " + failures + " failed attempt(s)" : "");
            return;
        }
        c.close((short) 1000, "not needed", true);
    }

    @Override
    public void connectFailed(BinanceConnection c, Throwable cause, int httpStatus, long retryAfterMillis) {
        String reason = httpStatus > 0 ? "http_" + httpStatus
                : cause instanceof TimeoutException ? "handshake_timeout" : "connect_failed";
        if (httpStatus == 429 || httpStatus == 418) {
            group.rejectedByExchange(httpStatus, retryAfterMillis);
        }
        group.reconnectCounted(reason);
        lastError = "connect failed: " + describe(cause, httpStatus, retryAfterMillis);
        backoff.closed(System.currentTimeMillis());
        Rotation r = incomingRotation(c);
        if (r != null) {
            rotation = null;
            retryNotBeforeNanos = System.nanoTime() + backoff.nextDelayMillis() * 1_000_000L;
            pendingRotation = r.reason;
            pendingRotationDead = r.oldPresumedDead;
            LOG.warn("Binance shard {}: rotation ({}) could not open a new connection: {}; the current one keeps "
                    + "delivering and the rotation is retried", index, r.reason, lastError);
            if (delivering == null) {
                scheduleReconnect(lastError);
            }
            return;
        }
        if (c == delivering) {
            delivering = null;
            nextOrigin = reason;
            scheduleReconnect(lastError);
        }
    }

    private static String describe(Throwable cause, int status, long retryAfterMillis) {
        if (status > 0) {
            return "HTTP " + status + (status == 429 ? " (too many connection attempts)" : status == 418
                    ? " (IP banned for repeated limit violations)" : "")
                    + (retryAfterMillis > 0 ? ", Retry-After " + retryAfterMillis / 1000 + " s" : "");
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        // Vert.x reports every TLS failure as "Failed to create SSL connection"; what went wrong (an untrusted
        // certificate, a host name the certificate is not for) is only in the cause chain, and the operator needs
        // it in the log and in readiness to tell those apart.
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != cause && root.getMessage() != null && !message.contains(root.getMessage())) {
            message = message + ": " + root.getMessage();
        }
        return LogText.escape(message);
    }

    @Override
    public void message(BinanceConnection c, MessageAssembler.Message message, long receivedAtMicros) {
        group.onMessage(this, c, message, receivedAtMicros);
    }

    @Override
    public void closed(BinanceConnection c, Short code, String reason, boolean deliberate) {
        group.connectionClosed(c);
        if (deliberate || stopped) {
            return;
        }
        String tag = c.closeCause() != null ? c.closeCause() : "close_" + (code == null ? 1006 : code);
        lastError = "closed by server: " + LogText.escape(c.lastCloseReason());
        backoff.closed(System.currentTimeMillis());
        Rotation r = incomingRotation(c);
        if (r != null) {
            // the incoming one died: its held frames are copies of what the delivering one carries
            group.discardHeld(r);
            rotation = null;
            pendingRotation = r.reason;
            pendingRotationDead = r.oldPresumedDead;
            retryNotBeforeNanos = System.nanoTime() + backoff.nextDelayMillis() * 1_000_000L;
            group.reconnectCounted(tag);
            LOG.warn("Binance shard {}: the incoming connection {} of a rotation ({}) closed: {}; retrying the rotation",
                    index, c.id, r.reason, LogText.escape(c.lastCloseReason()));
            return;
        }
        if (c != delivering) {
            return;
        }
        group.reconnectCounted(tag);
        reconnects++;
        delivering = null;
        nextOrigin = tag;
        Rotation inProgress = rotation;
        if (inProgress != null) {
            inProgress.presumeOldDead();
            if (inProgress.incomingOpen()) {
                LOG.warn("Binance connection {} closed ({}) during a rotation; {} takes over now", c.id,
                        LogText.escape(c.lastCloseReason()), inProgress.incoming.id);
                cutOver(System.nanoTime(), false);
            }
            return; // otherwise the incoming one delivers as soon as it opens
        }
        scheduleReconnect("connection " + c.id + " closed: " + LogText.escape(c.lastCloseReason()));
    }

    // ---- rotation -------------------------------------------------------------------------------

    /**
     * Starts a make-before-break replacement of the delivering connection.
     *
     * @param oldPresumedDead the old connection is stale or missed its pong: cut over as soon as the new one opens
     */
    void rotate(String reason, boolean oldPresumedDead) {
        if (stopped) {
            return;
        }
        BinanceConnection current = delivering;
        if (current == null || !current.isOpen()) {
            return; // a reconnect is under way already
        }
        Rotation r = rotation;
        if (r != null) {
            if (oldPresumedDead) {
                r.presumeOldDead();
            }
            return;
        }
        if (System.nanoTime() < retryNotBeforeNanos || attemptDelay() > 0) {
            pendingRotation = reason;
            pendingRotationDead |= oldPresumedDead;
            return;
        }
        pendingRotation = null;
        pendingRotationDead = false;
        BinanceConnection incoming = group.newConnection(this, streams, reason);
        rotation = new Rotation(reason, incoming, System.nanoTime(), oldPresumedDead);
        group.staleStreamsOf(this).forEach(rotation::staleOnOld);
        LOG.info("Binance shard {}: rotating {} (age {} s): {}", index, current.id,
                current.ageMillis(System.currentTimeMillis()) / 1000, reason);
        incoming.connect();
    }

    private void cutOver(long nowNanos, boolean timedOut) {
        Rotation r = rotation;
        if (r == null) {
            return;
        }
        rotation = null;
        BinanceConnection old = delivering;
        delivering = r.incoming;
        if (old != null) {
            // nothing more from the old socket reaches the tracker: the incoming one carries on from here
            old.stopReading();
            old.close((short) 1000, closeText(r.reason), true);
        }
        rotations++;
        group.rotated(this, r, old, timedOut);
    }

    private static String closeText(String reason) {
        return switch (reason) {
            case "lifetime", "near_cutoff" -> "Periodic rotation";
            default -> "Rotation: " + reason.replace('_', ' ');
        };
    }

    /** The timer route's check: planned rotations by age. */
    void checkLifetime(long nowMillis) {
        BinanceConnection c = delivering;
        if (c == null || !c.isOpen() || rotation != null) {
            return;
        }
        String reason = plannedRotation(c.ageMillis(nowMillis), settings.maxLifetime().toMillis());
        if (reason != null) {
            rotate(reason, false);
        }
    }

    /**
     * Whether a connection of this age is due for a planned rotation: {@code near_cutoff} 15 minutes before
     * Binance's own 24 h cut-off whatever the configured lifetime, {@code lifetime} past the configured one, else
     * null.
     */
    static String plannedRotation(long ageMillis, long maxLifetimeMillis) {
        if (ageMillis >= ConnectionGroup.BINANCE_LIFETIME_MILLIS - ConnectionSettings.BINANCE_CUT_OFF_MARGIN.toMillis()) {
            return "near_cutoff";
        }
        return ageMillis >= maxLifetimeMillis ? "lifetime" : null;
    }

    // ---- heartbeat and housekeeping -------------------------------------------------------------

    /** Runs every few hundred ms on the event loop. */
    void housekeeping(long nowNanos, boolean pausedForBackpressure) {
        if (stopped) {
            return;
        }
        BinanceConnection c = delivering;
        // Judged once per connection: the verdict stays true on every tick until the cut-over (or the retried
        // rotation) replaces it, and judging it again counted one missed pong as one per tick and logged each.
        if (c != null && c.isOpen() && c != judgedDead) {
            String verdict = heartbeat(c, nowNanos, pausedForBackpressure);
            if (verdict != null) {
                judgedDead = c;
                if (verdict.equals("pong_timeout")) {
                    group.pongTimedOut();
                }
                LOG.warn("Binance connection {} (shard {}): {}; replacing it (make-before-break)", c.id, index,
                        verdict.equals("pong_timeout") ? "no pong within " + settings.pingTimeout().toMillis() + " ms of our ping"
                                : "no message at all for " + settings.silenceTimeout().toMillis() + " ms");
                rotate(verdict, true);
            }
        }
        Rotation r = rotation;
        if (r != null) {
            BinanceConnection in = r.incoming;
            if (in.isOpen() && heartbeat(in, nowNanos, pausedForBackpressure) != null) {
                LOG.warn("Binance shard {}: the incoming connection {} of a rotation went silent; retrying", index, in.id);
                in.close((short) 1000, "silent", false, "incoming_silent");
            } else if (r.incomingOpen()) {
                if (r.caughtUp(group.tracker(), nowNanos, MIN_OVERLAP_NANOS)) {
                    cutOver(nowNanos, false);
                } else if (nowNanos - r.startedNanos >= settings.catchUpTimeout().toNanos() && !pausedForBackpressure) {
                    LOG.warn("Binance shard {}: rotation ({}) did not catch up within {} ms on {}; closing the old "
                                    + "connection anyway (what it had not delivered is a gap)", index, r.reason,
                            settings.catchUpTimeout().toMillis(), r.lagging(group.tracker()));
                    cutOver(nowNanos, true);
                }
            }
        } else if (pendingRotation != null && nowNanos >= retryNotBeforeNanos) {
            rotate(pendingRotation, pendingRotationDead);
        }
    }

    /** @return null while the connection is healthy, else why it is not: "pong_timeout" or "stale" */
    private String heartbeat(BinanceConnection c, long nowNanos, boolean groupPaused) {
        if (groupPaused || c.isPaused()) {
            // nothing is read while paused, so silence proves nothing; a ping write shows a vanished peer
            if (c.sinceLastPingNanos(nowNanos) >= PAUSED_PROBE_NANOS) {
                c.ping(nowNanos);
            }
            return null;
        }
        long waiting = c.pingWaitingNanos(nowNanos);
        if (waiting >= settings.pingTimeout().toNanos()) {
            return "pong_timeout";
        }
        long silent = c.silentNanos(nowNanos);
        if (silent >= settings.silenceTimeout().toNanos()) {
            return "stale";
        }
        // A silent connection is probed before it is judged, so a quiet market never costs a reconnect.
        if (silent >= settings.silenceTimeout().toNanos() / 2 || c.sinceLastPingNanos(nowNanos) >= settings.pingInterval().toNanos()) {
            c.ping(nowNanos);
        }
        return null;
    }

    // ---- stopping and status --------------------------------------------------------------------

    /** No reconnects or rotations from now on, and nothing more is read. */
    void stopReading() {
        stopped = true;
        if (reconnectTimer >= 0) {
            group.vertx().cancelTimer(reconnectTimer);
        }
        for (BinanceConnection c : connections()) {
            c.stopReading();
        }
    }

    List<BinanceConnection> connections() {
        List<BinanceConnection> out = new ArrayList<>(2);
        BinanceConnection d = delivering;
        if (d != null) {
            out.add(d);
        }
        Rotation r = rotation;
        if (r != null) {
            out.add(r.incoming);
        }
        return out;
    }

    ShardStatus status() {
        BinanceConnection d = delivering;
        Rotation r = rotation;
        List<ShardStatus.Connection> live = new ArrayList<>(2);
        if (d != null && d.isOpen()) {
            live.add(info(d, "delivering"));
        }
        if (r != null && r.incoming.isOpen()) {
            live.add(info(r.incoming, "incoming"));
        }
        ConnectionState state = stopped ? ConnectionState.STOPPED
                : d != null && d.isOpen() && !live.get(0).silent() ? ConnectionState.OPEN
                : d != null && d.isOpen() ? ConnectionState.STALE
                : d != null ? ConnectionState.CONNECTING : ConnectionState.WAITING_TO_RECONNECT;
        return new ShardStatus(index, streams.size(), state, live, backoff.failures(), reconnects, rotations,
                lastError, r == null ? null : r.reason);
    }

    private ShardStatus.Connection info(BinanceConnection c, String role) {
        boolean silent = !c.isPaused() && c.silentNanos(System.nanoTime()) >= settings.silenceTimeout().toNanos();
        return new ShardStatus.Connection(c.id, role, c.url(), c.openedAtMillis(), c.lastMessageMillis(),
                c.lastPongMillis(), c.isPaused(), silent);
    }
}
