package io.k2.binance.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A simulated market: its assets and the scale of its numbers. All amounts are fixed point with 8
 * decimals (see {@link Amount}), the precision Binance uses in its strings.
 *
 * @param symbol     upper case, as inside payloads ({@code BTCUSDT})
 * @param price      starting price of the random walk
 * @param tick       price step
 * @param qtyStep    quantity step
 * @param typicalQty size of a typical taker order
 */
public record SymbolSpec(String symbol, String baseAsset, String quoteAsset,
                         long price, long tick, long qtyStep, long typicalQty) {

    /** Real symbols at roughly real price levels, so generated data looks like the captures. */
    private static final Map<String, SymbolSpec> KNOWN = new LinkedHashMap<>();

    static {
        known("BTCUSDT", "BTC", "USDT", "102571.17", "0.01", "0.00001", "0.01");
        known("ETHUSDT", "ETH", "USDT", "3500.00", "0.01", "0.0001", "0.5");
        known("BNBUSDT", "BNB", "USDT", "650.00", "0.01", "0.001", "2");
        known("SOLUSDT", "SOL", "USDT", "180.00", "0.01", "0.001", "5");
        known("XRPUSDT", "XRP", "USDT", "2.3000", "0.0001", "0.1", "500");
        known("ETHBTC", "ETH", "BTC", "0.03500", "0.00001", "0.0001", "1");
        known("BNBBTC", "BNB", "BTC", "0.006500", "0.000001", "0.001", "2");
        known("BNBFDUSD", "BNB", "FDUSD", "650.00", "0.01", "0.001", "1");
        known("1000SATSUSDT", "1000SATS", "USDT", "0.0003000", "0.0000001", "1", "1000000");
        known("NKNUSDT", "NKN", "USDT", "0.03520", "0.00001", "1", "1000");
        known("LRCBTC", "LRC", "BTC", "0.00000638", "0.00000001", "1", "200");
        known("BLZETH", "BLZ", "ETH", "0.00006547", "0.00000001", "1", "500");
        known("RUNEEUR", "RUNE", "EUR", "6.248", "0.001", "0.01", "50");
    }

    private static void known(String symbol, String base, String quote, String price, String tick,
                              String qtyStep, String typicalQty) {
        KNOWN.put(symbol, new SymbolSpec(symbol, base, quote, Amount.parse(price), Amount.parse(tick),
                Amount.parse(qtyStep), Amount.parse(typicalQty)));
    }

    /** Names of the built-in symbols, upper case. */
    public static Iterable<String> knownSymbols() {
        return KNOWN.keySet();
    }

    /** Quote assets by which a symbol missing from the table is split, longest first (FDUSD before USD...). */
    private static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "TUSD", "EUR", "TRY", "BRL", "JPY",
            "BTC", "ETH", "BNB");

    /**
     * Parses {@code btcusdt} (any case) or {@code SYMBOL:BASE/QUOTE}. A plain symbol missing from the
     * built-in table is split at a well-known quote asset ({@code adausdt} = ADA/USDT), so the simulator
     * can serve whatever symbols the app is configured with; it then trades around a generic level.
     */
    public static SymbolSpec parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        if (colon < 0) {
            String symbol = t.toUpperCase(Locale.ROOT);
            SymbolSpec spec = KNOWN.get(symbol);
            if (spec != null) {
                return spec;
            }
            for (String quote : QUOTES) {
                if (symbol.endsWith(quote) && symbol.length() > quote.length() && symbol.matches("[A-Z0-9]+")) {
                    return generic(symbol, symbol.substring(0, symbol.length() - quote.length()), quote);
                }
            }
            throw new IllegalArgumentException("unknown symbol '" + t + "': built in are " + KNOWN.keySet()
                    + "; give others as SYMBOL:BASE/QUOTE, e.g. ADAUSDT:ADA/USDT");
        }
        String symbol = t.substring(0, colon).toUpperCase(Locale.ROOT);
        String[] assets = t.substring(colon + 1).toUpperCase(Locale.ROOT).split("/");
        if (assets.length != 2 || assets[0].isEmpty() || assets[1].isEmpty() || !symbol.equals(assets[0] + assets[1])
                || !symbol.matches("[A-Z0-9]+")) {
            throw new IllegalArgumentException("bad symbol '" + t + "': expected SYMBOL:BASE/QUOTE with SYMBOL = BASE+QUOTE");
        }
        SymbolSpec known = KNOWN.get(symbol);
        return known != null ? known : generic(symbol, assets[0], assets[1]);
    }

    /** A market at a plausible level for its quote asset: crypto-quoted pairs are small numbers. */
    private static SymbolSpec generic(String symbol, String base, String quote) {
        return switch (quote) {
            case "BTC" -> new SymbolSpec(symbol, base, quote, Amount.parse("0.00100000"), Amount.parse("0.00000001"),
                    Amount.parse("0.01"), Amount.parse("10"));
            case "ETH", "BNB" -> new SymbolSpec(symbol, base, quote, Amount.parse("0.01000000"), Amount.parse("0.00000100"),
                    Amount.parse("0.01"), Amount.parse("10"));
            default -> new SymbolSpec(symbol, base, quote, Amount.parse("1.0"), Amount.parse("0.0001"),
                    Amount.parse("0.01"), Amount.parse("10"));
        };
    }

    /** The symbol as it appears in stream names. */
    public String streamSymbol() {
        return symbol.toLowerCase(Locale.ROOT);
    }
}
