package io.k2.binance.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link BinanceSimulator} needs to start. Defaults follow the Binance spot documentation
 * (binance-protocol.md §2), so a simulator built with {@code builder().build()} behaves like production
 * apart from the data it makes up.
 */
public final class SimulatorConfig {

    /** Binance's documented ping cadence since February 2025. */
    public static final Duration DOCUMENTED_PING_INTERVAL = Duration.ofSeconds(20);
    /** The cadence field reports still see (binance-protocol.md §2, "observed"). */
    public static final Duration OBSERVED_PING_INTERVAL = Duration.ofMinutes(3);
    /** What the market of every symbol produces unless told otherwise: the app's default stream set. */
    public static final List<String> DEFAULT_STREAMS = List.of("trade", "aggTrade", "bookTicker", "depth@100ms", "kline_1m");
    /** Events kept per stream; at ~100-300 bytes an event, about 1-3 MB per stream. */
    public static final int DEFAULT_HISTORY_SIZE = 10_000;
    /** Binance's REQUEST_WEIGHT limit per IP and minute. */
    public static final int DEFAULT_REST_WEIGHT_LIMIT = 6000;

    private final String host;
    private final int port;
    private final List<SymbolSpec> symbols;
    /** Stream symbol (lower case) -> share of the rate relative to the others; 1 unless given. */
    private final Map<String, Double> symbolWeights;
    private final List<String> streams;
    private final int historySize;
    private final boolean listening;
    private final boolean controlFromAnyHost;
    private final double ratePerSecond;
    private final double burstFactor;
    private final Duration burstEvery;
    private final Duration burstDuration;
    private final long maxEvents;
    private final long seed;
    private final Duration pingInterval;
    private final Duration pongTimeout;
    private final Duration connectionLifetime;
    private final Duration shutdownNotice;
    private final int incomingMessagesPerSecond;
    private final int connectionAttemptsPerWindow;
    private final Duration connectionAttemptWindow;
    private final int maxStreamsPerConnection;
    private final int maxSubscribeFrameBytes;
    private final int writeQueueMaxBytes;
    private final Duration tickInterval;
    private final boolean tls;
    private final Path replay;
    private final double replayRatePerSecond;
    private final boolean ledgerEnabled;
    private final Path ledgerFile;
    private final int restWeightLimit;
    private final Duration restWeightWindow;
    private final int restBanAfter429s;
    private final Duration restBanDuration;
    private final int bookHistory;

