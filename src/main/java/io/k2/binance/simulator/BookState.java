package io.k2.binance.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A symbol's whole order book at one update id (see {@link BinanceSimulator#bookAt}): every level of both
 * sides, best first, with prices and quantities as the decimal strings depth events carry.
 */
public record BookState(long lastUpdateId, List<Level> bids, List<Level> asks) {

    /** One price level, e.g. {@code ("102571.17000000", "0.51230000")}. */
    public record Level(String price, String qty) {
    }

    public BookState {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** From flattened {price, qty, ...} levels in {@link Amount} units. */
    static BookState of(long lastUpdateId, long[] bids, long[] asks) {
        return new BookState(lastUpdateId, levels(bids), levels(asks));
    }

    private static List<Level> levels(long[] flat) {
        List<Level> out = new ArrayList<>(flat.length / 2);
        for (int i = 0; i < flat.length; i += 2) {
            out.add(new Level(Amount.format(flat[i]), Amount.format(flat[i + 1])));
        }
        return out;
    }
}
