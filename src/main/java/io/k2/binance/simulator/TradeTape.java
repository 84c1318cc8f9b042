package io.k2.binance.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} trades and aggregate trades of one symbol, as the market made them, for the
 * REST trade endpoints. It is fed by every taker order whether or not the symbol's {@code @trade} or
 * {@code @aggTrade} stream is part of the market (the history only has events of streams that are), and
 * it holds the very event objects those streams publish, so a REST row and the live event it backfills
 * agree to the last digit. Ids are contiguous per symbol, so a lookup by id is an index computation.
 *
 * <p>Memory: two rings of references to events the history mostly holds anyway. Confined to the event loop.
 */
final class TradeTape {

    private final MarketEvent.Trade[] trades;
    private final MarketEvent.AggTrade[] aggTrades;
    private long tradeCount;
    private long aggTradeCount;

    TradeTape(int capacity) {
        trades = new MarketEvent.Trade[capacity];
        aggTrades = new MarketEvent.AggTrade[capacity];
    }

    void record(SymbolMarket.Execution execution) {
        if (trades.length == 0) {
            return;
        }
        for (MarketEvent.Trade t : execution.trades()) {
            trades[(int) (tradeCount++ % trades.length)] = t;
        }
        aggTrades[(int) (aggTradeCount++ % aggTrades.length)] = execution.aggTrade();
    }

    /**
     * Up to {@code limit} trades from id {@code fromId} on, oldest first; from the oldest held one when
     * {@code fromId} is older than that (the caller sees the first id > fromId: that range is gone), the
     * newest {@code limit} when {@code fromId} is null, none when it is beyond the newest.
     */
    List<MarketEvent.Trade> trades(Long fromId, int limit) {
        return slice(trades, tradeCount, fromId, limit, MarketEvent.Trade::id);
    }

    /** As {@link #trades}, for aggregate trades and their ids {@code a}. */
    List<MarketEvent.AggTrade> aggTrades(Long fromId, int limit) {
        return slice(aggTrades, aggTradeCount, fromId, limit, MarketEvent.AggTrade::id);
    }

    /** Aggregate trades with {@code T} (µs) in {@code [fromMicros, toMicros]}, oldest first, at most {@code limit}. */
    List<MarketEvent.AggTrade> aggTradesBetween(long fromMicros, long toMicros, int limit) {
        List<MarketEvent.AggTrade> out = new ArrayList<>();
        long held = Math.min(aggTradeCount, aggTrades.length);
        for (long i = aggTradeCount - held; i < aggTradeCount && out.size() < limit; i++) {
            MarketEvent.AggTrade a = aggTrades[(int) (i % aggTrades.length)];
            if (a.tradeMicros() >= fromMicros && a.tradeMicros() <= toMicros) {
                out.add(a);
            }
        }
        return out;
    }

    private static <T> List<T> slice(T[] ring, long count, Long fromId, int limit, java.util.function.ToLongFunction<T> id) {
        long held = Math.min(count, ring.length);
        if (held == 0) {
            return List.of();
        }
        long oldestPos = count - held;
        long from;
        if (fromId == null) {
            from = Math.max(oldestPos, count - limit);
        } else {
            long oldestId = id.applyAsLong(ring[(int) (oldestPos % ring.length)]);
            // Ids are contiguous, so the position of an id is its distance from the oldest one.
            from = oldestPos + Math.max(0, fromId - oldestId);
            if (fromId - oldestId >= held) {
                return List.of();
            }
        }
        long to = Math.min(count, from + limit);
        List<T> out = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            out.add(ring[(int) (i % ring.length)]);
        }
        return out;
    }
}
