package io.k2.binance.normalize;

/**
 * Deterministic message ids: {@code BINANCE:<SYMBOL>:<stream type>:<exchange sequence>}. They are built only
 * from what Binance sends about the event itself (symbol and its own ids or times), never from the
 * connection, the receive time or anything random, so the same event seen on two connections, after a
 * restart or by the blue and the green instance gets the same id and duplicates can be dropped downstream.
 * Ids differ between event types (the stream type is part of the id) and between symbols.
 */
public final class MessageIds {

    static final String PREFIX = "BINANCE:";

    private MessageIds() {
    }

    /** A trade or aggTrade id taken apart: the symbol as in the id, the stream type and the exchange's id. */
    public record TradeSequence(String symbol, String streamType, long id) {
    }

    /**
     * The parts of an id made by {@link #trade} or {@link #aggTrade} (for checks that read ids back, e.g. the
     * soak's ledger), or null for any other id.
     */
    public static TradeSequence tradeSequence(String messageId) {
        if (!messageId.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = messageId.substring(PREFIX.length()).split(":");
        if (parts.length != 3 || !(parts[1].equals("trade") || parts[1].equals("aggTrade"))) {
            return null;
        }
        try {
            return new TradeSequence(parts[0], parts[1], Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code BINANCE:BTCUSDT:trade:5455447976}: trade ids are unique per symbol. */
    public static String trade(String symbol, long tradeId) {
        return PREFIX + symbol + ":trade:" + tradeId;
    }

    /** {@code BINANCE:BTCUSDT:aggTrade:640283266}: aggregate ids are unique per symbol. */
    public static String aggTrade(String symbol, long aggregateId) {
        return PREFIX + symbol + ":aggTrade:" + aggregateId;
    }

    /** {@code BINANCE:NKNUSDT:bookTicker:499869768}: one book update id gives one top of book. */
    public static String bookTicker(String symbol, long updateId) {
        return PREFIX + symbol + ":bookTicker:" + updateId;
    }

    /**
     * {@code BINANCE:BTCUSDT:depth:82626886844-82626886850}. The update range fixes the content, so the 100 ms
     * and the 1000 ms stream name an identical range alike, and different ranges never collide.
     */
    public static String depthDiff(String symbol, long firstUpdateId, long finalUpdateId) {
        return PREFIX + symbol + ":depth:" + firstUpdateId + '-' + finalUpdateId;
    }

    /** {@code BINANCE:ETHUSDT:depth20:17044571457}: N is part of it because depth5 and depth20 of one book differ. */
    public static String depthSnapshot(String symbol, int levels, long lastUpdateId) {
        return PREFIX + symbol + ":depth" + levels + ':' + lastUpdateId;
    }

    /**
     * {@code BINANCE:BTCUSDT:kline_1m:1653818760000:1384844032:false:1653818762502}, i.e.
     * {@code BINANCE:<SYMBOL>:kline_<interval>:<open time t, ms>:<last trade id L, -1 when none>:<closed x>:<event time E, ms>}.
     * A kline has no sequence number of its own; its content is fixed by (t, L, x), and E is when it was pushed.
     * E alone is not enough: several pushes can share one E (one simulator tick, one matching-engine batch)
     * while trades between them changed the candle; (t, L, x) alone would give two pushes of the same candle
     * state, with different event times, one id. Times in milliseconds even on microsecond feeds, so both feeds
     * name a push alike.
     */
    public static String kline(String symbol, String interval, long openTimeMicros, long lastTradeId, boolean closed,
                               long eventTimeMicros) {
        return PREFIX + symbol + ":kline_" + interval + ':' + openTimeMicros / 1000 + ':' + lastTradeId + ':' + closed
                + ':' + eventTimeMicros / 1000;
    }
}
