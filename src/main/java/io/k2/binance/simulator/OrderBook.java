package io.k2.binance.simulator;

import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** Price levels of one symbol, best first on each side. Prices and quantities in {@link Amount} units. */
final class OrderBook {

    private final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, Long> asks = new TreeMap<>();

    TreeMap<Long, Long> side(boolean bid) {
        return bid ? bids : asks;
    }

    long best(boolean bid) {
        TreeMap<Long, Long> side = side(bid);
        return side.isEmpty() ? 0 : side.firstKey();
    }

    long bestQty(boolean bid) {
        TreeMap<Long, Long> side = side(bid);
        return side.isEmpty() ? 0 : side.firstEntry().getValue();
    }

    /** Quantity 0 removes the level, as in a depth update. */
    void set(boolean bid, long price, long qty) {
        if (qty == 0) {
            side(bid).remove(price);
        } else {
            side(bid).put(price, qty);
        }
    }

    /** Price of the k-th level from the top (0 = best), or of the deepest if there are fewer. */
    long priceAt(boolean bid, int k) {
        Iterator<Long> it = side(bid).keySet().iterator();
        long price = 0;
        for (int i = 0; i <= k && it.hasNext(); i++) {
            price = it.next();
        }
        return price;
    }

    /** Top {@code limit} levels as {price, qty, price, qty, ...}. */
    long[] top(boolean bid, int limit) {
        TreeMap<Long, Long> side = side(bid);
        int n = Math.min(limit, side.size());
        long[] levels = new long[n * 2];
        int i = 0;
        for (Map.Entry<Long, Long> e : side.entrySet()) {
            if (i == levels.length) {
                break;
            }
            levels[i++] = e.getKey();
            levels[i++] = e.getValue();
        }
        return levels;
    }
}
