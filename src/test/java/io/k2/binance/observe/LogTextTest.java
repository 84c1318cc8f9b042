package io.k2.binance.observe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Control characters become visible escapes; everything else, backslashes and non-ASCII text included, stays. */
class LogTextTest {

    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertThat(LogText.escape("a\nb\rc\td\u001Be")).isEqualTo("a\\nb\\rc\\td\\ee");
        assertThat(LogText.escape("\u0000\u0007\u007F\u0085\u009F\u2028\u2029"))
                .isEqualTo("\\u0000\\u0007\\u007F\\u0085\\u009F\\u2028\\u2029");
    }

    @Test
    void ordinaryTextIsUnchanged() {
        String json = "{\"s\":\"BTCUSDT\",\"p\":\"1\\n\",\"x\":\"é€😀\"}";
        assertThat(LogText.escape(json)).isSameAs(json);
        assertThat(LogText.escape((String) null)).isEqualTo("null");
    }
}
