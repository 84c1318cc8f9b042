package io.k2.binance.simulator;

import java.math.BigDecimal;

/**
 * Prices and quantities as longs with 8 implied decimals. Binance prints every amount with exactly 8
 * decimals ({@code "102571.17000000"}), and longs keep the generator free of BigDecimal on the hot path.
 */
final class Amount {

    static final long ONE = 100_000_000L;

    private Amount() {
    }

    static long parse(String decimal) {
        return new BigDecimal(decimal).movePointRight(8).longValueExact();
    }

    static String format(long units) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, units);
        return sb.toString();
    }

    static void append(StringBuilder sb, long units) {
        if (units < 0) {
            sb.append('-');
            units = -units;
        }
        sb.append(units / ONE).append('.');
        long frac = units % ONE;
        for (long p = ONE / 10; p > frac && p > 1; p /= 10) {
            sb.append('0');
        }
        sb.append(frac);
    }

    /** Appends the amount as a JSON string. */
    static void appendQuoted(StringBuilder sb, long units) {
        sb.append('"');
        append(sb, units);
        sb.append('"');
    }

    /** price × qty in amount units, rounded; double is precise enough for volumes. */
    static long times(long price, long qty) {
        return Math.round((double) price * (double) qty / ONE);
    }

    /**
     * price × qty exactly, cut to 8 decimals: REST's {@code quoteQty}. Exact for most symbols (tick × step
     * has at most 8 decimals); where it has more (ETHBTC, BNBBTC) the rest is dropped rather than rounded.
     */
    static long quote(long price, long qty) {
        return java.math.BigInteger.valueOf(price).multiply(java.math.BigInteger.valueOf(qty))
                .divide(java.math.BigInteger.valueOf(ONE)).longValueExact();
    }
}
