package io.k2.binance.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed stream name such as {@code btcusdt@depth20@100ms}. Only the spot streams the simulator can
 * produce parse; anything else is "Invalid request: invalid stream" (binance-protocol.md §2).
 * It is the exchange's reading, kept apart from the app's {@code io.k2.binance.stream.StreamName} on purpose:
 * the simulator stands in for Binance in the tests, so a bug in the app's parser must not be shared by it.
 *
 * @param symbol lower case, as in the name
 * @param levels 5/10/20 for partial depth, else 0
 * @param interval kline interval, else null
 */
record StreamName(String name, String symbol, Kind kind, int levels, KlineInterval interval) {

    enum Kind { TRADE, AGG_TRADE, BOOK_TICKER, DIFF_DEPTH, PARTIAL_DEPTH, KLINE, MINI_TICKER }

    // Names are lower case on Binance; an upper-case symbol is not a well-formed name.
    private static final Pattern SYNTAX = Pattern.compile(
            "([a-z0-9]{2,30})@(trade|aggTrade|bookTicker|miniTicker|depth(5|10|20)?(@100ms)?|kline_(\\w+))");

    static StreamName parse(String name) {
        if (name == null) {
            return null;
        }
        Matcher m = SYNTAX.matcher(name);
        if (!m.matches()) {
            return null;
        }
        String symbol = m.group(1);
        String type = m.group(2);
        if (type.startsWith("kline_")) {
            KlineInterval interval = KlineInterval.byCode(m.group(5));
            return interval == null ? null : new StreamName(name, symbol, Kind.KLINE, 0, interval);
        }
        if (type.startsWith("depth")) {
            return m.group(3) == null
                    ? new StreamName(name, symbol, Kind.DIFF_DEPTH, 0, null)
                    : new StreamName(name, symbol, Kind.PARTIAL_DEPTH, Integer.parseInt(m.group(3)), null);
        }
        Kind kind = switch (type) {
            case "trade" -> Kind.TRADE;
            case "aggTrade" -> Kind.AGG_TRADE;
            case "bookTicker" -> Kind.BOOK_TICKER;
            default -> Kind.MINI_TICKER;
        };
        return new StreamName(name, symbol, kind, 0, null);
    }
}
