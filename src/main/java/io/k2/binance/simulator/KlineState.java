package io.k2.binance.simulator;

/**
 * The open kline of one symbol and interval. A kline without trades carries {@code f = L = -1} and
 * {@code n = 0} (binance-protocol.md §4.5), and {@code n = L - f + 1} whenever it has trades.
 */
final class KlineState {

    private final KlineInterval interval;
    private final String symbol;
    private long openMillis;
    private long closeMillis;
    private long firstTradeId;
    private long lastTradeId;
    private long open;
    private long close;
    private long high;
    private long low;
    private long volume;
    private long quoteVolume;
    private long takerBuyVolume;
    private long takerBuyQuoteVolume;
    /** A kline that ended before anyone saw it closed; shown once with x=true. */
    private MarketEvent.Kline pendingClosed;

    KlineState(String symbol, KlineInterval interval, long nowMillis, long lastPrice) {
        this.symbol = symbol;
        this.interval = interval;
        start(nowMillis, lastPrice);
    }

    private void start(long nowMillis, long price) {
        openMillis = interval.openTime(nowMillis);
        closeMillis = interval.closeTime(openMillis);
        firstTradeId = -1;
        lastTradeId = -1;
        open = close = high = low = price;
        volume = quoteVolume = takerBuyVolume = takerBuyQuoteVolume = 0;
    }

    private void rollIfEnded(long nowMicros) {
        long nowMillis = nowMicros / 1000;
        if (nowMillis > closeMillis) {
            pendingClosed = snapshot(nowMicros, true);
            start(nowMillis, close);
        }
    }

    void onTrade(long nowMicros, long tradeId, long price, long qty, boolean takerBuy) {
        rollIfEnded(nowMicros);
        if (firstTradeId < 0) {
            firstTradeId = tradeId;
            open = high = low = price;
        }
        lastTradeId = tradeId;
        close = price;
        high = Math.max(high, price);
        low = Math.min(low, price);
        long quote = Amount.times(price, qty);
        volume += qty;
        quoteVolume += quote;
        if (takerBuy) {
            takerBuyVolume += qty;
            takerBuyQuoteVolume += quote;
        }
    }

    /** The next event of the kline stream: a pending closed kline first, else the open one. */
    MarketEvent.Kline next(long nowMicros) {
        rollIfEnded(nowMicros);
        if (pendingClosed != null) {
            MarketEvent.Kline closed = pendingClosed;
            pendingClosed = null;
            return closed;
        }
        return snapshot(nowMicros, false);
    }

    private MarketEvent.Kline snapshot(long nowMicros, boolean closed) {
        long trades = firstTradeId < 0 ? 0 : lastTradeId - firstTradeId + 1;
        return new MarketEvent.Kline(nowMicros, symbol, interval, openMillis, closeMillis, firstTradeId, lastTradeId,
                open, close, high, low, volume, trades, closed, quoteVolume, takerBuyVolume, takerBuyQuoteVolume);
    }
}
