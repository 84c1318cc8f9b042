package io.k2.binance.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * One stream name. There is one per name, so every subscriber of a name gets the very same events, which
 * blue/green deduplication downstream relies on. A stream of a simulated symbol is part of the market
 * for good once it exists: it keeps generating (and its ids keep advancing) with or without subscribers.
 */
final class MarketStream {

    final StreamName name;
    /** Null for a well-formed name of a symbol that is not simulated: acknowledged, then silent. */
    final SymbolMarket market;
    final List<SimulatedConnection> subscribers = new ArrayList<>(2);
    /** Pending changes of a diff-depth stream; null for other kinds. Never closed, so U = prev u + 1 holds for good. */
    final SymbolMarket.DepthDiff diff;
    /** Share of the rate; the symbol's weight. */
    final double weight;
    /** Events still to be generated but sent to nobody (the {@code skip} fault). */
    private int skipLeft;

    MarketStream(StreamName name, SymbolMarket market, double weight) {
        this.name = name;
        this.market = market;
        this.weight = weight;
        this.diff = market != null && name.kind() == StreamName.Kind.DIFF_DEPTH ? market.openDiff() : null;
    }

    void skip(int count) {
        skipLeft += count;
    }

    /** Whether the event being published now is one to send to nobody; counts it off. */
    boolean takeSkip() {
        if (skipLeft == 0) {
            return false;
        }
        skipLeft--;
        return true;
    }

    int skipLeft() {
        return skipLeft;
    }
}
