package io.k2.binance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

    private static final String JVM_OPTIONS = "@" + Path.of("jvm.options").toAbsolutePath();

    @Test
    void theShippedVariantIsJvmOptionsAloneAsBinK2RunHasIt() {
        assertThat(BenchCommand.jvmOptions("", "")).containsExactly(JVM_OPTIONS);
    }

    @Test
    void aVariantsFlagsComeAfterJvmOptionsAndTheHeapSoTheyWin() {
        assertThat(BenchCommand.jvmOptions("1g", "  -XX:-UseG1GC   -XX:+UseSerialGC "))
                .containsExactly(JVM_OPTIONS, "-Xms1g", "-Xmx1g", "-XX:-UseG1GC", "-XX:+UseSerialGC");
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
