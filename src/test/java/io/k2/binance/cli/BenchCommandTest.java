package io.k2.binance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void theShippedVariantAddsNothingToWhatBinK2RunGivesTheApp() {
        assertThat(BenchCommand.jvmOptions("", "")).isEmpty();
    }

    @Test
    void aVariantsFlagsComeAfterTheHeapSoTheyWin() {
        assertThat(BenchCommand.jvmOptions("1g", "  -XX:-UseG1GC   -XX:+UseSerialGC "))
                .containsExactly("-Xms1g", "-Xmx1g", "-XX:-UseG1GC", "-XX:+UseSerialGC");
    }

    @Test
    void theAppsJavaOptionsAreTheCallersThenTheVariantsSoTheVariantWins() {
        assertThat(AppLauncher.javaOptions(" -Xlog:gc ", List.of("-Xmx1g", "-XX:+UseSerialGC")))
                .isEqualTo("-Xlog:gc -Xmx1g -XX:+UseSerialGC");
        assertThat(AppLauncher.javaOptions(null, List.of())).isEmpty();
    }

    @Test
    void anOptionWithoutItsValueIsRefusedWithAPointerToHelp() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchCommand.run(new String[] {"--app-jvm-options"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("missing its value").contains("--help");
    }
}
