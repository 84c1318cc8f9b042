package io.k2.binance.component;

import java.net.URI;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Binance spot market streams as a Camel consumer endpoint. See docs/binance-endpoint.md for every option.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "binance", title = "Binance market streams",
             syntax = "binance:market", consumerOnly = true, category = { Category.MESSAGING })
public class BinanceEndpoint extends DefaultEndpoint {

    @UriPath(description = "Market: only spot is supported")
    @Metadata(required = true)
    private String market = "spot";
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
    @UriParam(defaultValue = "262144", description = "Frames larger than this many bytes are dead-lettered as oversized_frame")
    private int maxFrameBytes = 262_144;
    @UriParam(defaultValue = "1000", description = "First reconnect delay, ms; doubles per failure with jitter")
    private long reconnectInitialDelay = 1000;
    @UriParam(defaultValue = "60000", description = "Longest reconnect delay, ms")
    private long reconnectMaxDelay = 60_000;
    @UriParam(defaultValue = "10000", description = "TCP + TLS + WebSocket handshake timeout, ms")
    private int connectTimeout = 10_000;
    @UriParam(defaultValue = "10000", description = "Frames queued before the socket is paused (back-pressure)")
    private int queueCapacity = 10_000;
    @UriParam(defaultValue = "50000", description = "Exchanges that may await their Kafka outcome at once")
    private int maxInflight = 50_000;
    @UriParam(defaultValue = "1", description = "Frames per exchange: 1 gives one exchange per frame (String body);"
            + " more gives a List<BinanceFrame> body of up to this many frames already queued (never waits for more)")
    private int batchSize = 1;
    @UriParam(defaultValue = "MILLISECOND", enums = "MILLISECOND,MICROSECOND", description = "Binance timeUnit for event timestamps")
    private String timeUnit = "MILLISECOND";

    private StreamSet streamSet;

    public BinanceEndpoint(String uri, BinanceComponent component) {
        super(uri, component);
    }

    @Override
    public BinanceComponent getComponent() {
        return (BinanceComponent) super.getComponent();
    }

    /** Checks the options once, when the endpoint is created, so a bad URI fails start-up with a clear message. */
    void validate() {
        try {
            streamSet = StreamSet.parse(symbols, streams);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("binance endpoint: " + e.getMessage(), e);
        }
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("binance endpoint: baseUrl '" + baseUrl + "' is not a URL", e);
        }
        if (!"wss".equals(uri.getScheme()) && !"ws".equals(uri.getScheme())) {
            throw new IllegalArgumentException("binance endpoint: baseUrl '" + baseUrl
                    + "' must start with wss:// (or ws:// for a local simulator)");
        }
        positive("maxFrameBytes", maxFrameBytes);
        positive("reconnectInitialDelay", reconnectInitialDelay);
        positive("connectTimeout", connectTimeout);
        positive("queueCapacity", queueCapacity);
        positive("maxInflight", maxInflight);
        positive("batchSize", batchSize);
        if (reconnectMaxDelay < reconnectInitialDelay) {
            throw new IllegalArgumentException("binance endpoint: reconnectMaxDelay (" + reconnectMaxDelay
                    + ") must be >= reconnectInitialDelay (" + reconnectInitialDelay + ")");
        }
        if (!"MILLISECOND".equalsIgnoreCase(timeUnit) && !"MICROSECOND".equalsIgnoreCase(timeUnit)) {
            throw new IllegalArgumentException("binance endpoint: timeUnit '" + timeUnit
                    + "' is not accepted; use MILLISECOND or MICROSECOND");
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("binance endpoint: " + name + " must be > 0, got " + value);
        }
    }

    /** The full URL of the combined stream connection. */
    public String streamUrl() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String url = base + streamSet.combinedPath();
        return "MICROSECOND".equalsIgnoreCase(timeUnit) ? url + "&timeUnit=MICROSECOND" : url;
    }

    public StreamSet streamSet() {
        return streamSet;
    }

    public boolean isTls() {
        return baseUrl.startsWith("wss:");
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("binance: is consumer-only (market streams are read-only)");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        BinanceConsumer consumer = new BinanceConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public String getMarket() { return market; }
    public void setMarket(String market) { this.market = market; }
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
    public int getMaxFrameBytes() { return maxFrameBytes; }
    public void setMaxFrameBytes(int maxFrameBytes) { this.maxFrameBytes = maxFrameBytes; }
    public long getReconnectInitialDelay() { return reconnectInitialDelay; }
    public void setReconnectInitialDelay(long v) { this.reconnectInitialDelay = v; }
    public long getReconnectMaxDelay() { return reconnectMaxDelay; }
    public void setReconnectMaxDelay(long v) { this.reconnectMaxDelay = v; }
    public int getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(int connectTimeout) { this.connectTimeout = connectTimeout; }
    public int getQueueCapacity() { return queueCapacity; }
    public void setQueueCapacity(int queueCapacity) { this.queueCapacity = queueCapacity; }
    public int getMaxInflight() { return maxInflight; }
    public void setMaxInflight(int maxInflight) { this.maxInflight = maxInflight; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    public String getTimeUnit() { return timeUnit; }
    public void setTimeUnit(String timeUnit) { this.timeUnit = timeUnit; }
}
