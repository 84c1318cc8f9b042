package io.k2.binance.normalize;

import io.k2.marketdata.Side;
import io.k2.marketdata.TradeV2;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** {@code trade} and {@code aggTrade} payloads to {@link TradeV2}. */
final class TradeNormalizer {

    static final String EXCHANGE = "BINANCE";
    static final String ASSET_CLASS = "crypto";

    private final PlatformSequence sequence;

    TradeNormalizer(PlatformSequence sequence) {
        this.sequence = sequence;
    }

    NormalizedEvent normalize(Payload p, EventSource src, boolean aggregate) {
        long id = Plausibility.nonNegative(p.requireLong(aggregate ? Payload.AGG_ID : Payload.TRADE_ID), aggregate ? "a" : "t");
        BigDecimal price = src.price(Plausibility.positive(p.requireDecimal(Payload.PRICE), "p"), "p");
        BigDecimal quantity = src.tradeQuantity(Plausibility.positive(p.requireDecimal(Payload.QUANTITY), "q"), "q");
        long tradeTime = Timestamps.toMicros(p.requireLong(Payload.TRADE_TIME), "T", src.receivedAtMicros());
        long eventTime = Timestamps.toMicros(p.requireLong(Payload.EVENT_TIME), "E", src.receivedAtMicros());
        Boolean buyerMaker = p.optionalBoolean(Payload.BUYER_MAKER);
        // m = "buyer is the maker": the taker, who caused the trade, was then the seller
        Side side = buyerMaker == null ? Side.UNKNOWN : buyerMaker ? Side.SELL : Side.BUY;

        String eventType = aggregate ? EventType.AGG_TRADE.streamType() : EventType.TRADE.streamType();
        Map<String, String> vendor = new HashMap<>(aggregate ? 12 : 8);
        vendor.put("event_type", eventType);
        vendor.put("event_time", Long.toString(eventTime));
        vendor.put("stream", src.stream());
        if (buyerMaker != null) {
            vendor.put("is_buyer_maker", buyerMaker ? "true" : "false");
        }
        if (aggregate) {
            long first = Plausibility.nonNegative(p.requireLong(Payload.FIRST_TRADE_ID), "f");
            long last = Plausibility.nonNegative(p.requireLong(Payload.LAST_TRADE_ID), "l");
            Plausibility.ordered(first, "f", last, "l");
            vendor.put("first_trade_id", Long.toString(first));
            vendor.put("last_trade_id", Long.toString(last));
        }

        String symbol = src.symbol();
        String messageId = aggregate ? MessageIds.aggTrade(symbol, id) : MessageIds.trade(symbol, id);
        TradeV2 record = new TradeV2(messageId, eventType, id, symbol, EXCHANGE, ASSET_CLASS,
                src.instrument().baseAsset(), Timestamps.instant(tradeTime), price, quantity,
                src.instrument().quoteAsset(), side, Collections.emptyList(), id,
                Timestamps.instant(src.receivedAtMicros()), sequence.next(symbol), vendor);
        return new NormalizedEvent(aggregate ? EventType.AGG_TRADE : EventType.TRADE, src.stream(), symbol, messageId, record);
    }
}
