package io.k2.binance.component;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.k2.binance.connection.ConnectionSettings;
import io.k2.binance.connection.StreamSet;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Every option of a {@code binance:spot} endpoint, with its default and its validation, in one place (as
 * camel-vertx-websocket's {@code VertxWebsocketConfiguration} does). The app's start-up check validates the
 * operator's {@code k2.*} keys through {@link #problems()} too, so the endpoint and the settings check can
 * never disagree. Operator key names do not appear here: the component knows only its options.
 */
@UriParams
public class BinanceConfiguration implements Cloneable {

    /** Binance closes every connection at 24 h; rotating must happen before that. */
    static final Duration BINANCE_MAX_LIFETIME = Duration.ofHours(24);

    @UriParam(description = "Comma-separated symbols, e.g. btcusdt,ethusdt (case-insensitive)")
    @Metadata(required = true)
    private String symbols;
    @UriParam(description = "Comma-separated stream types, e.g. trade,aggTrade,bookTicker,depth@100ms,kline_1m")
    @Metadata(required = true)
    private String streams;
    @UriParam(defaultValue = "wss://stream.binance.com:9443", description = "Base URL; the combined-stream path is appended")
    private String baseUrl = "wss://stream.binance.com:9443";
    @UriParam(defaultValue = "true", description = "Verify the server certificate and host name (wss only)")
    private boolean sslVerify = true;
    @UriParam(description = "PEM file of extra trusted CA certificates, added to the JVM trust store")
    private String caBundle;
    @UriParam(defaultValue = "false", description = "Accept a plain ws:// URL to a host that is not loopback "
            + "(anyone on the path can then read and forge the data; a loud warning is logged)")
    private boolean allowPlaintext;
    @UriParam(defaultValue = "MILLISECOND", enums = "MILLISECOND,MICROSECOND", description = "Binance timeUnit for event timestamps")
    private String timeUnit = "MILLISECOND";
    @UriParam(defaultValue = "262144", description = "Messages larger than this many bytes are dead-lettered as oversized_frame")
    private int maxFrameBytes = 262_144;
    @UriParam(defaultValue = "1024", description = "Streams per connection (Binance allows 1024); more streams use more connections")
    private int streamsPerConnection = StreamSet.MAX_STREAMS_PER_CONNECTION;

    @UriParam(defaultValue = "1s", javaType = "java.time.Duration", description = "First reconnect delay; doubles per failure, fully jittered")
    private Duration reconnectInitialDelay = Duration.ofSeconds(1);
    @UriParam(defaultValue = "60s", javaType = "java.time.Duration", description = "Longest reconnect delay")
    private Duration reconnectMaxDelay = Duration.ofSeconds(60);
    @UriParam(defaultValue = "10s", javaType = "java.time.Duration", description = "TCP + TLS + WebSocket handshake deadline")
    private Duration connectTimeout = Duration.ofSeconds(10);

    @UriParam(defaultValue = "4h", javaType = "java.time.Duration", description = "Every connection is replaced "
            + "(make-before-break) after this; at most 24h, Binance's own cut-off")
    private Duration connectionMaxLifetime = Duration.ofHours(4);
    @UriParam(defaultValue = "30s", javaType = "java.time.Duration", description = "How long a rotation waits for the "
            + "new connection to catch up with what the old one delivered before it closes the old one anyway")
    private Duration rotationCatchUpTimeout = Duration.ofSeconds(30);
    @UriParam(defaultValue = "3m", javaType = "java.time.Duration", description = "Our own ping on every connection")
    private Duration pingInterval = Duration.ofMinutes(3);
    @UriParam(defaultValue = "10s", javaType = "java.time.Duration", description = "No pong within this after our ping "
            + "replaces the connection")
    private Duration pingTimeout = Duration.ofSeconds(10);
    @UriParam(defaultValue = "30s", javaType = "java.time.Duration", description = "No message at all (data, ping or pong) "
            + "for this long replaces the connection; a silent connection is pinged at half this")
    private Duration healthCheckTimeout = Duration.ofSeconds(30);
    @UriParam(defaultValue = "5m", javaType = "java.time.Duration", description = "A stream silent this long while its "
            + "connection delivers other data is stale: the connection is replaced once per silent spell")
    private Duration streamStaleTimeout = Duration.ofMinutes(5);

    @UriParam(defaultValue = "10000", description = "Frames queued before the sockets are paused (back-pressure)")
    private int queueCapacity = 10_000;
    @UriParam(defaultValue = "50000", description = "Frames that may await their Kafka outcome at once")
    private int maxInflight = 50_000;
    @UriParam(defaultValue = "1", description = "Frames per exchange: 1 gives one exchange per frame (String body);"
            + " more gives a List<BinanceFrame> body of up to this many frames already queued (never waits for more)")
    private int batchSize = 1;
    @UriParam(defaultValue = "10s", javaType = "java.time.Duration", description = "Longest back-pressure pause of a "
            + "socket; after it reading resumes (so pings are answered) and frames that do not fit the queue are shed, counted")
    private Duration maxPause = Duration.ofSeconds(10);
    @UriParam(defaultValue = "30s", javaType = "java.time.Duration", description = "At shutdown, how long to wait for "
            + "queued and in-flight frames to be settled (acked or dead-lettered), in all")
    private Duration shutdownDrainTimeout = Duration.ofSeconds(30);
    @UriParam(defaultValue = "2m", javaType = "java.time.Duration", description = "One hand-over to the route that "
            + "has not returned for this long means the app is wedged: liveness goes DOWN (waiting for Kafka is not wedged)")
    private Duration wedgedAfter = Duration.ofMinutes(2);
    /** Binance's REQUEST_WEIGHT limit per minute per IP (rest-api.md, CHANGELOG 2023-08-25). */
    static final int BINANCE_REST_WEIGHT_PER_MINUTE = 6000;

    @UriParam(defaultValue = "https://api.binance.com", label = "gaps", description = "Binance's REST API, for "
            + "trade backfill and depth snapshots after a gap")
    private String restBaseUrl = "https://api.binance.com";
    @UriParam(defaultValue = "true", label = "gaps", description = "Close gaps over REST (trade/aggTrade backfill, "
            + "depth snapshots); false only detects and publishes them")
    private boolean backfill = true;
    @UriParam(defaultValue = "5s", javaType = "java.time.Duration", label = "gaps", description = "Longest a stream's "
            + "live frames wait behind its open gap; then they go on and the backfill lands after them")
    private Duration gapMaxHold = Duration.ofSeconds(5);
    @UriParam(defaultValue = "20000", label = "gaps", description = "Live frames held behind open gaps over all "
            + "streams at once (memory bound)")
    private int gapMaxHeldFrames = 20_000;
    @UriParam(defaultValue = "100000", label = "gaps", description = "A trade/aggTrade gap with more missing ids is "
            + "given up (over_budget) without a request")
    private long gapMaxEventsPerGap = 100_000;
    @UriParam(defaultValue = "10m", javaType = "java.time.Duration", label = "gaps", description = "A gap not closed "
            + "this long after it was detected is given up (look_back_exceeded, or rest_banned during a 418 ban)")
    private Duration gapLookBack = Duration.ofMinutes(10);
    @UriParam(defaultValue = "1000", label = "gaps", description = "Levels per side of the /api/v3/depth snapshot "
            + "after a depth gap (1-5000; weight 5/25/50/250 up to 100/500/1000/5000)")
    private int depthSnapshotLimit = 1000;
    @UriParam(defaultValue = "false", label = "gaps", description = "Publish a REST depth snapshot before each diff-depth "
            + "stream's first event after start-up, so a consumer can build the book from the topic alone")
    private boolean depthSnapshotOnStart;
    @UriParam(defaultValue = "3000", label = "gaps", description = "REST weight this process spends per window at "
            + "most (Binance allows 6000 per minute per IP, shared with every process on it)")
    private int restWeightLimit = 3000;
    @UriParam(defaultValue = "1m", javaType = "java.time.Duration", label = "gaps", description = "The window of "
            + "restWeightLimit; Binance's REQUEST_WEIGHT window is 1 minute")
    private Duration restWeightWindow = Duration.ofMinutes(1);
    @UriParam(defaultValue = "4", label = "gaps", description = "REST requests in flight at once")
    private int restMaxConcurrentRequests = 4;
    @UriParam(defaultValue = "10s", javaType = "java.time.Duration", label = "gaps", description = "One REST request's deadline")
    private Duration restRequestTimeout = Duration.ofSeconds(10);
    @UriParam(description = "Reference to a java.util.function.BooleanSupplier: frames are handed to the route only "
            + "while it answers true (e.g. once the Kafka producer has its metadata), else they wait in the queue")
    private BooleanSupplier deliveryGate;

    /** One option's problem: which option, the value it has, and what is accepted. */
    public record Problem(String option, Object value, String message) {
        @Override
        public String toString() {
            return option + " '" + value + "': " + message;
        }
    }

    /** Checks every option and returns all problems at once. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        StreamSet set = null;
        try {
            StreamSet.parse(symbols, "trade");
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("symbols", symbols, e.getMessage()));
        }
        try {
            StreamSet.parse("btcusdt", streams);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("streams", streams, e.getMessage()));
        }
        if (problems.isEmpty()) {
            try {
                set = StreamSet.parse(symbols, streams);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("streams", streams, e.getMessage()));
            }
        }
        checkBaseUrl(problems);
        if (caBundle != null && !caBundle.isBlank() && !java.nio.file.Files.isReadable(java.nio.file.Path.of(caBundle.trim()))) {
            problems.add(new Problem("caBundle", caBundle, "file not found or not readable; give a PEM file of CA "
                    + "certificates or leave it empty"));
        }
        if (!"MILLISECOND".equals(timeUnit) && !"MICROSECOND".equals(timeUnit)) {
            problems.add(new Problem("timeUnit", timeUnit, "accepted values are MILLISECOND, MICROSECOND (upper case)"));
        }
        positive(problems, "maxFrameBytes", maxFrameBytes);
        if (streamsPerConnection < 1 || streamsPerConnection > StreamSet.MAX_STREAMS_PER_CONNECTION) {
            problems.add(new Problem("streamsPerConnection", streamsPerConnection, "must be 1-"
                    + StreamSet.MAX_STREAMS_PER_CONNECTION + " (Binance's limit per connection)"));
        }
        positive(problems, "reconnectInitialDelay", reconnectInitialDelay);
        positive(problems, "reconnectMaxDelay", reconnectMaxDelay);
        if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
            problems.add(new Problem("reconnectMaxDelay", reconnectMaxDelay, "must be >= reconnectInitialDelay ("
                    + reconnectInitialDelay + ")"));
        }
        positive(problems, "connectTimeout", connectTimeout);
        positive(problems, "connectionMaxLifetime", connectionMaxLifetime);
        if (connectionMaxLifetime.compareTo(BINANCE_MAX_LIFETIME) > 0) {
            problems.add(new Problem("connectionMaxLifetime", connectionMaxLifetime, "at most 24h (Binance closes every "
                    + "connection at 24 h)"));
        }
        positive(problems, "rotationCatchUpTimeout", rotationCatchUpTimeout);
        positive(problems, "pingInterval", pingInterval);
        positive(problems, "pingTimeout", pingTimeout);
        positive(problems, "healthCheckTimeout", healthCheckTimeout);
        if (pingTimeout.compareTo(healthCheckTimeout) >= 0) {
            problems.add(new Problem("pingTimeout", pingTimeout, "must be shorter than healthCheckTimeout ("
                    + healthCheckTimeout + "), because a silent connection is probed with a ping before it is declared dead"));
        }
        positive(problems, "streamStaleTimeout", streamStaleTimeout);
        positive(problems, "queueCapacity", queueCapacity);
        positive(problems, "maxInflight", maxInflight);
        positive(problems, "batchSize", batchSize);
        positive(problems, "maxPause", maxPause);
        if (maxPause.compareTo(Duration.ofSeconds(45)) > 0) {
            problems.add(new Problem("maxPause", maxPause, "at most 45s: a paused socket answers no pings, and Binance "
                    + "closes a connection whose pong is a minute late"));
        }
        positive(problems, "shutdownDrainTimeout", shutdownDrainTimeout);
        positive(problems, "wedgedAfter", wedgedAfter);
        checkRestBaseUrl(problems);
        positive(problems, "gapMaxHold", gapMaxHold);
        positive(problems, "gapMaxHeldFrames", gapMaxHeldFrames);
        positive(problems, "gapMaxEventsPerGap", gapMaxEventsPerGap);
        positive(problems, "gapLookBack", gapLookBack);
        if (depthSnapshotLimit < 1 || depthSnapshotLimit > 5000) {
            problems.add(new Problem("depthSnapshotLimit", depthSnapshotLimit, "must be 1-5000 (Binance's limit of /api/v3/depth)"));
        }
        positive(problems, "restWeightLimit", restWeightLimit);
        if (restWeightLimit > BINANCE_REST_WEIGHT_PER_MINUTE) {
            problems.add(new Problem("restWeightLimit", restWeightLimit, "at most " + BINANCE_REST_WEIGHT_PER_MINUTE
                    + " (Binance's REQUEST_WEIGHT limit per minute per IP); more earns 429s and then a 418 ban"));
        }
        if (depthSnapshotOnStart && !backfill) {
            problems.add(new Problem("depthSnapshotOnStart", true, "needs backfill=true (k2.gaps.backfill): with "
                    + "backfill off the REST API is not used"));
        }
        if (restRequestTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            problems.add(new Problem("restRequestTimeout", restRequestTimeout, "at most 5 minutes"));
        }
        positive(problems, "restWeightWindow", restWeightWindow);
        if (restWeightWindow.toMillis() % 1000 != 0) {
            problems.add(new Problem("restWeightWindow", restWeightWindow, "must be whole seconds (Binance names its "
                    + "windows in seconds, minutes, hours or days)"));
        }
        positive(problems, "restMaxConcurrentRequests", restMaxConcurrentRequests);
        positive(problems, "restRequestTimeout", restRequestTimeout);
        if (set != null && problems.isEmpty()) {
            streamSet = set;
        }
        return problems;
    }

    private void checkRestBaseUrl(List<Problem> problems) {
        URI uri;
        try {
            uri = URI.create(restBaseUrl == null ? "" : restBaseUrl.trim());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("restBaseUrl", restBaseUrl, "not a URL; expected e.g. https://api.binance.com"));
            return;
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            problems.add(new Problem("restBaseUrl", restBaseUrl, "expected an https:// URL such as https://api.binance.com"));
            return;
        }
        if ("http".equalsIgnoreCase(scheme) && !isLoopback(uri.getHost()) && !allowPlaintext) {
            problems.add(new Problem("restBaseUrl", restBaseUrl, "plain http:// to a host that is not loopback is refused: "
                    + "use https://, or set k2.binance.allow-plaintext=true (allowPlaintext) on a trusted private network"));
        }
    }

    /** What the gap closer may do and spend. */
    public io.k2.binance.gap.GapSettings gapSettings() {
        String rest = restBaseUrl.trim();
        return new io.k2.binance.gap.GapSettings(rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest,
                backfill, gapMaxHold, gapMaxHeldFrames, gapMaxEventsPerGap, gapLookBack, restWeightLimit,
                restWeightWindow, restMaxConcurrentRequests, restRequestTimeout, depthSnapshotLimit,
                depthSnapshotOnStart, "MICROSECOND".equals(timeUnit), sslVerify, caBundle);
    }

    private void checkBaseUrl(List<Problem> problems) {
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("baseUrl", baseUrl, "not a URL, e.g. wss://stream.binance.com:9443"));
            return;
        }
        if (!"wss".equals(uri.getScheme()) && !"ws".equals(uri.getScheme()) || uri.getHost() == null) {
            problems.add(new Problem("baseUrl", baseUrl, "must be a wss:// URL (ws:// only for a local simulator), "
                    + "e.g. wss://stream.binance.com:9443"));
            return;
        }
        if ("ws".equals(uri.getScheme()) && !isLoopback(uri.getHost()) && !allowPlaintext) {
            problems.add(new Problem("baseUrl", baseUrl, "plain ws:// to " + uri.getHost() + ", which is not loopback: "
                    + "anyone on the path could read and forge the market data. Use wss://, or allow plaintext "
                    + "(allowPlaintext) if this is a trusted private network (a warning is then logged)"));
        }
    }

    /** Loopback by name or address, without a DNS lookup for other names (start-up must not hang on DNS). */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static void positive(List<Problem> problems, String name, long value) {
        if (value <= 0) {
            problems.add(new Problem(name, value, "must be > 0"));
        }
    }

    private static void positive(List<Problem> problems, String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(new Problem(name, value, "must be > 0"));
        }
    }

    private transient StreamSet streamSet;

    /** The validated streams; only after {@link #problems()} came back empty. */
    public StreamSet streamSet() {
        if (streamSet == null) {
            throw new IllegalStateException("binance endpoint options were not validated");
        }
        return streamSet;
    }

    public boolean isTls() {
        return baseUrl.startsWith("wss:");
    }

    public boolean isPlaintextToRemote() {
        return baseUrl.startsWith("ws:") && !isLoopback(URI.create(baseUrl).getHost());
    }

    /** The connection layer's view of these options. */
    public ConnectionSettings connectionSettings() {
        return new ConnectionSettings(baseUrl, isTls(), sslVerify, caBundle, "MICROSECOND".equals(timeUnit),
                maxFrameBytes, streamsPerConnection, reconnectInitialDelay, reconnectMaxDelay, connectTimeout,
                connectionMaxLifetime, rotationCatchUpTimeout, pingInterval, pingTimeout, healthCheckTimeout,
                streamStaleTimeout, maxPause, isPlaintextToRemote());
    }

    public BinanceConfiguration copy() {
        try {
            return (BinanceConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getSymbols() { return symbols; }
    public void setSymbols(String symbols) { this.symbols = symbols; }
    public String getStreams() { return streams; }
    public void setStreams(String streams) { this.streams = streams; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public boolean isSslVerify() { return sslVerify; }
    public void setSslVerify(boolean sslVerify) { this.sslVerify = sslVerify; }
    public String getCaBundle() { return caBundle; }
    public void setCaBundle(String caBundle) { this.caBundle = caBundle; }
    public boolean isAllowPlaintext() { return allowPlaintext; }
    public void setAllowPlaintext(boolean allowPlaintext) { this.allowPlaintext = allowPlaintext; }
    public String getTimeUnit() { return timeUnit; }
    public void setTimeUnit(String timeUnit) { this.timeUnit = timeUnit; }
    public int getMaxFrameBytes() { return maxFrameBytes; }
    public void setMaxFrameBytes(int maxFrameBytes) { this.maxFrameBytes = maxFrameBytes; }
    public int getStreamsPerConnection() { return streamsPerConnection; }
    public void setStreamsPerConnection(int n) { this.streamsPerConnection = n; }
    public Duration getReconnectInitialDelay() { return reconnectInitialDelay; }
    public void setReconnectInitialDelay(Duration d) { this.reconnectInitialDelay = d; }
    public Duration getReconnectMaxDelay() { return reconnectMaxDelay; }
    public void setReconnectMaxDelay(Duration d) { this.reconnectMaxDelay = d; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration d) { this.connectTimeout = d; }
    public Duration getConnectionMaxLifetime() { return connectionMaxLifetime; }
    public void setConnectionMaxLifetime(Duration d) { this.connectionMaxLifetime = d; }
    public Duration getRotationCatchUpTimeout() { return rotationCatchUpTimeout; }
    public void setRotationCatchUpTimeout(Duration d) { this.rotationCatchUpTimeout = d; }
    public Duration getPingInterval() { return pingInterval; }
    public void setPingInterval(Duration d) { this.pingInterval = d; }
    public Duration getPingTimeout() { return pingTimeout; }
    public void setPingTimeout(Duration d) { this.pingTimeout = d; }
    public Duration getHealthCheckTimeout() { return healthCheckTimeout; }
    public void setHealthCheckTimeout(Duration d) { this.healthCheckTimeout = d; }
    public Duration getStreamStaleTimeout() { return streamStaleTimeout; }
    public void setStreamStaleTimeout(Duration d) { this.streamStaleTimeout = d; }
    public int getQueueCapacity() { return queueCapacity; }
    public void setQueueCapacity(int queueCapacity) { this.queueCapacity = queueCapacity; }
    public int getMaxInflight() { return maxInflight; }
    public void setMaxInflight(int maxInflight) { this.maxInflight = maxInflight; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    public Duration getMaxPause() { return maxPause; }
    public void setMaxPause(Duration d) { this.maxPause = d; }
    public Duration getShutdownDrainTimeout() { return shutdownDrainTimeout; }
    public void setShutdownDrainTimeout(Duration d) { this.shutdownDrainTimeout = d; }
    public Duration getWedgedAfter() { return wedgedAfter; }
    public void setWedgedAfter(Duration d) { this.wedgedAfter = d; }
    public BooleanSupplier getDeliveryGate() { return deliveryGate; }
    public void setDeliveryGate(BooleanSupplier deliveryGate) { this.deliveryGate = deliveryGate; }

    public String getRestBaseUrl() { return restBaseUrl; }
    public void setRestBaseUrl(String v) { this.restBaseUrl = v; }
    public boolean isBackfill() { return backfill; }
    public void setBackfill(boolean v) { this.backfill = v; }
    public Duration getGapMaxHold() { return gapMaxHold; }
    public void setGapMaxHold(Duration v) { this.gapMaxHold = v; }
    public int getGapMaxHeldFrames() { return gapMaxHeldFrames; }
    public void setGapMaxHeldFrames(int v) { this.gapMaxHeldFrames = v; }
    public long getGapMaxEventsPerGap() { return gapMaxEventsPerGap; }
    public void setGapMaxEventsPerGap(long v) { this.gapMaxEventsPerGap = v; }
    public Duration getGapLookBack() { return gapLookBack; }
    public void setGapLookBack(Duration v) { this.gapLookBack = v; }
    public int getDepthSnapshotLimit() { return depthSnapshotLimit; }
    public void setDepthSnapshotLimit(int v) { this.depthSnapshotLimit = v; }
    public boolean isDepthSnapshotOnStart() { return depthSnapshotOnStart; }
    public void setDepthSnapshotOnStart(boolean v) { this.depthSnapshotOnStart = v; }
    public int getRestWeightLimit() { return restWeightLimit; }
    public void setRestWeightLimit(int v) { this.restWeightLimit = v; }
    public Duration getRestWeightWindow() { return restWeightWindow; }
    public void setRestWeightWindow(Duration v) { this.restWeightWindow = v; }
    public int getRestMaxConcurrentRequests() { return restMaxConcurrentRequests; }
    public void setRestMaxConcurrentRequests(int v) { this.restMaxConcurrentRequests = v; }
    public Duration getRestRequestTimeout() { return restRequestTimeout; }
    public void setRestRequestTimeout(Duration v) { this.restRequestTimeout = v; }
}
