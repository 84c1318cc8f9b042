package io.k2.binance.observe;

/**
 * Every metric the app registers, in one place. Micrometer names; Prometheus shows them with dots as
 * underscores and counters with a {@code _total} suffix (e.g. {@code k2_events_received_total}).
 * docs/metrics.md and the alert rules use the Prometheus form.
 */
public final class MetricNames {

    /** Frames read off a Binance socket. Tags: stream. */
    public static final String EVENTS_RECEIVED = "k2.events.received";
    /** Records Kafka acknowledged on a data topic. Tags: stream. */
    public static final String RECORDS_ACKED = "k2.records.acked";
    /** Records written to the dead-letter topic. Tags: stream, reason. */
    public static final String DEAD_LETTERED = "k2.records.dead.lettered";
    /** Frames that could not be written even to the dead-letter topic; logged in full at ERROR. Tags: stream, reason. */
    public static final String DEAD_LETTER_FAILED = "k2.records.dead.letter.failed";
    /** Resident set size of this process (OSHI), bytes. */
    public static final String PROCESS_RSS = "k2.process.resident.memory.bytes";
    /** Frames that are not events (subscription responses, serverShutdown), recognised at the connection. Tags: kind. */
    public static final String CONTROL_FRAMES = "k2.control.frames";
    /** Receive-to-ack latency of data records. Tags: type. */
    public static final String ACK_LATENCY = "k2.ack.latency";

    /** Frames dropped because the same event was already delivered (rotation overlap, a re-sent id). Tags: stream. */
    public static final String DUPLICATES = "k2.events.duplicates";

    /** Sockets to the exchange open now (two per shard during a rotation overlap). Tags: route. */
    public static final String CONNECTIONS_OPEN = "k2.binance.connections.open";
    /** Successful connects (first connect, every reconnect and every rotation). Tags: route. */
    public static final String CONNECTS = "k2.binance.connects";
    /**
     * Unplanned connection losses and failed connect attempts, each followed by a reconnect with backoff.
     * Tags: route, reason (close_1006, close_1008, ..., connect_failed, handshake_timeout, http_429, http_418).
     * Name kept from the service this replaces so its dashboards keep working.
     */
    public static final String RECONNECTS = "binance.reconnects";
    /** Make-before-break replacements. Tags: route, reason (lifetime, server_shutdown, pong_timeout, stale, stream_stale, near_cutoff). */
    public static final String ROTATIONS = "binance.connection.rotations";
    /** Rotations that closed the old connection before the new one had caught up (timeout). Tags: route. */
    public static final String ROTATION_CATCH_UP_TIMEOUTS = "binance.connection.rotation.catch.up.timeouts";
    /** Age of each live connection, seconds. Tags: route, shard, connection. */
    public static final String CONNECTION_LIFETIME = "binance.connection.lifetime.seconds";
    /** When each live connection last got a pong to our ping, epoch seconds (0 before the first). Tags: route, shard, connection. */
    public static final String LAST_PONG = "binance.last.pong.timestamp.seconds";
    /** Our pings that got no pong within k2.binance.ping-timeout-seconds. Tags: route. */
    public static final String PONG_TIMEOUTS = "binance.pong.timeouts";
    /** When each configured stream last delivered a message, epoch seconds (0 = never). Tags: stream. */
    public static final String LAST_MESSAGE = "binance.last.message.timestamp.seconds";
    /** Connect attempts held back by the client-side budget (300 per 5 min per IP) or a 429/418 Retry-After. Tags: route. */
    public static final String CONNECT_ATTEMPTS_DELAYED = "k2.binance.connect.attempts.delayed";
    /** SUBSCRIBE/UNSUBSCRIBE requests Binance answered with an error or not at all. Tags: route, outcome. */
    public static final String SUBSCRIPTION_FAILURES = "k2.binance.subscription.failures";
    /** Frames read but not yet handed to the route. Tags: route. */
    public static final String INGEST_QUEUE = "k2.ingest.queue.depth";
    /** Exchanges handed to the route whose Kafka outcome is still open. Tags: route. */
    public static final String INGEST_INFLIGHT = "k2.ingest.inflight";
    /** Times the sockets were paused because the pipeline fell behind (back-pressure). Tags: route. */
    public static final String BACKPRESSURE_PAUSES = "k2.ingest.backpressure.pauses";

    /** Failed attempts to start a route (the first start and every retry of the route controller). Tags: route. */
    public static final String ROUTE_START_FAILURES = "k2.route.start.failures";

    public static final String TAG_STREAM = "stream";
    public static final String TAG_REASON = "reason";
    public static final String TAG_TYPE = "type";
    public static final String TAG_ROUTE = "route";
    public static final String TAG_KIND = "kind";
    public static final String TAG_SHARD = "shard";
    public static final String TAG_CONNECTION = "connection";
    public static final String TAG_OUTCOME = "outcome";

    private MetricNames() {
    }
}
