package io.k2.binance.normalize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Decimal strings become exact scale-8 BigDecimals or are refused; nothing is rounded. */
class DecimalFieldTest {

    @ParameterizedTest
    @CsvSource({
            "0.00006547, 0.00006547",
            "102571.17000000, 102571.17000000",
            "100, 100.00000000",
            "0.001, 0.00100000",
            "1.1000000000000, 1.10000000",        // zeros past the 8th decimal are harmless
            "3065280135.28113970, 3065280135.28113970",
            "-2.5, -2.50000000",
            "123456789012345678901234567890.12345678, 123456789012345678901234567890.12345678"})
    void parsesExactly(String text, String expected) {
        BigDecimal value = DecimalField.parse(text, "p");
        assertThat(value.scale()).isEqualTo(8);
        assertThat(value.toPlainString()).isEqualTo(expected);
    }

    @Test
    void readsASliceOfABuffer() {
        char[] buffer = "xx\"0.35280000\"yy".toCharArray();
        assertThat(DecimalField.parse(buffer, 3, 10, "p").toPlainString()).isEqualTo("0.35280000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.000000001", "1.123456789", "0.00000000100"})
    void refusesToRound(String text) {
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> DecimalField.parse(text, "q"));
        assertThat(e.reason()).isEqualTo(BadInputReason.ABSURD_VALUE);
        assertThat(e.getMessage()).contains("q: '" + text + "'").contains("8 decimals");
    }

    @Test
    void refusesMoreThan30IntegerDigits() {
        BadInputException e = catchThrowableOfType(BadInputException.class,
                () -> DecimalField.parse("1234567890123456789012345678901", "v"));
        assertThat(e.reason()).isEqualTo(BadInputReason.ABSURD_VALUE);
        assertThat(e.getMessage()).contains("v:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "abc", "1e5", "NaN", "1,5", " 1", "1.2.3", "+1", "0x10"})
    void refusesNonDecimals(String text) {
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> DecimalField.parse(text, "b"));
        assertThat(e.reason()).isEqualTo(BadInputReason.NON_NUMERIC);
        assertThat(e.getMessage()).startsWith("b: '");
    }
}
