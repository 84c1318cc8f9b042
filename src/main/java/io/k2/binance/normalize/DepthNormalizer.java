package io.k2.binance.normalize;

import io.k2.marketdata.DepthKind;
import io.k2.marketdata.DepthUpdateV1;
import io.k2.marketdata.PriceLevel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code depthUpdate} diffs and {@code @depthN} partial-book snapshots to {@link DepthUpdateV1}. */
final class DepthNormalizer {

    private final PlatformSequence sequence;

    DepthNormalizer(PlatformSequence sequence) {
        this.sequence = sequence;
    }

    NormalizedEvent diff(Payload p, EventSource src) {
        long first = Plausibility.nonNegative(p.requireLong(Payload.FIRST_UPDATE_ID), "U");
        long last = Plausibility.nonNegative(p.requireLong(Payload.UPDATE_ID), "u");
        Plausibility.ordered(first, "U", last, "u");
        long eventTime = Timestamps.toMicros(p.requireLong(Payload.EVENT_TIME), "E", src.receivedAtMicros());
        List<PriceLevel> bids = levelPrices(p.requireLevels(true, "b"), "b", src);
        List<PriceLevel> asks = levelPrices(p.requireLevels(false, "a"), "a", src);

        Map<String, String> vendor = new HashMap<>(8);
        vendor.put("event_type", "depthUpdate");
        vendor.put("event_time", Long.toString(eventTime));
        vendor.put("stream", src.stream());

        String symbol = src.symbol();
        String messageId = MessageIds.depthDiff(symbol, first, last);
        DepthUpdateV1 record = new DepthUpdateV1(messageId, DepthKind.DIFF, symbol, TradeNormalizer.EXCHANGE,
                TradeNormalizer.ASSET_CLASS, src.instrument().baseAsset(), src.instrument().quoteAsset(),
                Timestamps.instant(eventTime), first, last, null, bids, asks, last,
                Timestamps.instant(src.receivedAtMicros()), sequence.next(symbol), vendor);
        return new NormalizedEvent(EventType.DEPTH, src.stream(), symbol, messageId, record);
    }

    /** @param levels N of the {@code @depthN} stream, which the payload itself does not state */
    NormalizedEvent snapshot(Payload p, EventSource src, int levels) {
        long lastUpdateId = Plausibility.nonNegative(p.requireLong(Payload.LAST_UPDATE_ID), "lastUpdateId");
        List<PriceLevel> bids = levelPrices(p.requireLevels(true, "bids"), "bids", src);
        List<PriceLevel> asks = levelPrices(p.requireLevels(false, "asks"), "asks", src);

        Map<String, String> vendor = new HashMap<>(4);
        vendor.put("event_type", "depthSnapshot");
        vendor.put("stream", src.stream());

        String symbol = src.symbol();
        String messageId = MessageIds.depthSnapshot(symbol, levels, lastUpdateId);
        DepthUpdateV1 record = new DepthUpdateV1(messageId, DepthKind.SNAPSHOT, symbol, TradeNormalizer.EXCHANGE,
                TradeNormalizer.ASSET_CLASS, src.instrument().baseAsset(), src.instrument().quoteAsset(),
                Timestamps.instant(src.receivedAtMicros()), lastUpdateId, lastUpdateId, levels, bids, asks,
                lastUpdateId, Timestamps.instant(src.receivedAtMicros()), sequence.next(symbol), vendor);
        return new NormalizedEvent(EventType.DEPTH, src.stream(), symbol, messageId, record);
    }

    /**
     * Level prices against the symbol's price filter. Level quantities are sums of many orders, so they are
     * never checked against maxQty.
     */
    private static List<PriceLevel> levelPrices(List<PriceLevel> levels, String field, EventSource src) {
        if (src.filters().any()) {
            for (int i = 0; i < levels.size(); i++) {
                src.price(levels.get(i).getPrice(), field + "[" + i + "].price");
            }
        }
        return levels;
    }
}
