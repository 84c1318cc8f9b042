package io.k2.binance.normalize;

import java.math.BigDecimal;

/** Range checks that turn impossible numbers into ABSURD_VALUE, naming the field and the value. */
final class Plausibility {

    private Plausibility() {
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new BadInputException(BadInputReason.ABSURD_VALUE, field + ": " + value + " is negative");
        }
        return value;
    }

    static BigDecimal positive(BigDecimal value, String field) {
        if (value.signum() <= 0) {
            throw new BadInputException(BadInputReason.ABSURD_VALUE, field + ": " + value.toPlainString() + " is not positive");
        }
        return value;
    }

    static BigDecimal nonNegative(BigDecimal value, String field) {
        if (value.signum() < 0) {
            throw new BadInputException(BadInputReason.ABSURD_VALUE, field + ": " + value.toPlainString() + " is negative");
        }
        return value;
    }

    static void ordered(long first, String firstField, long last, String lastField) {
        if (first > last) {
            throw new BadInputException(BadInputReason.ABSURD_VALUE,
                    firstField + " (" + first + ") is after " + lastField + " (" + last + ")");
        }
    }
}
