package io.k2.binance.normalize;

/** The kinds of Binance event the pipeline turns into Avro records; each maps to one Kafka topic. */
public enum EventType {
    TRADE("trade"),
    AGG_TRADE("aggTrade"),
    BOOK_TICKER("bookTicker"),
    DEPTH("depth"),
    KLINE("kline");

    private final String streamType;

    EventType(String streamType) {
        this.streamType = streamType;
    }

    /** The name used in stream names, settings, metric tags and the {@code k2.eventType} header. */
    public String streamType() {
        return streamType;
    }
}
