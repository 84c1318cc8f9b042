package io.k2.binance.e2e;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import io.k2.binance.testing.CapturedLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A frame cannot forge log lines: frames carrying a raw newline, a JSON-escaped newline in the stream name,
 * a Unicode line separator and an ESC go through the real app (simulator, routes, broker) and are logged as
 * dead letters; the app's log output, formatted with the production layout, has one line per event and no
 * forged line, and shows the characters as visible escapes.
 */
class LogInjectionTest extends PipelineTestSupport {

    private static final String FORGED = "2025-01-01T00:00:00,000Z INFO  [main] i.k.b.FAKE - forged log line";
    /** What every line of the production layout starts with: its ISO timestamp and a level. */
    private static final Pattern LINE_START = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d,\\d{3}Z (TRACE|DEBUG|INFO |WARN |ERROR|FATAL) ");

    private static CapturedLog log;

    @BeforeAll
    static void startSimulatorAndCapture() {
        log = CapturedLog.withAppLayout();
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt")).ratePerSecond(0).build());
    }

    @AfterAll
    static void stopCapture() {
        log.close();
    }

    @Override protected String topicPrefix() { return "loginject"; }
    @Override protected String symbols() { return "btcusdt"; }
    @Override protected String streams() { return "trade"; }

    @Test
    void framesCannotForgeLogLines() {
        await().atMost(Duration.ofSeconds(20)).until(() -> simulator.connectionCount() == 1);
        long now = System.currentTimeMillis();
        String head = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":" + now + ",\"s\":\"BTCUSDT\",\"t\":1,";
        List<String> frames = List.of(
                // a raw LF (and CR) inside a string: not valid JSON, logged as the malformed frame
                head + "\"p\":\"1\r\n" + FORGED + "\",\"q\":\"1\",\"T\":" + now + "}}",
                // valid JSON whose stream name decodes to a newline: it reaches the error text
                "{\"stream\":\"btcusdt@avgPrice\\n" + FORGED + "\",\"data\":{\"e\":\"avgPrice\",\"E\":" + now + "}}",
                // a line separator and a terminal escape
                head + "\"p\":\"abc\u2028" + FORGED + "\u001B[2J\",\"q\":\"1\",\"T\":" + now + "}}");
        for (String f : frames) {
            simulator.sendRaw(f);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> metrics().total(MetricNames.DEAD_LETTERED) == frames.size());

        String text = log.text();
        assertThat(text).as("the frames were logged").contains("forged log line");
        for (String line : log.lines()) {
            assertThat(line).as("a forged line").doesNotStartWith("2025-01-01T00:00:00,000Z");
        }
        for (String line : log.lines()) {
            assertThat(line).as("every line is a log event of its own").matches(LINE_START.pattern() + ".*");
        }
        assertThat(text).doesNotContain("\u2028").doesNotContain("\u001B").doesNotContain("\r");
        assertThat(text).contains("\\n" + FORGED).contains("\\u2028" + FORGED).contains("\\e[2J");
    }
}
