package io.k2.binance.simulator;

/**
 * One data event, rendered exactly as Binance puts it inside {@code data}: same keys, same key order
 * as the captures in fixtures/binance-samples.jsonl. Times are kept in microseconds and rendered in
 * the unit each connection asked for with {@code timeUnit}.
 */
sealed interface MarketEvent {

    void appendTo(StringBuilder sb, boolean micros);

    default String render(boolean micros) {
        StringBuilder sb = new StringBuilder(160);
        appendTo(sb, micros);
        return sb.toString();
    }

    private static long time(long micros, boolean inMicros) {
        return inMicros ? micros : micros / 1000;
    }

    record Trade(long eventMicros, String symbol, long id, long price, long qty, long tradeMicros,
                 boolean buyerMaker) implements MarketEvent {
        @Override
        public void appendTo(StringBuilder sb, boolean micros) {
            sb.append("{\"e\":\"trade\",\"E\":").append(time(eventMicros, micros))
              .append(",\"s\":\"").append(symbol).append("\",\"t\":").append(id).append(",\"p\":");
            Amount.appendQuoted(sb, price);
            amount(sb, "q", qty);
            sb.append(",\"T\":").append(time(tradeMicros, micros)).append(",\"m\":").append(buyerMaker)
              .append(",\"M\":true}");
        }
    }

    record AggTrade(long eventMicros, String symbol, long id, long price, long qty, long firstTradeId,
                    long lastTradeId, long tradeMicros, boolean buyerMaker) implements MarketEvent {
        @Override
        public void appendTo(StringBuilder sb, boolean micros) {
            sb.append("{\"e\":\"aggTrade\",\"E\":").append(time(eventMicros, micros))
              .append(",\"s\":\"").append(symbol).append("\",\"a\":").append(id).append(",\"p\":");
            Amount.appendQuoted(sb, price);
            amount(sb, "q", qty);
            sb.append(",\"f\":").append(firstTradeId).append(",\"l\":").append(lastTradeId)
              .append(",\"T\":").append(time(tradeMicros, micros)).append(",\"m\":").append(buyerMaker)
              .append(",\"M\":true}");
        }
    }

    /** Spot bookTicker has no event time at all, so the unit does not matter. */
    record BookTicker(long updateId, String symbol, long bidPrice, long bidQty, long askPrice, long askQty)
            implements MarketEvent {
        @Override
        public void appendTo(StringBuilder sb, boolean micros) {
            sb.append("{\"u\":").append(updateId).append(",\"s\":\"").append(symbol).append("\",\"b\":");
            Amount.appendQuoted(sb, bidPrice);
            amount(sb, "B", bidQty);
            amount(sb, "a", askPrice);
            amount(sb, "A", askQty);
            sb.append('}');
        }
    }

    /** Levels are flattened {price, qty, price, qty, ...}. */
    record DepthUpdate(long eventMicros, String symbol, long firstUpdateId, long finalUpdateId,
                       long[] bids, long[] asks) implements MarketEvent {
        @Override
        public void appendTo(StringBuilder sb, boolean micros) {
            sb.append("{\"e\":\"depthUpdate\",\"E\":").append(time(eventMicros, micros))
              .append(",\"s\":\"").append(symbol).append("\",\"U\":").append(firstUpdateId)
              .append(",\"u\":").append(finalUpdateId).append(",\"b\":");
            appendLevels(sb, bids);
            sb.append(",\"a\":");
            appendLevels(sb, asks);
            sb.append('}');
        }
    }

    /** Partial depth and the REST snapshot share this shape; it has no time and no symbol. */
    record DepthSnapshot(long lastUpdateId, long[] bids, long[] asks) implements MarketEvent {
        @Override
        public void appendTo(StringBuilder sb, boolean micros) {
            sb.append("{\"lastUpdateId\":").append(lastUpdateId).append(",\"bids\":");
            appendLevels(sb, bids);
            sb.append(",\"asks\":");
            appendLevels(sb, asks);
            sb.append('}');
        }
    }

    record Kline(long eventMicros, String symbol, KlineInterval interval, long openMillis, long closeMillis,
                 long firstTradeId, long lastTradeId, long open, long close, long high, long low, long volume,
                 long trades, boolean closed, long quoteVolume, long takerBuyVolume, long takerBuyQuoteVolume)
            implements MarketEvent {
        @Override
        public void appendTo(StringBuilder sb, boolean micros) {
            sb.append("{\"e\":\"kline\",\"E\":").append(time(eventMicros, micros))
              .append(",\"s\":\"").append(symbol).append("\",\"k\":{\"t\":")
              .append(micros ? openMillis * 1000 : openMillis)
              .append(",\"T\":").append(micros ? closeMillis * 1000 + 999 : closeMillis)
              .append(",\"s\":\"").append(symbol).append("\",\"i\":\"").append(interval.code)
              .append("\",\"f\":").append(firstTradeId).append(",\"L\":").append(lastTradeId).append(",\"o\":");
            Amount.appendQuoted(sb, open);
            amount(sb, "c", close);
            amount(sb, "h", high);
            amount(sb, "l", low);
            amount(sb, "v", volume);
            sb.append(",\"n\":").append(trades).append(",\"x\":").append(closed).append(",\"q\":");
            Amount.appendQuoted(sb, quoteVolume);
            amount(sb, "V", takerBuyVolume);
            amount(sb, "Q", takerBuyQuoteVolume);
            sb.append(",\"B\":\"0\"}}");
        }
    }

    record MiniTicker(long eventMicros, String symbol, long close, long open, long high, long low, long volume,
                      long quoteVolume) implements MarketEvent {
        @Override
        public void appendTo(StringBuilder sb, boolean micros) {
            sb.append("{\"e\":\"24hrMiniTicker\",\"E\":").append(time(eventMicros, micros))
              .append(",\"s\":\"").append(symbol).append("\",\"c\":");
            Amount.appendQuoted(sb, close);
            amount(sb, "o", open);
            amount(sb, "h", high);
            amount(sb, "l", low);
            amount(sb, "v", volume);
            amount(sb, "q", quoteVolume);
            sb.append('}');
        }
    }

    record ServerShutdown(long eventMicros) implements MarketEvent {
        static final String STREAM = "!serverShutdown";

        @Override
        public void appendTo(StringBuilder sb, boolean micros) {
            sb.append("{\"e\":\"serverShutdown\",\"E\":").append(time(eventMicros, micros)).append('}');
        }
    }

    /** Appends {@code ,"key":"<amount>"}. */
    private static void amount(StringBuilder sb, String key, long units) {
        sb.append(",\"").append(key).append("\":");
        Amount.appendQuoted(sb, units);
    }

    private static void appendLevels(StringBuilder sb, long[] levels) {
        sb.append('[');
        for (int i = 0; i < levels.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[');
            Amount.appendQuoted(sb, levels[i]);
            sb.append(',');
            Amount.appendQuoted(sb, levels[i + 1]);
            sb.append(']');
        }
        sb.append(']');
    }
}
