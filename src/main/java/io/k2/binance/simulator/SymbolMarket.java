package io.k2.binance.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The state of one simulated symbol: an order book whose every change takes the next update id, and a
 * trade tape with contiguous trade and aggregate ids. Every event of every stream is derived from this
 * single state, which is what keeps the sequencing rules of binance-protocol.md §5 true by construction:
 * depth {@code U = prev u + 1}, bookTicker {@code u} in the depth id space, {@code [f,l]} partitioning
 * trade ids, kline {@code n = L - f + 1}.
 *
 * <p>Confined to the simulator's event loop.
 */
final class SymbolMarket {

    /** Above 20 so that {@code @depth20} always has its 20 levels. */
    private static final int MIN_LEVELS = 30;
    private static final int MAX_LEVELS = 100;
    private static final int INITIAL_LEVELS = 50;

    final SymbolSpec spec;
    final String tradeStream;
    final String aggTradeStream;
    private final SplittableRandom random;
    private final OrderBook book = new OrderBook();
    private final List<DepthDiff> diffs = new ArrayList<>();
    private final Map<KlineInterval, KlineState> klines = new EnumMap<>(KlineInterval.class);
    private long updateId;
    private long nextTradeId;
    private long nextAggTradeId;
    private long lastPrice;
    private long dayOpen;
    private long dayHigh;
    private long dayLow;
    private long dayVolume;
    private long dayQuoteVolume;
    /** Trades for REST, whether or not the trade streams are part of the market. */
    final TradeTape tape;
    private final BookHistory bookHistory;

    /** Result of one taker order: its trades and the aggregate that covers exactly them. */
    record Execution(List<MarketEvent.Trade> trades, MarketEvent.AggTrade aggTrade) {
    }

    SymbolMarket(SymbolSpec spec, SplittableRandom random) {
        this(spec, random, 0, 0);
    }

    /**
     * @param tapeSize    trades (and aggregate trades) kept for REST; the history size, so REST reaches as
     *                    far back as the streams' history does
     * @param bookHistory diff-depth emissions whose whole book is kept for {@link #bookAt}; 0 = none
     */
    SymbolMarket(SymbolSpec spec, SplittableRandom random, int tapeSize, int bookHistory) {
        this.spec = spec;
        this.tape = new TradeTape(tapeSize);
        this.bookHistory = new BookHistory(bookHistory);
        this.random = random;
        this.tradeStream = spec.streamSymbol() + "@trade";
        this.aggTradeStream = spec.streamSymbol() + "@aggTrade";
        // Ids start at realistic magnitudes (binance-protocol.md §4: use long) so 32-bit bugs show.
        this.updateId = 80_000_000_000L + random.nextLong(1_000_000_000L);
        this.nextTradeId = 5_000_000_000L + random.nextLong(500_000_000L);
        this.nextAggTradeId = 3_000_000_000L + random.nextLong(500_000_000L);
        this.lastPrice = spec.price();
        long halfSpread = spec.tick();
        for (int i = 0; i < INITIAL_LEVELS; i++) {
            long offset = halfSpread + (long) i * spec.tick() * (1 + random.nextInt(3));
            book.set(true, roundToTick(spec.price() - offset), randomRestingQty());
            book.set(false, roundToTick(spec.price() + offset), randomRestingQty());
        }
        dayOpen = dayHigh = dayLow = lastPrice;
    }

    String symbol() {
        return spec.symbol();
    }

    // ---- book changes -------------------------------------------------------------------------

    private void setLevel(boolean bid, long price, long qty) {
        book.set(bid, price, qty);
        updateId++;
        for (DepthDiff diff : diffs) {
            diff.changed(bid, price, qty);
        }
    }

