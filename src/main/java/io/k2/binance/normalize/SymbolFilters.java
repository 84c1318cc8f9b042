package io.k2.binance.normalize;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The limits the exchange itself puts on a symbol's prices and trade quantities, from exchangeInfo's
 * {@code filters}: a value outside them cannot be a real event (e.g. a price of 1e29 has the right form but no
 * order could have it). Null means no limit known: the bundled symbol list has no filters, and a filter value
 * of 0 means "no limit" on Binance.
 *
 * @param minPrice    PRICE_FILTER minPrice
 * @param maxPrice    PRICE_FILTER maxPrice
 * @param maxTradeQty the larger of LOT_SIZE and MARKET_LOT_SIZE maxQty: a trade cannot be larger than the
 *                    orders it fills (limit orders are bounded by LOT_SIZE, market orders by MARKET_LOT_SIZE).
 *                    Not for depth or book ticker quantities, which sum many orders
 */
public record SymbolFilters(BigDecimal minPrice, BigDecimal maxPrice, BigDecimal maxTradeQty) {

    public static final SymbolFilters NONE = new SymbolFilters(null, null, null);

    /** Reads one exchangeInfo symbol's {@code filters} array; {@link #NONE} when it has none we use. */
    static SymbolFilters fromExchangeInfo(JsonNode filters) {
        if (filters == null || !filters.isArray()) {
            return NONE;
        }
        BigDecimal minPrice = null;
        BigDecimal maxPrice = null;
        BigDecimal maxQty = null;
        boolean qtyUnlimited = false;
        boolean anyQty = false;
        for (JsonNode f : filters) {
            switch (f.path("filterType").asText("")) {
                case "PRICE_FILTER" -> {
                    minPrice = limit(f.path("minPrice"));
                    maxPrice = limit(f.path("maxPrice"));
                }
                case "LOT_SIZE", "MARKET_LOT_SIZE" -> {
                    anyQty = true;
                    BigDecimal q = limit(f.path("maxQty"));
                    if (q == null) {
                        qtyUnlimited = true; // 0 (or absent): this order type has no maximum, so trades have none
                    } else if (maxQty == null || q.compareTo(maxQty) > 0) {
                        maxQty = q;
                    }
                }
                default -> {
                    // other filters (NOTIONAL, ICEBERG_PARTS, ...) do not bound a single price or quantity
                }
            }
        }
        SymbolFilters parsed = new SymbolFilters(minPrice, maxPrice, anyQty && !qtyUnlimited ? maxQty : null);
        return parsed.equals(NONE) ? NONE : parsed;
    }

    /** A positive decimal limit, or null for 0, absent or unreadable (no limit). */
    private static BigDecimal limit(JsonNode value) {
        if (value == null || !value.isTextual() && !value.isNumber()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(value.asText().trim());
            return d.signum() > 0 ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether any limit is known. */
    public boolean any() {
        return minPrice != null || maxPrice != null || maxTradeQty != null;
    }

    /** Rejects a price outside PRICE_FILTER's [minPrice, maxPrice]. */
    void checkPrice(BigDecimal price, String field, String symbol) {
        if (maxPrice != null && price.compareTo(maxPrice) > 0) {
            throw outside(field, price, "above maxPrice " + plain(maxPrice) + " of " + symbol + "'s PRICE_FILTER");
        }
        if (minPrice != null && price.compareTo(minPrice) < 0) {
            throw outside(field, price, "below minPrice " + plain(minPrice) + " of " + symbol + "'s PRICE_FILTER");
        }
    }

    /** Rejects a trade quantity above every order type's maxQty. */
    void checkTradeQuantity(BigDecimal quantity, String field, String symbol) {
        if (maxTradeQty != null && quantity.compareTo(maxTradeQty) > 0) {
            throw outside(field, quantity, "above maxQty " + plain(maxTradeQty) + " of " + symbol
                    + "'s LOT_SIZE/MARKET_LOT_SIZE");
        }
    }

    private static BadInputException outside(String field, BigDecimal value, String why) {
        return new BadInputException(BadInputReason.OUTSIDE_SYMBOL_FILTER,
                field + ": " + plain(value) + " is " + why + " (exchangeInfo)");
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
