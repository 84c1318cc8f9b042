package io.k2.binance.stream;

import java.util.Locale;

/**
 * What a Binance stream name ({@code btcusdt@depth20@100ms}, {@code !ticker@arr}) says, read without regex: the one
 * home of the name's grammar, {@code <symbol>@<kind>} or an all-market {@code !<kind>...}. The connection layer
 * (sharding, the frame scanner), the sequence kinds, gap tracking and normalization all read names through it.
 */
public final class StreamName {

    private StreamName() {
    }

    /** Streams Binance has switched off: !bookTicker (2022-12-07) and !ticker@arr (2026-03-26). */
    public static boolean isRetired(String stream) {
        return "!ticker@arr".equals(stream) || "!bookTicker".equals(stream);
    }

    /**
     * Where the symbol ends: the index of the '@' after it, or -1 for all-market streams ({@code !...}), names
     * without '@' and names that start with one. Allocation-free, for the frame scanner's per-frame check.
     */
    public static int symbolEnd(String stream) {
        int at = stream.indexOf('@');
        return at <= 0 || stream.charAt(0) == '!' ? -1 : at;
    }

    /** The symbol as the name spells it (lower case, {@code btcusdt}), or null where {@link #symbolEnd} is -1. */
    public static String symbolPart(String stream) {
        int at = symbolEnd(stream);
        return at < 0 ? null : stream.substring(0, at);
    }

    /** The upper-case symbol ({@code BTCUSDT}), as records carry it, or null where {@link #symbolEnd} is -1. */
    public static String symbol(String stream) {
        String part = symbolPart(stream);
        return part == null ? null : part.toUpperCase(Locale.ROOT);
    }

    /** The part after the first '@', e.g. {@code depth20@100ms}, {@code kline_1m}; empty if there is none. */
    public static String kind(String stream) {
        int at = stream.indexOf('@');
        return at < 0 ? "" : stream.substring(at + 1);
    }

    /**
     * The interval of a kline stream: {@code 1m} for {@code btcusdt@kline_1m} and for its UTC+8 variant
     * {@code btcusdt@kline_1m@+08:00}; null for any other stream.
     */
    public static String klineInterval(String stream) {
        String kind = kind(stream);
        if (!kind.startsWith("kline_")) {
            return null;
        }
        int at = kind.indexOf('@');
        return kind.substring("kline_".length(), at < 0 ? kind.length() : at);
    }

    /** N of a {@code depthN} stream, or 0 when the stream is not a partial-depth one. */
    public static int snapshotLevels(String stream) {
        int at = stream.indexOf("@depth");
        if (at < 0) {
            return 0;
        }
        int i = at + "@depth".length();
        int n = 0;
        while (i < stream.length() && Character.isDigit(stream.charAt(i))) {
            n = n * 10 + (stream.charAt(i) - '0');
            i++;
        }
        return n;
    }

    /** The event type the stream should carry judging by its name, or null if the name does not tell. */
    public static String expectedEvent(String stream) {
        String kind = kind(stream);
        if (kind.equals("trade")) {
            return "trade";
        }
        if (kind.equals("aggTrade")) {
            return "aggTrade";
        }
        if (kind.equals("bookTicker")) {
            return "bookTicker";
        }
        if (kind.startsWith("kline_")) {
            return "kline";
        }
        if (kind.equals("depth") || kind.startsWith("depth@")) {
            return "depthUpdate";
        }
        if (snapshotLevels(stream) > 0) {
            return "depthSnapshot";
        }
        return null;
    }
}
