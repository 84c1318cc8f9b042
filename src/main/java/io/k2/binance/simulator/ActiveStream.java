package io.k2.binance.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A stream at least one connection subscribes to. There is one per name, so every subscriber of a name
 * gets the very same events, which blue/green deduplication downstream relies on.
 */
final class ActiveStream {

    final StreamName name;
    /** Null for a well-formed name of a symbol that is not simulated: acknowledged, then silent. */
    final SymbolMarket market;
    final List<SimulatedConnection> subscribers = new ArrayList<>(2);
    /** Pending changes of a diff-depth stream; null for other kinds. */
    final SymbolMarket.DepthDiff diff;

    ActiveStream(StreamName name, SymbolMarket market) {
        this.name = name;
        this.market = market;
        this.diff = market != null && name.kind() == StreamName.Kind.DIFF_DEPTH ? market.openDiff() : null;
    }

    void retire() {
        if (diff != null) {
            market.closeDiff(diff);
        }
    }
}
