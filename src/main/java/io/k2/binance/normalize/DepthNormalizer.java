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
        List<PriceLevel> bids = p.requireLevels(true, "b");
        List<PriceLevel> asks = p.requireLevels(false, "a");

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
        List<PriceLevel> bids = p.requireLevels(true, "bids");
        List<PriceLevel> asks = p.requireLevels(false, "asks");

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
}
