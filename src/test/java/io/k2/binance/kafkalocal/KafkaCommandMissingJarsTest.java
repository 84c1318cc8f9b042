package io.k2.binance.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without the broker jars, `bin/k2 kafka start` says to build them instead of failing obscurely. */
class KafkaCommandMissingJarsTest {

    @TempDir
    Path dir;

    @Test
    void tellsToRunMvnPackage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        KafkaCommand command = new KafkaCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        int exit = command.run("start", "--port", Integer.toString(LoopbackPort.free()),
                "--lib-dir", dir.resolve("no-such-lib").toString(), "--data-dir", dir.resolve("data").toString());

        assertThat(exit).isEqualTo(KafkaCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("run `mvn package` first").hasLineCount(1);
    }
}
