package io.k2.binance.sequence;

import io.k2.binance.stream.StreamName;

/**
 * How the events of one Binance stream follow each other, which decides what "already seen" and "something
 * is missing" mean for it (protocol reference §5). The kind is a function of the stream name alone, so the
 * tracker and the frame scanner agree on it without looking at payloads.
 */
public enum SequenceKind {

    /**
     * {@code <symbol>@trade}: trade id {@code t} is contiguous per symbol, the next event has {@code t = prev + 1}
     * (§5.3). A larger jump is lost trades.
     */
    TRADE,

    /**
     * {@code <symbol>@aggTrade}: aggregate id {@code a = prev + 1}, and the trade-id ranges partition the trades,
     * so {@code f = prev l + 1} (§5.4). Both are checked because under overload Binance has kept {@code a}
     * sequential while {@code f}/{@code l} stopped matching.
     */
    AGG_TRADE,

    /**
     * {@code <symbol>@depth}, {@code @depth@100ms}, {@code @depth@1000ms}: the next diff has
     * {@code U = prev u + 1} (§5.1). A diff that only partly overlaps what was delivered ({@code U <= prev u < u})
     * is still new, because quantities are absolute and Binance's own book procedure applies it.
     */
    DEPTH_DIFF,

    /**
     * {@code <symbol>@bookTicker}: {@code u} only increases but is NOT contiguous; it shares the depth id space
     * and fires only on top-of-book changes, so gaps are normal and not loss (§5.2).
     */
    BOOK_TICKER,

    /**
     * {@code <symbol>@depth5|10|20[@100ms|@1000ms]}: a full top-N snapshot each time; {@code lastUpdateId} only
     * increases (same id space as the diffs, not contiguous). A missed snapshot is superseded by the next one.
     */
    PARTIAL_DEPTH,

    /**
     * {@code <symbol>@kline_<interval>[@+08:00]}: no sequence number (§5.5). Events are ordered lexicographically
     * by (open time {@code t}, last trade id {@code L} with -1 for none, closed {@code x} false before true, event
     * time {@code E}): within one kline the last trade id only grows and it closes once. A kline's content is
     * fixed by (t, L, x), so an event with the same three and a later {@code E} repeats the content.
     */
    KLINE,

    /** Any other stream (tickers, {@code !miniTicker@arr}, ...): no ordering is known, events pass through. */
    NONE;

    private static final String[] KLINE_INTERVALS = {
        "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M"};
    private static final String KLINE_UTC8 = "@+08:00";

    /**
     * The kind of a Binance stream name such as {@code btcusdt@depth@100ms}. Names are case-sensitive, as Binance
     * spells them ({@code aggTrade}, {@code bookTicker}); an unknown or malformed name is {@link #NONE}.
     */
    public static SequenceKind of(String streamName) {
        if (streamName == null) {
            return NONE;
        }
        int at = StreamName.symbolEnd(streamName);
        // "!miniTicker@arr" and friends carry many symbols: no per-stream order
        if (at < 0) {
            return NONE;
        }
        return ofType(streamName, at + 1);
    }

    /** True for the kinds whose ids have no holes, so a jump is loss and an overlap check is exact. */
    public boolean contiguous() {
        return this == TRADE || this == AGG_TRADE || this == DEPTH_DIFF;
    }

    /** The {@code e} value payloads of this kind carry, or null when they carry none or the kind has many. */
    public String eventType() {
        switch (this) {
            case TRADE: return "trade";
            case AGG_TRADE: return "aggTrade";
            case DEPTH_DIFF: return "depthUpdate";
            case KLINE: return "kline";
            default: return null;
        }
    }

    private static SequenceKind ofType(String name, int from) {
        int len = name.length() - from;
        if (name.startsWith("trade", from) && len == 5) {
            return TRADE;
        }
        if (name.startsWith("aggTrade", from) && len == 8) {
            return AGG_TRADE;
        }
        if (name.startsWith("bookTicker", from) && len == 10) {
            return BOOK_TICKER;
        }
        if (name.startsWith("kline_", from)) {
            return isKlineInterval(name, from + 6) ? KLINE : NONE;
        }
        if (name.startsWith("depth", from)) {
            int p = from + 5;
            boolean partial = false;
            if (name.startsWith("5", p)) {
                partial = true;
                p += 1;
            } else if (name.startsWith("10", p) || name.startsWith("20", p)) {
                partial = true;
                p += 2;
            }
            int rest = name.length() - p;
            boolean speedOk = rest == 0
                    || (rest == 6 && name.startsWith("@100ms", p))
                    || (rest == 7 && name.startsWith("@1000ms", p));
            if (!speedOk) {
                return NONE;
            }
            return partial ? PARTIAL_DEPTH : DEPTH_DIFF;
        }
        return NONE;
    }

    private static boolean isKlineInterval(String name, int from) {
        int end = name.length();
        if (name.endsWith(KLINE_UTC8) && end - KLINE_UTC8.length() > from) {
            end -= KLINE_UTC8.length();
        }
        int len = end - from;
        for (String interval : KLINE_INTERVALS) {
            if (interval.length() == len && name.startsWith(interval, from)) {
                return true;
            }
        }
        return false;
    }
}
