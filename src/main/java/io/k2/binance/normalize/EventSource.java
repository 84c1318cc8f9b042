package io.k2.binance.normalize;

/**
 * Where one event came from, resolved before the type-specific normalizer runs.
 *
 * @param stream           Binance stream name, e.g. btcusdt@trade
 * @param instrument       the symbol and its assets, from the catalog
 * @param receivedAtMicros when the frame was received, µs since the epoch
 * @param filters          the symbol's exchangeInfo price and quantity limits ({@link SymbolFilters#NONE} if unknown)
 */
record EventSource(String stream, Instrument instrument, long receivedAtMicros, SymbolFilters filters) {

    String symbol() {
        return instrument.symbol();
    }

    /** Rejects a price outside the symbol's PRICE_FILTER. */
    java.math.BigDecimal price(java.math.BigDecimal price, String field) {
        filters.checkPrice(price, field, instrument.symbol());
        return price;
    }

    /** Rejects a trade quantity above the symbol's largest maxQty. */
    java.math.BigDecimal tradeQuantity(java.math.BigDecimal quantity, String field) {
        filters.checkTradeQuantity(quantity, field, instrument.symbol());
        return quantity;
    }
}
