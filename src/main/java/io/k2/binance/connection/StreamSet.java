package io.k2.binance.connection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The validated set of Binance streams one endpoint subscribes to: every symbol times every stream type
 * (split over several connections when there are more than 1024).
 * Validation happens here once, so both the endpoint and the start-up settings check give the same
 * answer and the same message.
 */
public final class StreamSet {

    /** Binance allows at most 1024 streams per connection. */
    public static final int MAX_STREAMS_PER_CONNECTION = 1024;
    /**
     * More streams are split over several connections; this cap keeps one instance's connects (one per
     * connection per rotation, plus reconnects) far below Binance's 300 attempts per 5 minutes per IP.
     */
    public static final int MAX_CONNECTIONS = 20;
    public static final int MAX_STREAMS_TOTAL = MAX_CONNECTIONS * MAX_STREAMS_PER_CONNECTION;

    public static final List<String> KLINE_INTERVALS = List.of(
            "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M");

    public static final String ACCEPTED_STREAM_TYPES = "trade, aggTrade, bookTicker, depth, depth@100ms, "
            + "depth5, depth10, depth20 (each optionally @100ms), kline_<interval> with interval one of "
            + String.join(" ", KLINE_INTERVALS);

    // Binance symbols are upper-case letters and digits (e.g. 1000SATSUSDT); stream names use lower case.
    private static final Pattern SYMBOL = Pattern.compile("[a-z0-9]{2,30}");
    private static final Pattern DEPTH = Pattern.compile("depth(5|10|20)?(@100ms|@1000ms)?");

    private final List<String> symbols;
    private final List<String> streamTypes;
    private final List<String> streams;

    private StreamSet(List<String> symbols, List<String> streamTypes) {
        this.symbols = symbols;
        this.streamTypes = streamTypes;
        List<String> all = new ArrayList<>(symbols.size() * streamTypes.size());
        for (String symbol : symbols) {
            for (String type : streamTypes) {
                all.add(symbol + "@" + type);
            }
        }
        this.streams = Collections.unmodifiableList(all);
    }

    /**
     * Parses comma-separated symbols and stream types.
     *
     * @throws IllegalArgumentException naming the bad value and what is accepted
     */
    public static StreamSet parse(String symbolList, String streamTypeList) {
        List<String> symbols = new ArrayList<>(new LinkedHashSet<>(split(symbolList, true)));
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("no symbols given; list at least one, e.g. btcusdt,ethusdt");
        }
        for (String s : symbols) {
            if (!SYMBOL.matcher(s).matches()) {
                throw new IllegalArgumentException("symbol '" + s + "' is not a Binance symbol: use 2-30 letters "
                        + "or digits, e.g. btcusdt or 1000satsusdt");
            }
        }
        List<String> types = new ArrayList<>(new LinkedHashSet<>(split(streamTypeList, false)));
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no stream types given; accepted: " + ACCEPTED_STREAM_TYPES);
        }
        for (String t : types) {
            if (!isKnownStreamType(t)) {
                throw new IllegalArgumentException("unknown stream type '" + t + "'; accepted: " + ACCEPTED_STREAM_TYPES);
            }
        }
        StreamSet set = new StreamSet(List.copyOf(symbols), List.copyOf(types));
        if (set.streams.size() > MAX_STREAMS_TOTAL) {
            throw new IllegalArgumentException(set.streams.size() + " streams (" + symbols.size() + " symbols x "
                    + types.size() + " types) are more than " + MAX_STREAMS_TOTAL + " (" + MAX_CONNECTIONS
                    + " connections of " + MAX_STREAMS_PER_CONNECTION + "); split them over several instances");
        }
        return set;
    }

    static boolean isKnownStreamType(String type) {
        switch (type) {
            case "trade", "aggTrade", "bookTicker":
                return true;
            default:
                if (type.startsWith("kline_")) {
                    return KLINE_INTERVALS.contains(type.substring("kline_".length()));
                }
                return DEPTH.matcher(type).matches();
        }
    }

    private static List<String> split(String list, boolean lowerCase) {
        List<String> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (String part : list.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                out.add(lowerCase ? p.toLowerCase(Locale.ROOT) : p);
            }
        }
        return out;
    }

    public List<String> symbols() {
        return symbols;
    }

    public List<String> streamTypes() {
        return streamTypes;
    }

    /** All stream names, e.g. {@code btcusdt@trade}, in a stable order. */
    public List<String> streams() {
        return streams;
    }

    /** The combined-stream path, e.g. {@code /stream?streams=btcusdt@trade/ethusdt@trade}. */
    public String combinedPath() {
        return "/stream?streams=" + String.join("/", streams);
    }
}
