package io.k2.binance.normalize;

import io.k2.marketdata.KlineV1;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** {@code kline} payloads to {@link KlineV1}. */
final class KlineNormalizer {

    private final PlatformSequence sequence;

    KlineNormalizer(PlatformSequence sequence) {
        this.sequence = sequence;
    }

    NormalizedEvent normalize(Payload p, EventSource src) {
        if (!p.hasKline) {
            throw new BadInputException(BadInputReason.MISSING_FIELD, "missing required field 'k' (the kline object)");
        }
        long eventTime = Timestamps.toMicros(p.requireLong(Payload.EVENT_TIME), "E", src.receivedAtMicros());
        long openTime = Timestamps.toMicros(p.requireLong(Payload.K_OPEN_TIME), "k.t", src.receivedAtMicros());
        long closeTime = Timestamps.toMicrosNoFutureBound(p.requireLong(Payload.K_CLOSE_TIME), "k.T");
        Plausibility.ordered(openTime, "k.t", closeTime, "k.T");
        String interval = p.klineInterval;
        if (interval == null || interval.isEmpty()) {
            throw new BadInputException(BadInputReason.MISSING_FIELD, "missing required field 'k.i' (interval)");
        }
        // trade prices, so the price filter applies; volumes are sums, so no maxQty does
        BigDecimal open = src.price(Plausibility.positive(p.requireDecimal(Payload.K_OPEN), "k.o"), "k.o");
        BigDecimal close = src.price(Plausibility.positive(p.requireDecimal(Payload.K_CLOSE), "k.c"), "k.c");
        BigDecimal high = src.price(Plausibility.positive(p.requireDecimal(Payload.K_HIGH), "k.h"), "k.h");
        BigDecimal low = src.price(Plausibility.positive(p.requireDecimal(Payload.K_LOW), "k.l"), "k.l");
        BigDecimal volume = Plausibility.nonNegative(p.requireDecimal(Payload.K_VOLUME), "k.v");
        BigDecimal quoteVolume = Plausibility.nonNegative(p.requireDecimal(Payload.K_QUOTE_VOLUME), "k.q");
        BigDecimal takerVolume = Plausibility.nonNegative(p.requireDecimal(Payload.K_TAKER_BUY_VOLUME), "k.V");
        BigDecimal takerQuoteVolume = Plausibility.nonNegative(p.requireDecimal(Payload.K_TAKER_BUY_QUOTE_VOLUME), "k.Q");
        long tradeCount = Plausibility.nonNegative(p.requireLong(Payload.K_TRADE_COUNT), "k.n");
        Long firstTradeId = tradeId(p.requireLong(Payload.K_FIRST_TRADE_ID), "k.f");
        long rawLastTradeId = p.requireLong(Payload.K_LAST_TRADE_ID);
        Long lastTradeId = tradeId(rawLastTradeId, "k.L");
        boolean closed = p.requireBoolean(Payload.K_CLOSED);

        Map<String, String> vendor = new HashMap<>(4);
        vendor.put("event_type", EventType.KLINE.streamType());
        vendor.put("stream", src.stream());

        String symbol = src.symbol();
        String messageId = MessageIds.kline(symbol, interval, openTime, rawLastTradeId, closed, eventTime);
        KlineV1 record = new KlineV1(messageId, symbol, TradeNormalizer.EXCHANGE, TradeNormalizer.ASSET_CLASS,
                src.instrument().baseAsset(), src.instrument().quoteAsset(), interval, Timestamps.instant(eventTime),
                Timestamps.instant(openTime), Timestamps.instant(closeTime), open, high, low, close, volume,
                quoteVolume, takerVolume, takerQuoteVolume, tradeCount, firstTradeId, lastTradeId, closed,
                Timestamps.instant(src.receivedAtMicros()), sequence.next(symbol), vendor);
        return new NormalizedEvent(EventType.KLINE, src.stream(), symbol, messageId, record);
    }

    /** Binance sends -1 for "no trade yet"; that becomes null, any other negative id is impossible. */
    private static Long tradeId(long value, String field) {
        return value == -1 ? null : Plausibility.nonNegative(value, field);
    }
}