    /** One random book change, the kind a market maker makes all the time. */
    void randomBookChange() {
        int r = random.nextInt(100);
        double pull = pull();
        boolean bid;
        if (r < 45) {
            bid = random.nextBoolean();
        } else if (r < 75) {
            // Improving the side that pushes the price back towards its level.
            bid = random.nextDouble() < 0.5 - pull;
        } else {
            bid = random.nextDouble() < 0.5 + pull;
        }
        int size = book.side(bid).size();
        if (size < MIN_LEVELS) {
            addLevel(bid, false);
        } else if (size > MAX_LEVELS) {
            setLevel(bid, book.side(bid).lastKey(), 0);
        } else if (r < 45) {
            setLevel(bid, book.priceAt(bid, nearTopIndex()), randomRestingQty());
        } else if (r < 75) {
            // The wider the spread, the likelier a maker steps into it; this keeps the spread tight.
            long spreadTicks = (book.best(false) - book.best(true)) / spec.tick();
            addLevel(bid, spreadTicks > 1 && random.nextDouble() < Math.min(0.95, 0.15 * (spreadTicks + 1)));
        } else {
            setLevel(bid, book.priceAt(bid, nearTopIndex()), 0);
        }
    }

    /**
     * Mean reversion towards the symbol's price level, in [-0.4, 0.4]: positive when the price is above
     * it. Without it a random walk over coarse ticks (LRCBTC has ~600 ticks to zero) wanders off.
     */
    private double pull() {
        long bid = book.best(true);
        long ask = book.best(false);
        if (bid == 0 || ask == 0) {
            return 0;
        }
        double deviation = ((bid + ask) / 2.0 - spec.price()) / spec.price();
        return Math.max(-0.4, Math.min(0.4, deviation * 40));
    }

    /** A change of the best bid or ask quantity; what makes a bookTicker event. */
    void topOfBookChange() {
        boolean bid = random.nextBoolean();
        if (book.side(bid).isEmpty()) {
            addLevel(bid, false);
        } else {
            setLevel(bid, book.best(bid), randomRestingQty());
        }
    }

    private void addLevel(boolean bid, boolean insideSpread) {
        long tick = spec.tick();
        long bestBid = book.best(true);
        long bestAsk = book.best(false);
        long price;
        long spreadTicks = bestBid > 0 && bestAsk > 0 ? (bestAsk - bestBid) / tick : 0;
        if (insideSpread && spreadTicks > 1) {
            long steps = 1 + random.nextLong(spreadTicks - 1);
            price = bid ? bestBid + steps * tick : bestAsk - steps * tick;
        } else {
            long from = book.side(bid).isEmpty() ? (bid ? lastPrice - tick : lastPrice + tick) : book.priceAt(bid, nearTopIndex());
            long steps = 1 + random.nextInt(2);
            price = bid ? from - steps * tick : from + steps * tick;
        }
        // Walk outwards to a free price so that an add really adds a level (keeps the side from thinning).
        while (book.side(bid).containsKey(price) && price > tick) {
            price = bid ? price - tick : price + tick;
        }
        if (price <= 0) {
            price = tick;
        }
        setLevel(bid, price, randomRestingQty());
    }

    private int nearTopIndex() {
        int k = 0;
        while (k < 15 && random.nextInt(100) < 55) {
            k++;
        }
        return k;
    }

    private long randomRestingQty() {
        return roundToStep(spec.typicalQty() / 4 + random.nextLong(spec.typicalQty() * 8));
    }

    private long roundToStep(long qty) {
        long step = spec.qtyStep();
        return Math.max(step, qty / step * step);
    }

    private long roundToTick(long price) {
        long tick = spec.tick();
        return Math.max(tick, price / tick * tick);
    }

    // ---- trades -------------------------------------------------------------------------------

