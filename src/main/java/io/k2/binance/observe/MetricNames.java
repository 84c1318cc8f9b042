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
    /**
     * Resident set size of this process (OSHI), bytes, as of the last memory sample: the same value as
     * {@link #PROCESS_MEMORY_RSS}, under the name the dashboards have used so far.
     */
    public static final String PROCESS_RSS = "k2.process.resident.memory.bytes";
    /** Full collections run to hand an oversized heap back to the OS ({@code HeapGiveBack}). */
    public static final String HEAP_GIVE_BACKS = "k2.heap.give.backs";
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

    /** Holes in a contiguous stream's ids (trade t, aggTrade a or f/l, depth U/u). Tags: stream. */
    public static final String SEQUENCE_GAPS = "binance.sequence.gaps";
    /** Ids missing in those holes, in the stream's own id space. Tags: stream. */
    public static final String MISSING_EVENTS = "binance.missing.events";
    /** Gaps with an outcome. Tags: stream, outcome (backfilled, snapshot_published, given_up). */
    public static final String GAPS_CLOSED = "binance.gaps.closed";
    /** Gaps given up. Tags: stream, reason (older_than_rest_history, over_budget, rest_banned, ...). */
    public static final String GAPS_GIVEN_UP = "binance.gaps.given.up";
    /** Gaps detected and not closed yet. */
    public static final String GAPS_OPEN = "binance.gaps.open";
    /** Age of the oldest gap not closed yet, seconds. */
    public static final String GAP_OLDEST_OPEN_AGE = "binance.gaps.oldest.open.age.seconds";
    /** Events fetched over REST and published in place of missed ones. Tags: stream. */
    public static final String BACKFILLED_EVENTS = "binance.backfilled.events";
    /** How long live frames waited behind a gap (timer). */
    public static final String GAP_HOLD = "binance.gap.hold";
    /** Holds that ran out (k2.gaps.max-hold-ms or k2.gaps.max-held-frames), so a backfill landed late. Tags: stream. */
    public static final String GAP_HOLDS_EXPIRED = "binance.gap.holds.expired";
    /** Live frames held back behind open gaps now. */
    public static final String GAP_HELD_FRAMES = "binance.gap.held.frames";
    /** Records made from REST answers that Kafka acked on a data topic. Tags: stream, origin (backfill, snapshot). */
    public static final String RECORDS_ACKED_FROM_REST = "k2.records.acked.from.rest";
    /** Gap records Kafka acked on the gaps topic. Tags: record (detected, closed). */
    public static final String GAP_RECORDS = "k2.gap.records";
    /** REST requests by answer. Tags: endpoint (historicalTrades, aggTrades, depth), status (200, 429, 418, error, ...). */
    public static final String REST_REQUESTS = "binance.rest.requests";
    /** Until when Binance bans this IP from REST (418), epoch seconds; 0 = not banned. */
    public static final String REST_BANNED_UNTIL = "binance.rest.banned.until.timestamp.seconds";
    /** REST weight the IP used in the current window, per Binance's X-MBX-USED-WEIGHT header. */
    public static final String REST_WEIGHT_USED = "binance.rest.weight.used";
    /** REST weight this process allows itself per window (k2.rest.weight-limit). */
    public static final String REST_WEIGHT_LIMIT = "binance.rest.weight.limit";
    /** REST requests waiting for weight, a 429 back-off or a ban to pass. */
    public static final String REST_QUEUE = "binance.rest.queue";

    /**
     * Schemas whose single-object writer the encoder holds now; at most k2.kafka.serializer-cache-max-size.
     * Name (no k2 prefix) kept from the service this replaces.
     */
    public static final String SERIALIZER_CACHE_SIZE = "serializer.cache.size";
    /** Schema entries evicted from that cache; each is rebuilt on its next record (costs time, never a record). */
    public static final String SERIALIZER_CACHE_EVICTIONS = "serializer.cache.evictions";
    // Memory monitor (docs/memory.md). The first three keep the names of the service this replaces.
    /** Resident set size of this process (OSHI), bytes, as of the last memory sample. */
    public static final String PROCESS_MEMORY_RSS = "process.memory.rss.bytes";
    /** Virtual size of this process (OSHI), bytes, as of the last memory sample. */
    public static final String PROCESS_MEMORY_VMS = "process.memory.vms.bytes";
    /** How much the RSS over the sample window looks like a leak, 0..1 (growth in MB/h mapped to 0..1, times R²). */
    public static final String LEAK_SCORE = "memory.leak.detection.score";
    /** Growth of the RSS over the sample window, MB (2^20 bytes) per hour, from a least-squares line. */
    public static final String LEAK_SLOPE = "memory.leak.slope.mb.per.hour";
    /** R² of that line, 0..1: how much of the RSS's movement the growth explains. */
    public static final String LEAK_R2 = "memory.leak.r2";
    /** JVM heap in use right after the last collection, summed over the heap pools, bytes. */
    public static final String HEAP_AFTER_GC = "k2.jvm.heap.after.gc.bytes";

    public static final String TAG_STREAM = "stream";
    public static final String TAG_ENDPOINT = "endpoint";
    public static final String TAG_STATUS = "status";
    public static final String TAG_RECORD = "record";
    public static final String TAG_ORIGIN = "origin";
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
