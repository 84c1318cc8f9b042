package io.k2.binance.simulator;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns the configured rate into events. On every timer tick it adds {@code rate × elapsed} (times the
 * burst factor while a burst is on) to a budget and spends it on the market's streams, subscribed or
 * not, as the exchange's market runs whether or not anyone listens: it picks a stream at random, weighted
 * by its symbol's weight, and advances that symbol's market just enough to produce the stream's next
 * event. Stream cadences (100 ms depth, 2 s klines) are deliberately not modelled: the rate alone decides
 * how much is generated, which is what tests and benchmarks need.
 *
 * <p>Confined to the simulator's event loop.
 */
final class MarketGenerator {

    private final Subscriptions subscriptions;
    private final SplittableRandom random;
    private final long maxEvents;
    private final double baseRatePerNano;
    private final double burstFactor;
    private final long burstEveryNanos;
    private final long burstNanos;
    private final long startNanos;
    private final double maxBudget;
    private long lastTickNanos;
    private double budget;
    /** Events written to at least one connection: what maxEvents limits. */
    private volatile long delivered;
    private volatile long generated;
    private int weightsGeneration = -1;
    private double[] cumulativeWeights = new double[0];

    MarketGenerator(SimulatorConfig config, Subscriptions subscriptions, SplittableRandom random, long nowNanos) {
        this.subscriptions = subscriptions;
        this.random = random;
        this.maxEvents = config.maxEvents();
        this.burstFactor = config.burstFactor();
        this.burstEveryNanos = config.burstEvery().toNanos();
        this.burstNanos = config.burstFactor() > 1 ? config.burstDuration().toNanos() : 0;
        // Lower the base rate so that bursts come on top of it without changing the average.
        double period = burstEveryNanos;
        double base = config.ratePerSecond() * period / (period + (burstFactor - 1) * burstNanos);
        this.baseRatePerNano = base / 1e9;
        // After a pause (GC, stall) catch up at most a few ticks' worth, never a flood.
        this.maxBudget = Math.max(1, config.ratePerSecond() * burstFactor * config.tickInterval().toNanos() / 1e9 * 5);
        this.startNanos = nowNanos;
        this.lastTickNanos = nowNanos;
    }

    long delivered() {
        return delivered;
    }

    long generated() {
        return generated;
    }

    boolean exhausted() {
        return maxEvents > 0 && delivered >= maxEvents;
    }

    private boolean inBurst(long nowNanos) {
        return burstNanos > 0 && (nowNanos - startNanos) % burstEveryNanos < burstNanos;
    }

    void tick(long nowNanos) {
        long elapsed = nowNanos - lastTickNanos;
        lastTickNanos = nowNanos;
        List<MarketStream> streams = subscriptions.producing();
        if (exhausted() || streams.isEmpty()) {
            budget = 0;
            return;
        }
        boolean burst = inBurst(nowNanos);
        budget = Math.min(maxBudget, budget + elapsed * baseRatePerNano * (burst ? burstFactor : 1));
        if (budget < 1) {
            return;
        }
        subscriptions.nextTick();
        Instant now = Instant.now();
        // Events of one tick share their event time, like the bursts in real captures.
        long nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        while (budget >= 1 && !exhausted()) {
            MarketStream stream = pick(streams);
            if (stream == null) {
                budget = 0;
                return;
            }
            budget -= Math.max(1, produce(stream, nowMicros, burst));
        }
    }

    /** A stream at random, each with its symbol's weight; null when every weight is 0. */
    private MarketStream pick(List<MarketStream> streams) {
        if (weightsGeneration != subscriptions.generation()) {
            weightsGeneration = subscriptions.generation();
            cumulativeWeights = new double[streams.size()];
            double sum = 0;
            for (int i = 0; i < streams.size(); i++) {
                sum += streams.get(i).weight;
                cumulativeWeights[i] = sum;
            }
        }
        double total = cumulativeWeights[cumulativeWeights.length - 1];
        if (total <= 0) {
            return null;
        }
        double r = random.nextDouble() * total;
        int i = java.util.Arrays.binarySearch(cumulativeWeights, r);
        i = i >= 0 ? i + 1 : -i - 1;
        return streams.get(Math.min(i, streams.size() - 1));
    }

    /** Produces the next event of {@code stream} (and what comes with it); returns how many were emitted. */
    private int produce(MarketStream stream, long nowMicros, boolean burst) {
        SymbolMarket market = stream.market;
        switch (stream.name.kind()) {
            case TRADE, AGG_TRADE -> {
                return execute(market, nowMicros, burst);
            }
            case BOOK_TICKER -> {
                market.topOfBookChange();
                return emit(stream, market.bookTicker(), nowMicros);
            }
            case DIFF_DEPTH -> {
                int changes = 1 + random.nextInt(burst ? 40 : 8);
                for (int i = 0; i < changes; i++) {
                    market.randomBookChange();
                }
                MarketEvent.DepthUpdate update = stream.diff.next(nowMicros);
                market.captureBook(update.finalUpdateId());
                return emit(stream, update, nowMicros);
            }
            case PARTIAL_DEPTH -> {
                int changes = 1 + random.nextInt(3);
                for (int i = 0; i < changes; i++) {
                    market.randomBookChange();
                }
                return emit(stream, market.snapshot(stream.name.levels()), nowMicros);
            }
            case KLINE -> {
                KlineState kline = market.kline(stream.name.interval(), nowMicros);
                int n = random.nextBoolean() ? execute(market, nowMicros, burst) : 0;
                return n + emit(stream, kline.next(nowMicros), nowMicros);
            }
            case MINI_TICKER -> {
                return emit(stream, market.miniTicker(nowMicros), nowMicros);
            }
            default -> throw new IllegalStateException("unhandled stream kind " + stream.name.kind());
        }
    }

    /**
     * One taker order: its trades to {@code @trade}, its aggregate to {@code @aggTrade}. The ids advance
     * even when the market has no such stream, as the exchange's would.
     */
    private int execute(SymbolMarket market, long nowMicros, boolean burst) {
        SymbolMarket.Execution execution = market.takerOrder(nowMicros, burst ? 25 : 4);
        int emitted = 0;
        MarketStream trades = producingStream(market.tradeStream);
        if (trades != null) {
            for (MarketEvent.Trade t : execution.trades()) {
                emitted += emit(trades, t, nowMicros);
            }
        }
        MarketStream aggTrades = producingStream(market.aggTradeStream);
        if (aggTrades != null) {
            emitted += emit(aggTrades, execution.aggTrade(), nowMicros);
        }
        return emitted;
    }

    private MarketStream producingStream(String name) {
        MarketStream s = subscriptions.stream(name);
        return s != null && s.market != null ? s : null;
    }

    /**
     * Publishes one event; one the {@code skip} fault claims is generated and recorded in the history but
     * sent to nobody, so clients see its id missing.
     */
    private int emit(MarketStream stream, MarketEvent event, long nowMicros) {
        if (exhausted()) {
            return 0;
        }
        if (subscriptions.publish(stream, event, nowMicros, stream.takeSkip()) > 0) {
            delivered++;
        }
        generated++;
        return 1;
    }
}
