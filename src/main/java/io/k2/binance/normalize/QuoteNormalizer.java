package io.k2.binance.normalize;

import io.k2.marketdata.QuoteV2;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** {@code bookTicker} payloads to {@link QuoteV2}. */
final class QuoteNormalizer {

    private final PlatformSequence sequence;

    QuoteNormalizer(PlatformSequence sequence) {
        this.sequence = sequence;
    }

    NormalizedEvent normalize(Payload p, EventSource src) {
        long updateId = Plausibility.nonNegative(p.requireLong(Payload.UPDATE_ID), "u");
        // zero is allowed: it is how an empty book side reads; negative is impossible
        BigDecimal bid = Plausibility.nonNegative(p.requireDecimal(Payload.BID_PRICE), "b");
        BigDecimal bidQty = Plausibility.nonNegative(p.requireDecimal(Payload.BID_QTY), "B");
        BigDecimal ask = Plausibility.nonNegative(p.requireDecimal(Payload.ASK_PRICE), "a");
        BigDecimal askQty = Plausibility.nonNegative(p.requireDecimal(Payload.ASK_QTY), "A");
        // a side at 0 is empty; quantities are sums of many orders, so no maxQty applies to them
        if (bid.signum() > 0) {
            src.price(bid, "b");
        }
        if (ask.signum() > 0) {
            src.price(ask, "a");
        }
        if (bid.signum() > 0 && ask.signum() > 0 && bid.compareTo(ask) > 0) {
            throw new BadInputException(BadInputReason.CROSSED_BOOK, "best bid b " + bid.toPlainString()
                    + " is above best ask a " + ask.toPlainString());
        }

        // spot bookTicker has no exchange time; use one if Binance ever sends it (futures already does)
        long timestamp;
        String timestampSource;
        if (p.hasLong(Payload.TRADE_TIME)) {
            timestamp = Timestamps.toMicros(p.requireLong(Payload.TRADE_TIME), "T", src.receivedAtMicros());
            timestampSource = "T";
        } else if (p.hasLong(Payload.EVENT_TIME)) {
            timestamp = Timestamps.toMicros(p.requireLong(Payload.EVENT_TIME), "E", src.receivedAtMicros());
            timestampSource = "E";
        } else {
            timestamp = src.receivedAtMicros();
            timestampSource = "receive";
        }

        Map<String, String> vendor = new HashMap<>(8);
        vendor.put("event_type", EventType.BOOK_TICKER.streamType());
        vendor.put("stream", src.stream());
        vendor.put("timestamp_source", timestampSource);

        String symbol = src.symbol();
        String messageId = MessageIds.bookTicker(symbol, updateId);
        QuoteV2 record = new QuoteV2(messageId, symbol, TradeNormalizer.EXCHANGE, TradeNormalizer.ASSET_CLASS,
                src.instrument().baseAsset(), src.instrument().quoteAsset(), Timestamps.instant(timestamp),
                bid, bidQty, ask, askQty, updateId, Timestamps.instant(src.receivedAtMicros()), sequence.next(symbol), vendor);
        return new NormalizedEvent(EventType.BOOK_TICKER, src.stream(), symbol, messageId, record);
    }
}
