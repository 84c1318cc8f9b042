package io.k2.binance.simulator;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns the configured rate into events. On every timer tick it adds {@code rate × elapsed} (times the
 * burst factor while a burst is on) to a budget and spends it on the subscribed streams, one event at a
 * time, picking a stream at random and advancing that symbol's market just enough to produce the
 * stream's next event. Stream cadences (100 ms depth, 2 s klines) are deliberately not modelled: the
 * rate alone decides how much arrives, which is what tests and benchmarks need.
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
    private volatile long generated;
    private boolean stalled;

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

    long generated() {
        return generated;
    }

    boolean exhausted() {
        return maxEvents > 0 && generated >= maxEvents;
    }

    void stall(boolean stall) {
        this.stalled = stall;
    }

    private boolean inBurst(long nowNanos) {
        return burstNanos > 0 && (nowNanos - startNanos) % burstEveryNanos < burstNanos;
    }

    void tick(long nowNanos) {
        long elapsed = nowNanos - lastTickNanos;
        lastTickNanos = nowNanos;
        List<ActiveStream> streams = subscriptions.producing();
        if (stalled || exhausted() || streams.isEmpty()) {
            // Nobody to send to: do not save up a flood for the first subscriber.
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
        while (budget >= 1 && !exhausted() && !streams.isEmpty()) {
            ActiveStream stream = streams.get(random.nextInt(streams.size()));
            budget -= Math.max(1, produce(stream, nowMicros, burst));
        }
    }

    /** Produces the next event of {@code stream} (and what comes with it); returns how many were emitted. */
    private int produce(ActiveStream stream, long nowMicros, boolean burst) {
        SymbolMarket market = stream.market;
        switch (stream.name.kind()) {
            case TRADE, AGG_TRADE -> {
                return execute(market, nowMicros, burst);
            }
            case BOOK_TICKER -> {
                market.topOfBookChange();
                return emit(stream, market.bookTicker());
            }
            case DIFF_DEPTH -> {
                int changes = 1 + random.nextInt(burst ? 40 : 8);
                for (int i = 0; i < changes; i++) {
                    market.randomBookChange();
                }
                MarketEvent.DepthUpdate update = stream.diff.next(nowMicros);
                return market.takeDropNextDepthUpdate() ? 0 : emit(stream, update);
            }
            case PARTIAL_DEPTH -> {
                int changes = 1 + random.nextInt(3);
                for (int i = 0; i < changes; i++) {
                    market.randomBookChange();
                }
                return emit(stream, market.snapshot(stream.name.levels()));
            }
            case KLINE -> {
                KlineState kline = market.kline(stream.name.interval(), nowMicros);
                int n = random.nextBoolean() ? execute(market, nowMicros, burst) : 0;
                return n + emit(stream, kline.next(nowMicros));
            }
            case MINI_TICKER -> {
                return emit(stream, market.miniTicker(nowMicros));
            }
            default -> throw new IllegalStateException("unhandled stream kind " + stream.name.kind());
        }
    }

    /** One taker order: its trades to {@code @trade}, its aggregate to {@code @aggTrade}. */
    private int execute(SymbolMarket market, long nowMicros, boolean burst) {
        SymbolMarket.Execution execution = market.takerOrder(nowMicros, burst ? 25 : 4);
        int emitted = 0;
        ActiveStream trades = subscriptions.active(market.tradeStream);
        if (trades != null) {
            for (MarketEvent.Trade t : execution.trades()) {
                emitted += emit(trades, t);
            }
        }
        ActiveStream aggTrades = subscriptions.active(market.aggTradeStream);
        if (aggTrades != null) {
            emitted += emit(aggTrades, execution.aggTrade());
        }
        return emitted;
    }

    private int emit(ActiveStream stream, MarketEvent event) {
        if (exhausted()) {
            return 0;
        }
        subscriptions.publish(stream, event);
        generated++;
        return 1;
    }
}
