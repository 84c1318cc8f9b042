package io.k2.binance.observe;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.k2.binance.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per key, at most N lines a minute; reaching the limit says so once, and the first line of the next minute
 * says exactly how many were left out. Keys are independent, and arguments are escaped.
 */
class ThrottledLogTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ThrottledLog log = new ThrottledLog(LoggerFactory.getLogger("k2.test.throttled"), Level.WARN, 3,
            "k2_test_total", now::get);

    @Test
    void limitsLinesPerKeyAndCountsWhatItLeftOutExactly() {
        List<String> lines;
        try (CapturedLog captured = CapturedLog.withAppLayout()) {
            for (int i = 0; i < 10; i++) {
                log.log("a", "event a{}", i);
            }
            log.log("b", "event b{}", 0);
            now.addAndGet(ThrottledLog.WINDOW_MILLIS);
            log.log("a", "event a{}", 10);
            lines = captured.formatted(org.apache.logging.log4j.Level.WARN).stream()
                    .filter(l -> l.contains("throttled - ")).toList();
        }
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).contains("event a0");
        assertThat(lines.get(2)).contains("event a2");
        assertThat(lines.get(3)).contains("3 lines for a this minute: further ones are left out").contains("k2_test_total");
        assertThat(lines.get(4)).contains("event b0");
        assertThat(lines.get(5)).contains("7 more lines for a were left out in the minute before").contains("k2_test_total");
        assertThat(lines.get(6)).contains("event a10");
    }

    @Test
    void argumentsAreEscaped() {
        String text;
        try (CapturedLog captured = CapturedLog.withAppLayout()) {
            log.log("x", "frame={}", "a\nb\u001B[31m");
            text = captured.text();
        }
        assertThat(text).contains("frame=a\\nb\\e[31m");
    }
}
