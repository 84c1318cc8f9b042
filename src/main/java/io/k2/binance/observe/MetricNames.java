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
    /** Frames that are not events (subscription responses, serverShutdown). Tags: kind. */
    public static final String CONTROL_FRAMES = "k2.control.frames";
    /** Resident set size of this process (OSHI), bytes. */
    public static final String PROCESS_RSS = "k2.process.resident.memory.bytes";
    /** Receive-to-ack latency of data records. Tags: type. */
    public static final String ACK_LATENCY = "k2.ack.latency";

    /** 1 while a socket to the exchange is open, else 0. Tags: route. */
    public static final String CONNECTIONS_OPEN = "k2.binance.connections.open";
    /** Successful connects (first connect and every reconnect). Tags: route. */
    public static final String CONNECTS = "k2.binance.connects";
    /** Failed connect attempts and unexpected closes. Tags: route, cause. */
    public static final String DISCONNECTS = "k2.binance.disconnects";
    /** Frames read but not yet handed to the route. Tags: route. */
    public static final String INGEST_QUEUE = "k2.ingest.queue.depth";
    /** Exchanges handed to the route whose Kafka outcome is still open. Tags: route. */
    public static final String INGEST_INFLIGHT = "k2.ingest.inflight";
    /** Times the socket was paused because the pipeline fell behind (back-pressure). Tags: route. */
    public static final String BACKPRESSURE_PAUSES = "k2.ingest.backpressure.pauses";

    /** Failed attempts to start a route (the first start and every retry of the route controller). Tags: route. */
    public static final String ROUTE_START_FAILURES = "k2.route.start.failures";

    public static final String TAG_STREAM = "stream";
    public static final String TAG_REASON = "reason";
    public static final String TAG_TYPE = "type";
    public static final String TAG_ROUTE = "route";
    public static final String TAG_CAUSE = "cause";
    public static final String TAG_KIND = "kind";

    private MetricNames() {
    }
}