    /**
     * A taker order that fills against the best level at one price: one or more trades (in bursts, more)
     * aggregated into one aggTrade, and one book update for the level it consumed.
     */
    Execution takerOrder(long nowMicros, int maxTrades) {
        // A seller hits the bid; above the price level sellers are a little keener.
        boolean buyerMaker = random.nextDouble() < 0.5 + pull();
        boolean restingBid = buyerMaker;
        if (book.side(restingBid).isEmpty()) {
            addLevel(restingBid, false);
        }
        long price = book.best(restingBid);
        long available = book.bestQty(restingBid);
        boolean sweep = random.nextInt(100) < 10;
        int count = 1;
        while (count < maxTrades && random.nextInt(100) < 45) {
            count++;
        }
        List<MarketEvent.Trade> trades = new ArrayList<>(count);
        long first = nextTradeId;
        long total = 0;
        for (int i = 0; i < count && total < available; i++) {
            long qty = i == count - 1 && sweep ? available - total
                    : Math.min(available - total, roundToStep(spec.typicalQty() / 10 + random.nextLong(spec.typicalQty())));
            long id = nextTradeId++;
            total += qty;
            trades.add(new MarketEvent.Trade(nowMicros, spec.symbol(), id, price, qty, nowMicros, buyerMaker));
            recordTrade(nowMicros, id, price, qty, !buyerMaker);
        }
        setLevel(restingBid, price, available - total);
        if (book.side(restingBid).size() < MIN_LEVELS) {
            // Market makers refill what takers eat; without this, trade-heavy streams empty the book.
            addLevel(restingBid, false);
        }
        MarketEvent.AggTrade agg = new MarketEvent.AggTrade(nowMicros, spec.symbol(), nextAggTradeId++, price, total,
                first, nextTradeId - 1, nowMicros, buyerMaker);
        Execution execution = new Execution(trades, agg);
        tape.record(execution);
        return execution;
    }

    private void recordTrade(long nowMicros, long id, long price, long qty, boolean takerBuy) {
        lastPrice = price;
        dayHigh = Math.max(dayHigh, price);
        dayLow = Math.min(dayLow, price);
        dayVolume += qty;
        dayQuoteVolume += Amount.times(price, qty);
        for (KlineState k : klines.values()) {
            k.onTrade(nowMicros, id, price, qty, takerBuy);
        }
    }

    // ---- stream views -------------------------------------------------------------------------

    MarketEvent.BookTicker bookTicker() {
        return new MarketEvent.BookTicker(updateId, spec.symbol(), book.best(true), book.bestQty(true),
                book.best(false), book.bestQty(false));
    }

    MarketEvent.DepthSnapshot snapshot(int levels) {
        return new MarketEvent.DepthSnapshot(updateId, book.top(true, levels), book.top(false, levels));
    }

    MarketEvent.MiniTicker miniTicker(long nowMicros) {
        return new MarketEvent.MiniTicker(nowMicros, spec.symbol(), lastPrice, dayOpen, dayHigh, dayLow, dayVolume,
                dayQuoteVolume);
    }

    KlineState kline(KlineInterval interval, long nowMicros) {
        return klines.computeIfAbsent(interval, i -> new KlineState(spec.symbol(), i, nowMicros / 1000, lastPrice));
    }

    /** A diff-depth stream starts with the next update id; it lives as long as the market. */
    DepthDiff openDiff() {
        DepthDiff diff = new DepthDiff(updateId);
        diffs.add(diff);
        return diff;
    }

    /**
     * Remembers the whole book as it is now, right after a diff-depth event with {@code u = updateId} was
     * produced (when book history is on).
     */
    void captureBook(long updateId) {
        bookHistory.capture(updateId, book);
    }

    /** The book at {@code u = updateId} of a diff-depth event, or null when not held. */
    BookState bookAt(long updateId) {
        return bookHistory.at(updateId);
    }

    /** Changes since the last event of one diff-depth stream, with final quantities per level. */
    final class DepthDiff {
        private long lastFinalId;
        private final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
        private final TreeMap<Long, Long> asks = new TreeMap<>();

        private DepthDiff(long lastFinalId) {
            this.lastFinalId = lastFinalId;
        }

        private void changed(boolean bid, long price, long qty) {
            (bid ? bids : asks).put(price, qty);
        }

        boolean hasChanges() {
            return updateId > lastFinalId;
        }

        MarketEvent.DepthUpdate next(long nowMicros) {
            MarketEvent.DepthUpdate event = new MarketEvent.DepthUpdate(nowMicros, spec.symbol(), lastFinalId + 1,
                    updateId, flatten(bids), flatten(asks));
            lastFinalId = updateId;
            bids.clear();
            asks.clear();
            return event;
        }

        private long[] flatten(TreeMap<Long, Long> levels) {
            long[] out = new long[levels.size() * 2];
            int i = 0;
            for (Map.Entry<Long, Long> e : levels.entrySet()) {
                out[i++] = e.getKey();
                out[i++] = e.getValue();
            }
            return out;
        }
    }
}
