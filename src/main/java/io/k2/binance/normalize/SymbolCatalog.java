package io.k2.binance.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which base and quote asset each Binance spot symbol trades. Splitting a symbol by guessing a quote suffix
 * fails on real symbols (is BNBFDUSD BNBF/DUSD? is 1000SATSUSDT 1000SATSU/SDT?), so the split always comes
 * from data: the exchange's own {@code /api/v3/exchangeInfo}, a bundled snapshot of well-known symbols, and
 * explicit overrides. Immutable and thread-safe; combine sources with {@link #overriddenBy(SymbolCatalog)}.
 */
public final class SymbolCatalog {

    /** Classpath resource with the bundled snapshot: {@code symbol,base,quote} per line, # comments. */
    public static final String SNAPSHOT_RESOURCE = "binance-spot-symbols.csv";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Instrument> bySymbol;
    /** Only symbols whose exchangeInfo entry had price or quantity filters. */
    private final Map<String, SymbolFilters> filtersBySymbol;

    private SymbolCatalog(Map<String, Instrument> bySymbol) {
        this(bySymbol, new HashMap<>());
    }

    private SymbolCatalog(Map<String, Instrument> bySymbol, Map<String, SymbolFilters> filtersBySymbol) {
        this.bySymbol = Collections.unmodifiableMap(bySymbol);
        this.filtersBySymbol = Collections.unmodifiableMap(filtersBySymbol);
    }

    public static SymbolCatalog empty() {
        return new SymbolCatalog(new HashMap<>());
    }

    /** The snapshot shipped in the jar ({@value #SNAPSHOT_RESOURCE}); enough to run offline and in tests. */
    public static SymbolCatalog bundledSnapshot() {
        try (InputStream in = SymbolCatalog.class.getClassLoader().getResourceAsStream(SNAPSHOT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + SNAPSHOT_RESOURCE + " is missing");
            }
            return fromCsv(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of {@code symbol,base,quote}; blank lines and lines starting with # are skipped. */
    public static SymbolCatalog fromCsv(Reader csv) throws IOException {
        Map<String, Instrument> map = new HashMap<>();
        BufferedReader reader = new BufferedReader(csv);
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split(",", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("symbol csv line " + lineNo + ": expected symbol,base,quote but got '" + line + "'");
            }
            put(map, parts[0], parts[1], parts[2]);
        }
        return new SymbolCatalog(map);
    }

    /**
     * Reads a Binance {@code /api/v3/exchangeInfo} response: {@code {"symbols":[{"symbol","baseAsset","quoteAsset",
     * "filters":[...]}]}}, with each symbol's PRICE_FILTER and LOT_SIZE / MARKET_LOT_SIZE limits ({@link SymbolFilters}).
     * Every listed symbol is kept whatever its status: the split of a halted symbol is still right.
     */
    public static SymbolCatalog fromExchangeInfo(InputStream json) throws IOException {
        return fromExchangeInfo(JSON.readTree(json));
    }

    public static SymbolCatalog fromExchangeInfo(String json) throws IOException {
        return fromExchangeInfo(JSON.readTree(json));
    }

    private static SymbolCatalog fromExchangeInfo(JsonNode root) {
        JsonNode symbols = root == null ? null : root.get("symbols");
        if (symbols == null || !symbols.isArray()) {
            throw new IllegalArgumentException("exchangeInfo document has no \"symbols\" array");
        }
        Map<String, Instrument> map = new HashMap<>();
        Map<String, SymbolFilters> filters = new HashMap<>();
        for (JsonNode s : symbols) {
            Instrument i = put(map, s.path("symbol").asText(null), s.path("baseAsset").asText(null),
                    s.path("quoteAsset").asText(null));
            SymbolFilters f = SymbolFilters.fromExchangeInfo(s.get("filters"));
            if (f.any()) {
                filters.put(i.symbol(), f);
            }
        }
        return new SymbolCatalog(map, filters);
    }

    /**
     * Parses overrides such as {@code "1000SATSUSDT:1000SATS/USDT, FOOBAR:FOO/BAR"}. Blank means none.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code SYMBOL:BASE/QUOTE}
     */
    public static SymbolCatalog fromOverrides(String spec) {
        Map<String, Instrument> map = new HashMap<>();
        if (spec == null || spec.isBlank()) {
            return new SymbolCatalog(map);
        }
        for (String entry : spec.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int colon = e.indexOf(':');
            int slash = e.indexOf('/', colon + 1);
            if (colon <= 0 || slash < 0 || slash == colon + 1 || slash == e.length() - 1) {
                throw new IllegalArgumentException("symbol override '" + e + "' is not SYMBOL:BASE/QUOTE");
            }
            put(map, e.substring(0, colon), e.substring(colon + 1, slash), e.substring(slash + 1));
        }
        return new SymbolCatalog(map);
    }

    private static Instrument put(Map<String, Instrument> map, String symbol, String base, String quote) {
        Instrument i = new Instrument(upper(symbol), upper(base), upper(quote));
        map.put(i.symbol(), i);
        return i;
    }

    private static String upper(String s) {
        return s == null ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    /** A catalog where {@code higher}'s entries win over this one's, e.g. {@code snapshot.overriddenBy(exchangeInfo).overriddenBy(overrides)}. */
    public SymbolCatalog overriddenBy(SymbolCatalog higher) {
        Map<String, Instrument> map = new HashMap<>(bySymbol);
        map.putAll(higher.bySymbol);
        // a base/quote override says nothing about limits: this catalog's filters stay unless higher has its own
        Map<String, SymbolFilters> filters = new HashMap<>(filtersBySymbol);
        filters.putAll(higher.filtersBySymbol);
        return new SymbolCatalog(map, filters);
    }

    /** The symbol's exchangeInfo price and quantity limits, or {@link SymbolFilters#NONE} when none are known. */
    public SymbolFilters filters(String symbol) {
        SymbolFilters f = symbol == null ? null : filtersBySymbol.get(symbol);
        return f != null ? f : SymbolFilters.NONE;
    }

    /** How many symbols have exchangeInfo filters. */
    public int filteredCount() {
        return filtersBySymbol.size();
    }

    /** The instrument for a symbol in any case, or empty when the catalog does not know it. */
    public Optional<Instrument> lookup(String symbol) {
        return Optional.ofNullable(find(symbol));
    }

    /** Hot-path lookup: null when unknown; upper case input costs no allocation. */
    Instrument find(String symbol) {
        if (symbol == null) {
            return null;
        }
        Instrument i = bySymbol.get(symbol);
        return i != null ? i : bySymbol.get(symbol.toUpperCase(Locale.ROOT));
    }

    public boolean contains(String symbol) {
        return find(symbol) != null;
    }

    public int size() {
        return bySymbol.size();
    }
}
