package io.k2.binance.normalize;

import java.math.BigDecimal;

/**
 * Turns a Binance decimal string into the exact {@link BigDecimal} the schemas carry (scale 8, precision
 * 38). It never goes through {@code double} and never rounds: a value that does not fit is refused.
 */
public final class DecimalField {

    /** Decimal places of every price/quantity field in the Avro schemas. */
    public static final int SCALE = 8;
    /** Total digits the schemas' decimal type holds. */
    public static final int PRECISION = 38;

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L};

    private DecimalField() {
    }

    public static BigDecimal parse(String text, String field) {
        return parse(text.toCharArray(), 0, text.length(), field);
    }

    /**
     * Parses {@code chars[offset, offset+length)}, which is plain decimal notation ({@code -?digits[.digits]}).
     * Reads straight from Jackson's token buffer, so the hot path allocates only the result.
     *
     * @throws BadInputException NON_NUMERIC if it is not a plain decimal, ABSURD_VALUE if it has a non-zero
     *                           digit beyond the 8th decimal or more than 38 digits
     */
    public static BigDecimal parse(char[] chars, int offset, int length, String field) {
        int i = offset;
        int end = offset + length;
        boolean negative = false;
        if (i < end && chars[i] == '-') {
            negative = true;
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean dot = false;
        boolean overflow = false;
        for (; i < end; i++) {
            char c = chars[i];
            if (c >= '0' && c <= '9') {
                digits++;
                if (dot) {
                    if (fractionDigits == SCALE) {
                        if (c != '0') {
                            throw tooManyDecimals(chars, offset, length, field);
                        }
                        continue; // trailing zeros past the 8th decimal change nothing
                    }
                    fractionDigits++;
                }
                if (unscaled > (Long.MAX_VALUE - 9) / 10) {
                    overflow = true;
                } else {
                    unscaled = unscaled * 10 + (c - '0');
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                throw notDecimal(chars, offset, length, field);
            }
        }
        if (digits == 0) {
            throw notDecimal(chars, offset, length, field);
        }
        if (!overflow) {
            long factor = POW10[SCALE - fractionDigits];
            if (unscaled <= Long.MAX_VALUE / factor) {
                long scaled = unscaled * factor;
                return BigDecimal.valueOf(negative ? -scaled : scaled, SCALE);
            }
        }
        return parseLarge(chars, offset, length, field);
    }

    /** Values beyond ~9.2e10 at scale 8 do not fit a long; rare enough that BigDecimal's own parser is fine. */
    private static BigDecimal parseLarge(char[] chars, int offset, int length, String field) {
        BigDecimal value = new BigDecimal(chars, offset, length).setScale(SCALE); // exact: decimals already checked
        if (value.precision() > PRECISION) {
            throw new BadInputException(BadInputReason.ABSURD_VALUE, field + ": '" + new String(chars, offset, length)
                    + "' has more than " + (PRECISION - SCALE) + " integer digits");
        }
        return value;
    }

    private static BadInputException notDecimal(char[] chars, int offset, int length, String field) {
        return new BadInputException(BadInputReason.NON_NUMERIC,
                field + ": '" + new String(chars, offset, length) + "' is not a decimal number");
    }

    private static BadInputException tooManyDecimals(char[] chars, int offset, int length, String field) {
        return new BadInputException(BadInputReason.ABSURD_VALUE, field + ": '" + new String(chars, offset, length)
                + "' has more than " + SCALE + " decimals; refusing to round");
    }
}
