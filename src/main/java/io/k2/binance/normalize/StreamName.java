package io.k2.binance.normalize;

import java.util.Locale;

/** What a Binance stream name ({@code btcusdt@depth20@100ms}, {@code !ticker@arr}) says, read without regex. */
public final class StreamName {

    private StreamName() {
    }

    /** Streams Binance has switched off: !bookTicker (2022-12-07) and !ticker@arr (2026-03-26). */
    static boolean isRetired(String stream) {
        return "!ticker@arr".equals(stream) || "!bookTicker".equals(stream);
    }

    /** The upper-case symbol before the first '@', or null for all-market streams ({@code !...}) and names without '@'. */
    public static String symbol(String stream) {
        int at = stream.indexOf('@');
        if (at <= 0 || stream.charAt(0) == '!') {
            return null;
        }
        return stream.substring(0, at).toUpperCase(Locale.ROOT);
    }

    /** The part after the first '@', e.g. {@code depth20@100ms}, {@code kline_1m}; empty if there is none. */
    static String kind(String stream) {
        int at = stream.indexOf('@');
        return at < 0 ? "" : stream.substring(at + 1);
    }

    /** N of a {@code depthN} stream, or 0 when the stream is not a partial-depth one. */
    static int snapshotLevels(String stream) {
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
    static String expectedEvent(String stream) {
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