    private SimulatorConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        Map<String, Double> weights = new LinkedHashMap<>();
        this.symbols = List.copyOf(b.symbols.stream().map(text -> {
            int eq = text.indexOf('=');
            SymbolSpec spec = SymbolSpec.parse(eq < 0 ? text : text.substring(0, eq));
            weights.put(spec.streamSymbol(), eq < 0 ? 1.0 : weight(text, text.substring(eq + 1)));
            return spec;
        }).toList());
        this.symbolWeights = Map.copyOf(weights);
        this.streams = List.copyOf(b.streams);
        for (String kind : streams) {
            require(StreamName.parse("btcusdt@" + kind) != null, "not a stream kind: '" + kind
                    + "' (use e.g. trade, aggTrade, bookTicker, depth@100ms, depth, depth5, kline_1m, miniTicker)");
        }
        this.historySize = b.historySize;
        this.listening = b.listening;
        this.controlFromAnyHost = b.controlFromAnyHost;
        this.ratePerSecond = b.ratePerSecond;
        this.burstFactor = b.burstFactor;
        this.burstEvery = b.burstEvery;
        this.burstDuration = b.burstDuration;
        this.maxEvents = b.maxEvents;
        this.seed = b.seed;
        this.pingInterval = b.pingInterval;
        this.pongTimeout = b.pongTimeout;
        this.connectionLifetime = b.connectionLifetime;
        this.shutdownNotice = b.shutdownNotice;
        this.incomingMessagesPerSecond = b.incomingMessagesPerSecond;
        this.connectionAttemptsPerWindow = b.connectionAttemptsPerWindow;
        this.connectionAttemptWindow = b.connectionAttemptWindow;
        this.maxStreamsPerConnection = b.maxStreamsPerConnection;
        this.maxSubscribeFrameBytes = b.maxSubscribeFrameBytes;
        this.writeQueueMaxBytes = b.writeQueueMaxBytes;
        this.tickInterval = b.tickInterval;
        this.tls = b.tls;
        this.replay = b.replay;
        this.replayRatePerSecond = b.replayRatePerSecond;
        this.ledgerEnabled = b.ledgerEnabled;
        this.ledgerFile = b.ledgerFile;
        this.restWeightLimit = b.restWeightLimit;
        this.restWeightWindow = b.restWeightWindow;
        this.restBanAfter429s = b.restBanAfter429s;
        this.restBanDuration = b.restBanDuration;
        this.bookHistory = b.bookHistory;
        require(port >= 0 && port <= 65535, "port must be 0..65535");
        require(ratePerSecond >= 0, "ratePerSecond must be >= 0");
        require(burstFactor >= 1, "burstFactor must be >= 1 (1 = no bursts)");
        require(burstDuration.compareTo(burstEvery) <= 0, "burstDuration must not exceed burstEvery");
        require(maxEvents >= 0, "maxEvents must be >= 0 (0 = unlimited)");
        require(positive(pingInterval) && positive(pongTimeout), "pingInterval and pongTimeout must be > 0");
        require(positive(connectionLifetime), "connectionLifetime must be > 0");
        require(!shutdownNotice.isNegative(), "shutdownNotice must be >= 0");
        require(incomingMessagesPerSecond > 0, "incomingMessagesPerSecond must be > 0");
        require(connectionAttemptsPerWindow > 0 && positive(connectionAttemptWindow), "connection attempt limit must be > 0");
        require(positive(tickInterval), "tickInterval must be > 0");
        require(replayRatePerSecond >= 0, "replayRatePerSecond must be >= 0 (0 = as fast as possible)");
        require(replay != null || !symbols.isEmpty(), "at least one symbol (or a replay file) is needed");
        require(historySize >= 0, "historySize must be >= 0 (0 = no history)");
        require(restWeightLimit > 0, "restWeightLimit must be > 0");
        // Binance names windows by whole seconds, minutes, hours or days (X-MBX-USED-WEIGHT-1M).
        require(restWeightWindow.toMillis() >= 1000 && restWeightWindow.toMillis() % 1000 == 0,
                "restWeightWindow must be a whole number of seconds, at least 1 s (e.g. 10s, 1m)");
        require(restBanAfter429s >= 0, "restBanAfter429s must be >= 0");
        require(positive(restBanDuration), "restBanDuration must be > 0");
        require(bookHistory >= 0, "bookHistory must be >= 0 (0 = off)");
    }

    private static double weight(String spec, String text) {
        try {
            double w = Double.parseDouble(text);
            if (w >= 0 && Double.isFinite(w)) {
                return w;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("bad weight in '" + spec + "': expected SYMBOL=WEIGHT with a number >= 0, e.g. lrcbtc=0.05");
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() { return host; }
    public int port() { return port; }
    public List<SymbolSpec> symbols() { return symbols; }
    /** Relative share of the rate of one simulated symbol (lower case); 1 unless given as {@code symbol=weight}. */
    public double symbolWeight(String streamSymbol) { return symbolWeights.getOrDefault(streamSymbol.toLowerCase(Locale.ROOT), 1.0); }
    /** Stream kinds every symbol's market produces, e.g. {@code trade}, {@code depth@100ms}. */
    public List<String> streams() { return streams; }
    public int historySize() { return historySize; }
    public boolean listening() { return listening; }
    public boolean controlFromAnyHost() { return controlFromAnyHost; }
    public double ratePerSecond() { return ratePerSecond; }
    public double burstFactor() { return burstFactor; }
    public Duration burstEvery() { return burstEvery; }
    public Duration burstDuration() { return burstDuration; }
    public long maxEvents() { return maxEvents; }
    public long seed() { return seed; }
    public Duration pingInterval() { return pingInterval; }
    public Duration pongTimeout() { return pongTimeout; }
    public Duration connectionLifetime() { return connectionLifetime; }
    public Duration shutdownNotice() { return shutdownNotice; }
    public int incomingMessagesPerSecond() { return incomingMessagesPerSecond; }
    public int connectionAttemptsPerWindow() { return connectionAttemptsPerWindow; }
    public Duration connectionAttemptWindow() { return connectionAttemptWindow; }
    public int maxStreamsPerConnection() { return maxStreamsPerConnection; }
    public int maxSubscribeFrameBytes() { return maxSubscribeFrameBytes; }
    public int writeQueueMaxBytes() { return writeQueueMaxBytes; }
    public Duration tickInterval() { return tickInterval; }
    public boolean tls() { return tls; }
    public Path replay() { return replay; }
    public double replayRatePerSecond() { return replayRatePerSecond; }
    public boolean ledgerEnabled() { return ledgerEnabled; }
    public Path ledgerFile() { return ledgerFile; }
    public int restWeightLimit() { return restWeightLimit; }
    public Duration restWeightWindow() { return restWeightWindow; }
    public int restBanAfter429s() { return restBanAfter429s; }
    public Duration restBanDuration() { return restBanDuration; }
    public int bookHistory() { return bookHistory; }

    /** Builder with the production-like defaults listed on each setter. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private List<String> symbols = List.of("btcusdt", "ethusdt");
        private double ratePerSecond = 100;
        private List<String> streams = DEFAULT_STREAMS;
        private int historySize = DEFAULT_HISTORY_SIZE;
        private boolean listening = true;
        private boolean controlFromAnyHost = false;
        private double burstFactor = 1;
        private Duration burstEvery = Duration.ofSeconds(10);
        private Duration burstDuration = Duration.ofMillis(500);
        private long maxEvents = 0;
        private long seed = 42;
        private Duration pingInterval = DOCUMENTED_PING_INTERVAL;
        private Duration pongTimeout = Duration.ofMinutes(1);
        private Duration connectionLifetime = Duration.ofHours(24);
        private Duration shutdownNotice = Duration.ofSeconds(10);
        private int incomingMessagesPerSecond = 5;
        private int connectionAttemptsPerWindow = 300;
        private Duration connectionAttemptWindow = Duration.ofMinutes(5);
        private int maxStreamsPerConnection = 1024;
        private int maxSubscribeFrameBytes = 4096;
        private int writeQueueMaxBytes = 4 * 1024 * 1024;
        private Duration tickInterval = Duration.ofMillis(10);
        private boolean tls = false;
        private Path replay;
        private double replayRatePerSecond = 0;
        private boolean ledgerEnabled = true;
        private Path ledgerFile;
        private int restWeightLimit = DEFAULT_REST_WEIGHT_LIMIT;
        private Duration restWeightWindow = Duration.ofMinutes(1);
        private int restBanAfter429s = 3;
        private Duration restBanDuration = Duration.ofMinutes(2);
        private int bookHistory = 0;

        private Builder() {
        }

        /** Interface to bind; default 127.0.0.1. */
        public Builder host(String host) { this.host = Objects.requireNonNull(host); return this; }
        /** Port; 0 (default) picks a free one, see {@link BinanceSimulator#port()}. */
        public Builder port(int port) { this.port = port; return this; }
        /**
         * Generated markets, as {@code btcusdt} (built-in table) or {@code SYMBOL:BASE/QUOTE}, each optionally
         * with {@code =WEIGHT}, its share of the rate relative to the others (default 1): {@code lrcbtc=0.05}.
         */
        public Builder symbols(List<String> symbols) { this.symbols = List.copyOf(symbols); return this; }
        /**
         * Stream kinds every symbol's market produces whether or not anyone subscribes (default
         * {@link #DEFAULT_STREAMS}). Other streams of a simulated symbol join the market when first subscribed.
         */
        public Builder streams(List<String> kinds) { this.streams = List.copyOf(kinds); return this; }
        /** Events kept per stream in {@link BinanceSimulator#history()}; default {@link #DEFAULT_HISTORY_SIZE}, 0 = none. */
        public Builder historySize(int size) { this.historySize = size; return this; }
        /**
         * Whether to listen at start; false (a server down at start-up) keeps the market running until
         * {@link BinanceSimulator#startListening()}. With port 0 a free port is chosen and kept all the same.
         */
        public Builder listening(boolean listening) { this.listening = listening; return this; }
        /** Let non-loopback peers use the {@code /sim/} control endpoint; default false (loopback only). */
        public Builder controlFromAnyHost(boolean allow) { this.controlFromAnyHost = allow; return this; }
        /**
         * Data events per second the whole market generates, over every symbol and stream it produces,
         * whether or not anyone subscribes; a client subscribed to all of them receives this rate. Default 100.
         */
        public Builder ratePerSecond(double rate) { this.ratePerSecond = rate; return this; }
        /** Rate multiplier during a burst; 1 (default) = steady rate. The average stays {@code ratePerSecond}. */
        public Builder burstFactor(double factor) { this.burstFactor = factor; return this; }
        /** A burst starts every this long; default 10 s. */
        public Builder burstEvery(Duration every) { this.burstEvery = every; return this; }
        /** Length of each burst; default 500 ms. */
        public Builder burstDuration(Duration duration) { this.burstDuration = duration; return this; }
        /**
         * Stop the market once this many data events were sent to at least one connection (events nobody
         * was sent do not count); 0 (default) = unlimited.
         */
        public Builder maxEvents(long maxEvents) { this.maxEvents = maxEvents; return this; }
        /** Seed of the market random walk; default 42. */
        public Builder seed(long seed) { this.seed = seed; return this; }
        /** Server ping cadence; default 20 s ({@link #DOCUMENTED_PING_INTERVAL}). */
        public Builder pingInterval(Duration interval) { this.pingInterval = interval; return this; }
        /** Close when a ping is not answered within this; default 60 s. */
        public Builder pongTimeout(Duration timeout) { this.pongTimeout = timeout; return this; }
        /** Each connection is closed after this; default 24 h. */
        public Builder connectionLifetime(Duration lifetime) { this.connectionLifetime = lifetime; return this; }
        /** {@code serverShutdown} is sent this long before a planned close; default 10 s. */
        public Builder shutdownNotice(Duration notice) { this.shutdownNotice = notice; return this; }
        /** Incoming pings, pongs and control messages allowed per rolling second; default 5. */
        public Builder incomingMessagesPerSecond(int limit) { this.incomingMessagesPerSecond = limit; return this; }
        /** Handshakes allowed per IP and window; default 300. */
        public Builder connectionAttemptsPerWindow(int limit) { this.connectionAttemptsPerWindow = limit; return this; }
        /** Window of the handshake limit; default 5 min. */
        public Builder connectionAttemptWindow(Duration window) { this.connectionAttemptWindow = window; return this; }
        /** Streams one connection may hold; default 1024. */
        public Builder maxStreamsPerConnection(int max) { this.maxStreamsPerConnection = max; return this; }
        /** SUBSCRIBE frames above this many bytes get no answer at all; default 4096. */
        public Builder maxSubscribeFrameBytes(int max) { this.maxSubscribeFrameBytes = max; return this; }
        /** Per-connection outgoing buffer; when full, that connection skips a tick. Default 4 MiB. */
        public Builder writeQueueMaxBytes(int max) { this.writeQueueMaxBytes = max; return this; }
        /** Generation timer period; default 10 ms. */
        public Builder tickInterval(Duration tick) { this.tickInterval = tick; return this; }
        /** Serve wss/https with a freshly generated self-signed certificate; default false. */
        public Builder tls(boolean tls) { this.tls = tls; return this; }
        /** Replay this file (one Binance message per line) to every client instead of generating. */
        public Builder replay(Path file) { this.replay = file; return this; }
        /** Replay lines per second per connection; 0 (default) = as fast as the client reads. */
        public Builder replayRatePerSecond(double rate) { this.replayRatePerSecond = rate; return this; }
        /** Keep every sent data event in memory for {@link BinanceSimulator#ledger()}; default true. */
        public Builder ledgerEnabled(boolean enabled) { this.ledgerEnabled = enabled; return this; }
        /** Also append every sent data event to this JSONL file; default none. */
        public Builder ledgerFile(Path file) { this.ledgerFile = file; return this; }
        /** REST request weight allowed per window, over all {@code /api/v3/*} requests; default 6000 (Binance's). */
        public Builder restWeightLimit(int limit) { this.restWeightLimit = limit; return this; }
        /**
         * REST weight window, whole seconds, aligned to its boundary like Binance's calendar minute; default
         * 1 min. Named in the header as Binance does: 10 s gives {@code X-MBX-USED-WEIGHT-10S}.
         */
        public Builder restWeightWindow(Duration window) { this.restWeightWindow = Objects.requireNonNull(window); return this; }
        /** Requests tolerated after a 429 within the same window before an HTTP 418 ban; default 3. */
        public Builder restBanAfter429s(int requests) { this.restBanAfter429s = requests; return this; }
        /** Length of an HTTP 418 ban (Binance: 2 min to 3 days); default 2 min. */
        public Builder restBanDuration(Duration ban) { this.restBanDuration = Objects.requireNonNull(ban); return this; }
        /**
         * Diff-depth emissions per symbol whose whole order book is kept for {@link BinanceSimulator#bookAt};
         * default 0 (off). Each capture holds every level of both sides, a few KB.
         */
        public Builder bookHistory(int emissions) { this.bookHistory = emissions; return this; }

        public SimulatorConfig build() {
            return new SimulatorConfig(this);
        }
    }
}
