package io.k2.binance.simulator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The market model over a long run, without sockets: the book stays sane, and snapshot + diffs rebuild
 * exactly the book the simulator holds, which is the client's resync procedure (binance-protocol.md §5.1).
 */
class SymbolMarketTest {

    @ParameterizedTest
    @ValueSource(strings = {"BTCUSDT", "XRPUSDT", "LRCBTC", "1000SATSUSDT"})
    void snapshotPlusDiffsRebuildsTheBookAndTheBookStaysSane(String symbol) {
        SplittableRandom random = new SplittableRandom(symbol.hashCode());
        SymbolMarket market = new SymbolMarket(SymbolSpec.parse(symbol), random.split());
        MarketEvent.DepthSnapshot start = market.snapshot(5000);
        SymbolMarket.DepthDiff diff = market.openDiff();
        TreeMap<Long, Long> bids = levels(start.bids(), true);
        TreeMap<Long, Long> asks = levels(start.asks(), false);
        long bookId = start.lastUpdateId();
        for (int i = 0; i < 20_000; i++) {
            if (random.nextInt(3) == 0) {
                market.takerOrder(i, 25);
            } else {
                market.randomBookChange();
            }
            if (i % 97 == 0 && diff.hasChanges()) {
                MarketEvent.DepthUpdate update = diff.next(i);
                assertThat(update.firstUpdateId()).isEqualTo(bookId + 1);
                apply(bids, update.bids());
                apply(asks, update.asks());
                bookId = update.finalUpdateId();
            }
            MarketEvent.BookTicker top = market.bookTicker();
            if (top.bidPrice() >= top.askPrice()) {
                assertThat(top.bidPrice()).as("crossed book at step " + i).isLessThan(top.askPrice());
            }
            if (i % 10 == 0) {
                MarketEvent.DepthSnapshot twenty = market.snapshot(20);
                assertThat(twenty.bids()).hasSize(40);
                assertThat(twenty.asks()).hasSize(40);
            }
        }
        MarketEvent.DepthUpdate last = diff.next(0);
        apply(bids, last.bids());
        apply(asks, last.asks());
        MarketEvent.DepthSnapshot end = market.snapshot(5000);
        assertThat(last.finalUpdateId()).isEqualTo(end.lastUpdateId());
        assertThat(bids).isEqualTo(levels(end.bids(), true));
        assertThat(asks).isEqualTo(levels(end.asks(), false));
        long startPrice = SymbolSpec.parse(symbol).price();
        assertThat(market.bookTicker().bidPrice()).isBetween(startPrice / 2, startPrice * 2);
    }

    private static TreeMap<Long, Long> levels(long[] flat, boolean bid) {
        TreeMap<Long, Long> out = bid ? new TreeMap<>(Comparator.reverseOrder()) : new TreeMap<>();
        apply(out, flat);
        return out;
    }

    private static void apply(TreeMap<Long, Long> book, long[] flat) {
        for (int i = 0; i < flat.length; i += 2) {
            if (flat[i + 1] == 0) {
                book.remove(flat[i]);
            } else {
                book.put(flat[i], flat[i + 1]);
            }
        }
    }
}
