package io.k2.binance.connection;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.k2.binance.observe.LogText;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;

/**
 * One WebSocket to Binance: its handshake (with our own deadline), the messages read off it, its ping and
 * pong, its own back-pressure pause and its close. It decides nothing: its {@link Listener}, the
 * {@link ConnectionGroup}, decides what a message, a silence or a close means.
 *
 * <p>Confined to the group's Vert.x event loop; the volatile fields are read by status snapshots.
 */
public final class BinanceConnection {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BinanceConnection.class);

    /** What the connection reports to its owner, on the event loop. */
    interface Listener {
        void opened(BinanceConnection connection);

        /** @param httpStatus the handshake's HTTP status when the server refused the upgrade, else 0 */
        void connectFailed(BinanceConnection connection, Throwable cause, int httpStatus, long retryAfterMillis);

        void message(BinanceConnection connection, MessageAssembler.Message message, long receivedAtMicros);

        /** @param deliberate we closed it on purpose: never a reason to reconnect */
        void closed(BinanceConnection connection, Short code, String reason, boolean deliberate);
    }

    enum State { CONNECTING, OPEN, CLOSED }

    final String id;
    final int shard;
    final List<String> streams;
    /** Why it was opened: "start", or the reconnect / rotation reason tag; decides the cause of a gap after it. */
    final String origin;
    private final String url;
    private final Vertx vertx;
    private final WebSocketClient client;
    private final ConnectionSettings settings;
    private final Listener listener;
    private final MessageAssembler assembler;
    private final MessageBudget budget = new MessageBudget();

    private WebSocket ws;
    private volatile State state = State.CONNECTING;
    private volatile long openedAtMillis;
    private volatile long lastMessageNanos;
    private volatile long lastMessageMillis;
    private volatile long lastPongMillis;
    private volatile String lastCloseReason;
    private long lastPingSentNanos;
    private String pingOutstanding;
    private long pingOutstandingSince;
    private long pingSeq;
    private boolean reading = true;
    private boolean paused;
    private boolean deliberateClose;
    private long handshakeDeadline = -1;
    private volatile String closeCause;
    /** Our SUBSCRIBE/UNSUBSCRIBE frames not sent yet (id, json), sent as the message budget allows. */
    private final java.util.ArrayDeque<String[]> controlsToSend = new java.util.ArrayDeque<>();
    /** Request id -> when it was sent, until Binance answers it. */
    private final java.util.Map<String, Long> awaiting = new java.util.HashMap<>();

    BinanceConnection(String id, int shard, List<String> streams, String origin, String url, Vertx vertx,
                      WebSocketClient client, ConnectionSettings settings, Listener listener) {
        this.id = id;
        this.origin = origin;
        this.shard = shard;
        this.streams = List.copyOf(streams);
        this.url = url;
        this.vertx = vertx;
        this.client = client;
        this.settings = settings;
        this.listener = listener;
        this.assembler = new MessageAssembler(settings.maxFrameBytes());
    }

    /** Starts the handshake; the listener hears {@code opened} or {@code connectFailed}, exactly once. */
    void connect() {
        // Our own deadline: WebSocketConnectOptions.setTimeout would also idle-close the open socket later, and a
        // server that accepts TCP but never answers the upgrade must not hang the shard.
        handshakeDeadline = vertx.setTimer(settings.connectTimeout().toMillis(), t -> {
            if (state == State.CONNECTING) {
                state = State.CLOSED;
                listener.connectFailed(this, new TimeoutException("no WebSocket handshake within "
                        + settings.connectTimeout().toMillis() + " ms"), 0, 0);
            }
        });
        client.connect(new WebSocketConnectOptions().setAbsoluteURI(url)).onComplete(ar -> {
            vertx.cancelTimer(handshakeDeadline);
            if (state != State.CONNECTING) {
                // the deadline already failed this attempt and another may be under way: never keep two sockets
                if (ar.succeeded()) {
                    ar.result().close();
                }
                return;
            }
            if (ar.failed()) {
                state = State.CLOSED;
                int status = 0;
                long retryAfter = 0;
                if (ar.cause() instanceof UpgradeRejectedException rejected) {
                    status = rejected.getStatus();
                    retryAfter = retryAfterMillis(rejected.getHeaders() == null ? null
                            : rejected.getHeaders().get("Retry-After"));
                }
                listener.connectFailed(this, ar.cause(), status, retryAfter);
                return;
            }
            open(ar.result());
        });
    }

    private void open(WebSocket socket) {
        ws = socket;
        long now = System.nanoTime();
        state = State.OPEN;
        openedAtMillis = System.currentTimeMillis();
        lastMessageNanos = now;
        lastMessageMillis = openedAtMillis;
        lastPingSentNanos = now;
        socket.frameHandler(this::frame);
        socket.exceptionHandler(e -> {
            if (e instanceof io.netty.handler.codec.CorruptedFrameException) {
                // Netty's decoder refuses a frame above its limit and then reads nothing more on this socket:
                // report the message as oversized (it is counted and dead-lettered) and drop the socket
                if (reading) {
                    listener.message(this, new MessageAssembler.Message("", new byte[0], Long.MAX_VALUE), nowMicros());
                }
                close((short) 1009, "frame too large", false, "frame_too_large");
            } else {
                LOG.warn("Binance connection {} error: {}", id, LogText.escape(e.toString()));
            }
        });
        socket.closeHandler(v -> {
            state = State.CLOSED;
            Short code = socket.closeStatusCode();
            String reason = socket.closeReason();
            lastCloseReason = code == null ? "1006 (no close frame)" : code + (reason == null || reason.isEmpty() ? "" : " " + reason);
            listener.closed(this, code, reason, deliberateClose);
        });
        if (paused) {
            socket.pause();
        }
        listener.opened(this);
    }

    private void frame(WebSocketFrame frame) {
        long now = System.nanoTime();
        lastMessageNanos = now;
        lastMessageMillis = System.currentTimeMillis();
        if (frame.type() == io.vertx.core.http.WebSocketFrameType.PING) {
            // Vert.x has already echoed it: that pong counts towards Binance's 5 messages per second
            budget.pongSent(now);
            return;
        }
        if (frame.type() == io.vertx.core.http.WebSocketFrameType.PONG) {
            if (pingOutstanding != null && pingOutstanding.equals(frame.textData())) {
                pingOutstanding = null;
                lastPongMillis = lastMessageMillis;
            }
            return;
        }
        if (!reading) {
            return;
        }
        MessageAssembler.Message message = assembler.accept(frame);
        if (message != null) {
            listener.message(this, message, nowMicros());
        }
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    // ---- heartbeat ------------------------------------------------------------------------------

    /**
     * Sends our ping, unless one is outstanding or the message budget is spent this second.
     *
     * @return true if a ping is (now) outstanding
     */
    boolean ping(long nowNanos) {
        if (state != State.OPEN) {
            return false;
        }
        if (pingOutstanding != null) {
            return true;
        }
        if (!budget.tryControl(nowNanos)) {
            return false;
        }
        String payload = "k2-" + id + "-" + (++pingSeq);
        pingOutstanding = payload;
        pingOutstandingSince = nowNanos;
        lastPingSentNanos = nowNanos;
        ws.writePing(Buffer.buffer(payload)).onFailure(e -> {
            // a write to a peer that has gone shows up here first while we are paused and read nothing
            if (state == State.OPEN) {
                close((short) 1006, "write failed: " + e.getMessage(), false, "write_failed");
            }
        });
        return true;
    }

    /** Nanos the outstanding ping has waited for its pong, or -1. */
    long pingWaitingNanos(long nowNanos) {
        return pingOutstanding == null ? -1 : nowNanos - pingOutstandingSince;
    }

    long sinceLastPingNanos(long nowNanos) {
        return nowNanos - lastPingSentNanos;
    }

    long silentNanos(long nowNanos) {
        return nowNanos - lastMessageNanos;
    }

    /** A text frame of ours (SUBSCRIBE, UNSUBSCRIBE); false when the budget allows none right now. */
    boolean sendControl(String json, long nowNanos) {
        if (state != State.OPEN || !budget.tryControl(nowNanos)) {
            return false;
        }
        ws.writeTextMessage(json);
        return true;
    }

    /** Queues a control request to send as soon as the message budget allows. */
    void queueControl(String requestId, String json) {
        controlsToSend.addLast(new String[] {requestId, json});
    }

    /** Sends queued control requests within the budget. */
    void flushControls(long nowNanos) {
        while (!controlsToSend.isEmpty() && state == State.OPEN) {
            String[] next = controlsToSend.peekFirst();
            if (!sendControl(next[1], nowNanos)) {
                return;
            }
            controlsToSend.pollFirst();
            awaiting.put(next[0], nowNanos);
        }
    }

    /** @return true when the id was a request of this connection's (now answered) */
    boolean answered(String requestId) {
        return requestId != null && awaiting.remove(requestId) != null;
    }

    /** Every subscription request sent and answered. */
    boolean subscribed() {
        return controlsToSend.isEmpty() && awaiting.isEmpty();
    }

    /** A request Binance has not answered for longer than {@code timeoutNanos}, or null. */
    String overdueRequest(long nowNanos, long timeoutNanos) {
        for (java.util.Map.Entry<String, Long> e : awaiting.entrySet()) {
            if (nowNanos - e.getValue() >= timeoutNanos) {
                return e.getKey();
            }
        }
        return null;
    }

    // ---- reading and closing --------------------------------------------------------------------

    void pause() {
        if (!paused) {
            paused = true;
            if (ws != null) {
                ws.pause();
            }
        }
    }

    void resume() {
        if (paused) {
            paused = false;
            // nothing was read while paused: silence and a pending pong prove nothing, so their clocks restart
            long now = System.nanoTime();
            lastMessageNanos = now;
            if (pingOutstanding != null) {
                pingOutstandingSince = now;
            }
            if (ws != null) {
                ws.resume();
            }
        }
    }

    boolean isPaused() {
        return paused;
    }

    /**
     * Nothing read from now on reaches the listener (pings are still answered by Vert.x). Used before a
     * shutdown drain and when a rotation retires this connection, so that what was handed on is all there is.
     */
    void stopReading() {
        reading = false;
        resume();
    }

    /** Closes on purpose (never followed by a reconnect) or, with {@code deliberate=false}, as a failure. */
    void close(short code, String reason, boolean deliberate) {
        close(code, reason, deliberate, null);
    }

    /** @param cause the reconnect reason to count when we close a connection as failed ourselves, or null */
    void close(short code, String reason, boolean deliberate, String cause) {
        if (cause != null && closeCause == null) {
            closeCause = cause;
        }
        deliberateClose |= deliberate;
        lastCloseReason = code + " " + reason;
        if (state == State.CONNECTING) {
            state = State.CLOSED;
            vertx.cancelTimer(handshakeDeadline);
            return;
        }
        if (ws != null && state == State.OPEN) {
            ws.close(code, reason);
        }
    }

    boolean isOpen() {
        return state == State.OPEN;
    }

    State state() {
        return state;
    }

    long openedAtMillis() {
        return openedAtMillis;
    }

    long ageMillis(long nowMillis) {
        return openedAtMillis == 0 ? 0 : nowMillis - openedAtMillis;
    }

    long lastMessageMillis() {
        return lastMessageMillis;
    }

    long lastPongMillis() {
        return lastPongMillis;
    }

    /** Why we closed it as failed ourselves (a reconnect reason), or null when the server closed it. */
    String closeCause() {
        return closeCause;
    }

    String lastCloseReason() {
        return lastCloseReason;
    }

    String url() {
        return url;
    }

    /** Retry-After is seconds (or an HTTP date, which we treat as a minute: rare, and safe). */
    static long retryAfterMillis(String header) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(header.trim())) * 1000;
        } catch (NumberFormatException e) {
            return 60_000;
        }
    }
}
