package io.k2.binance.simulator;

import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.impl.ConnectionBase;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One client WebSocket with the per-connection rules of binance-protocol.md §2: the {@code combined} and
 * {@code timeUnit} settings, its subscriptions, the incoming message limit, the ping/pong exchange and
 * the lifetime.
 *
 * <p>Confined to the simulator's event loop.
 */
final class SimulatedConnection {

    /** Frame a client needs to see for a planned close; 1001 is what Binance has been seen to use. */
    static final short GOING_AWAY = 1001;
    static final short POLICY_VIOLATION = 1008;

    private record PendingPing(String payload, long sentNanos) {
    }

    final String id;
    final String remoteIp;
    final boolean micros;
    boolean combined;
    /** In subscription order, as LIST_SUBSCRIPTIONS shows them. */
    final Set<String> subscriptions = new LinkedHashSet<>();
    final IncomingRateLimit rateLimit;
    long backoffTick = -1;

    private final ServerWebSocket ws;
    private final InboundFrameGate gate = new InboundFrameGate();
    private final Set<String> stalledStreams = new HashSet<>();
    private boolean dataStalled;
    private boolean pingsSwallowed;
    private boolean frozen;
    private final HttpServerRequest upgradeRequest;
    private final ArrayDeque<PendingPing> pendingPings = new ArrayDeque<>();
    private final long pongTimeoutNanos;
    private long pingCount;
    private long shutdownNoticeAtNanos;
    private long closeAtNanos;
    private boolean shutdownSent;
    private boolean closed;
    /** Set when this side ended the connection: what {@link #closeRecord()} reports. */
    private ClosedConnection closedByServer;

    SimulatedConnection(String id, ServerWebSocket ws, HttpServerRequest upgradeRequest, boolean combined,
                        boolean micros, SimulatorConfig config, long nowNanos) {
        this.id = id;
        this.ws = ws;
        this.upgradeRequest = upgradeRequest;
        this.remoteIp = upgradeRequest.remoteAddress().hostAddress();
        this.combined = combined;
        this.micros = micros;
        this.rateLimit = new IncomingRateLimit(config.incomingMessagesPerSecond());
        this.pongTimeoutNanos = config.pongTimeout().toNanos();
        long lifetime = config.connectionLifetime().toNanos();
        this.closeAtNanos = nowNanos + lifetime;
        this.shutdownNoticeAtNanos = nowNanos + Math.max(0, lifetime - config.shutdownNotice().toNanos());
        ws.setWriteQueueMaxSize(config.writeQueueMaxBytes());
        // Vert.x flushes every write made outside a read; at 100k msgs/s that is a syscall per message.
        // This lets a generation tick's writes leave in a few flushes instead.
        channel().pipeline().addFirst("flush-consolidation", new FlushConsolidationHandler(256, true));
        // "handler" is Vert.x's own; in front of it frames are still Netty's and pings not yet answered.
        channel().pipeline().addBefore("handler", InboundFrameGate.NAME, gate);
    }

    // ---- targeted faults ----------------------------------------------------------------------

    /** Whether data of this stream goes out to this connection now. */
    boolean takesData(String stream) {
        return !dataStalled && !frozen && (stalledStreams.isEmpty() || !stalledStreams.contains(stream));
    }

    void stallData(boolean stalled) {
        dataStalled = stalled;
    }

    void stallStream(String stream, boolean stalled) {
        if (stalled) {
            stalledStreams.add(stream);
        } else {
            stalledStreams.remove(stream);
        }
    }

    /** Half-open: the client's pings are swallowed, so no pong goes back; everything else goes on. */
    void swallowPings(boolean swallow) {
        pingsSwallowed = swallow;
        gate.swallowPings(swallow);
    }

    /**
     * Like a SIGSTOPped server: nothing is written (no data, no pings), nothing read (client pings and
     * control messages wait in the gate), no timeout or lifetime enforced, and the socket stays open.
     */
    void freeze(boolean freeze) {
        frozen = freeze;
        gate.freeze(freeze);
    }

    boolean frozen() {
        return frozen;
    }

