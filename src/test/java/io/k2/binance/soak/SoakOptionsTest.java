package io.k2.binance.soak;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line of bin/k2 soak. */
class SoakOptionsTest {

    @Test
    void eachModeBringsItsDefaultsAndLimits() {
        SoakOptions s = SoakOptions.parse();
        assertThat(s.mode()).isEqualTo(SoakMode.SHORT);
        assertThat(s.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.sampleSeconds()).isEqualTo(10);
        // the first drop at 60 s, the first stall 180-190 s, settled 80 s later (burst, backfill, heap give-back)
        assertThat(s.warmup()).isEqualTo(Duration.ofSeconds(270));
        assertThat(s.rate()).isEqualTo(2000);
        assertThat(s.outDir()).isEqualTo(Path.of("target", "soak"));
        assertThat(s.limits()).isEqualTo(new SoakLimits(20, 1000, 1, 400));

        SoakOptions hour = SoakOptions.parse("--mode", "1h");
        assertThat(hour.duration()).isEqualTo(Duration.ofHours(1));
        assertThat(hour.sampleSeconds()).isEqualTo(60);
        assertThat(hour.limits()).isEqualTo(new SoakLimits(10, 10, 10, 400));

        SoakOptions day = SoakOptions.parse("--mode", "24h");
        assertThat(day.duration()).isEqualTo(Duration.ofHours(24));
        assertThat(day.warmup()).isEqualTo(Duration.ofMinutes(15));
        assertThat(day.limits()).isEqualTo(new SoakLimits(50, 10, 10, 450));
        assertThat(day.mode().injectsFaults()).isFalse();
    }

    @Test
    void optionsOverrideTheMode() {
        SoakOptions s = SoakOptions.parse("--mode", "1h", "--duration", "2h", "--rate", "800", "--symbols", "btcusdt",
                "--streams", "trade", "--sample-seconds", "30", "--warmup", "10m", "--out", "/tmp/x");
        assertThat(s.duration()).isEqualTo(Duration.ofHours(2));
        assertThat(s.rate()).isEqualTo(800);
        assertThat(s.symbols()).isEqualTo("btcusdt");
        assertThat(s.streams()).isEqualTo("trade");
        assertThat(s.sampleSeconds()).isEqualTo(30);
        assertThat(s.warmup()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.outDir()).isEqualTo(Path.of("/tmp/x"));
        // the short mode's msg/s limit follows the rate
        assertThat(SoakOptions.parse("--rate", "500").limits().minMsgPerSecond()).isEqualTo(250);
    }

    @Test
    void aShorterRunShortensItsWarmUpAndKeepsHalfOfItselfForTheMeasurement() {
        // faults every 30 s from 15 s: the stall 45-55 s would settle at 135 s, past half of the run
        SoakOptions s = SoakOptions.parse("--mode", "short", "--duration", "120");
        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.warmup()).isEqualTo(Duration.ofSeconds(60));
        assertThat(SoakOptions.parse("--mode", "1h", "--duration", "4m").warmup()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theLedgerChecksTheTradeAndAggTradeStreamsOfTheRun() {
        SoakOptions s = SoakOptions.parse("--symbols", "BTCUSDT, ethusdt", "--streams", "trade,depth@100ms,aggTrade");
        assertThat(new SoakRun(s, "", System.out, System.err).idStreams()).containsExactly("btcusdt@trade",
                "btcusdt@aggTrade", "ethusdt@trade", "ethusdt@aggTrade");
        SoakOptions noTrades = SoakOptions.parse("--streams", "bookTicker,depth@100ms");
        assertThat(new SoakRun(noTrades, "", System.out, System.err).idStreams()).isEmpty();
    }

    @Test
    void durationsTakeUnits() {
        assertThat(SoakOptions.duration("600", "--duration")).isEqualTo(Duration.ofSeconds(600));
        assertThat(SoakOptions.duration("90s", "--duration")).isEqualTo(Duration.ofSeconds(90));
        assertThat(SoakOptions.duration("10m", "--duration")).isEqualTo(Duration.ofMinutes(10));
        assertThat(SoakOptions.duration("2h", "--duration")).isEqualTo(Duration.ofHours(2));
        assertThat(SoakOptions.duration("1d", "--duration")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void mistakesSayWhatIsWrong() {
        assertThatThrownBy(() -> SoakOptions.parse("--mode", "2h")).hasMessageContaining("short, 1h or 24h");
        assertThatThrownBy(() -> SoakOptions.parse("--duration", "ten")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> SoakOptions.parse("--duration", "10")).hasMessageContaining("at least 30 s");
        assertThatThrownBy(() -> SoakOptions.parse("--rate", "0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> SoakOptions.parse("--rate")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SoakOptions.parse("--colour", "red")).hasMessageContaining("unknown option '--colour'");
        assertThatThrownBy(() -> SoakOptions.parse("--duration", "60", "--sample-seconds", "40"))
                .hasMessageContaining("half the duration");
        assertThatThrownBy(() -> SoakOptions.parse("--duration", "60", "--warmup", "60"))
                .hasMessageContaining("shorter than --duration");
    }

    @Test
    void helpListsTheModesAndWhatEachAsserts() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SoakCommand.run(new String[]{"--mode", "1h", "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(help).contains("short", "1h", "24h", "growth after the warm-up < 20 MB", "Asserts growth < 10 MB",
                "Asserts growth < 50 MB", "RSS <= 450 MB", "zero missing and zero duplicate", "--duration", "--rate",
                "--symbols", "--streams", "--sample-seconds", "--out");
    }

    @Test
    void aBadOptionExitsWithUsageCodeTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SoakCommand.run(new String[]{"--mode", "weekly"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("k2 soak: unknown mode 'weekly'");
    }
}