    /** The faults in force, for {@code /sim/connections}. */
    List<String> faults() {
        List<String> out = new ArrayList<>();
        if (dataStalled) {
            out.add("stall");
        }
        stalledStreams.stream().sorted().forEach(s -> out.add("stall:" + s));
        if (pingsSwallowed) {
            out.add("half-open");
        }
        if (frozen) {
            out.add("freeze");
        }
        if (shutdownSent) {
            out.add("shutdown-sent");
        }
        return out;
    }

    boolean isClosed() {
        return closed;
    }

    boolean writeQueueFull() {
        return ws.writeQueueFull();
    }

    void write(String text) {
        if (!closed && !frozen) {
            ws.writeTextMessage(text, null);
        }
    }

    // ---- heartbeat ----------------------------------------------------------------------------

    /** Pings carry a unique payload so a pong only counts when it echoes one we sent. */
    void ping(long nowNanos) {
        if (closed || frozen) {
            return;
        }
        String payload = "sim-" + id + "-" + (++pingCount);
        pendingPings.addLast(new PendingPing(payload, nowNanos));
        ws.writePing(Buffer.buffer(payload), null);
    }

    /** An echo of an outstanding ping answers it and every older one; anything else is unsolicited. */
    void pong(String payload) {
        boolean matches = pendingPings.stream().anyMatch(p -> p.payload.equals(payload));
        if (matches) {
            PendingPing p;
            do {
                p = pendingPings.pollFirst();
            } while (p != null && !p.payload.equals(payload));
        }
    }

    boolean pongOverdue(long nowNanos) {
        if (frozen) {
            return false;
        }
        PendingPing oldest = pendingPings.peekFirst();
        return oldest != null && nowNanos - oldest.sentNanos > pongTimeoutNanos;
    }

    // ---- lifetime -----------------------------------------------------------------------------

    boolean shutdownNoticeDue(long nowNanos) {
        return !frozen && !shutdownSent && nowNanos >= shutdownNoticeAtNanos;
    }

    boolean lifetimeOver(long nowNanos) {
        return !frozen && nowNanos >= closeAtNanos;
    }

    /** Sends {@code serverShutdown} and closes {@code noticeNanos} later. */
    void announceShutdown(long nowNanos, long noticeNanos) {
        if (closed) {
            return;
        }
        shutdownSent = true;
        closeAtNanos = Math.min(closeAtNanos, nowNanos + noticeNanos);
        Instant now = Instant.now();
        String payload = new MarketEvent.ServerShutdown(now.getEpochSecond() * 1_000_000L + now.getNano() / 1000)
                .render(micros);
        write(combined ? Subscriptions.wrap(MarketEvent.ServerShutdown.STREAM, payload) : payload);
    }

    // ---- closing ------------------------------------------------------------------------------

    void close(int code, String reason) {
        if (!closed) {
            closed = true;
            closedByServer = new ClosedConnection(id, true, code, reason == null ? "" : reason);
            ws.close((short) code, reason);
        }
    }

    /** Closes the TCP connection without a close frame: the client sees 1006, as on a network drop. */
    void dropAbruptly() {
        if (!closed) {
            closed = true;
            closedByServer = new ClosedConnection(id, true, ClosedConnection.ABNORMAL, "");
            // Straight to the transport: a pipeline close would let the WebSocket handlers send a close frame.
            Channel channel = channel();
            channel.unsafe().close(channel.voidPromise());
        }
    }

    private Channel channel() {
        return ((ConnectionBase) upgradeRequest.connection()).channel();
    }

    /**
     * How the connection ended: the simulator's own close if it made one, else the client's close frame
     * (1006 when there was none, e.g. the client process died).
     */
    ClosedConnection closeRecord() {
        if (closedByServer != null) {
            return closedByServer;
        }
        Short code = ws.closeStatusCode();
        String reason = ws.closeReason();
        return new ClosedConnection(id, false, code == null ? ClosedConnection.ABNORMAL : code, reason == null ? "" : reason);
    }

    /** Called once the socket is gone, however it went. */
    void markClosed() {
        closed = true;
    }
}
