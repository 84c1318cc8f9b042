package io.k2.binance.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `bin/k2 kafka start`, `status`, `stop` on a free port with a temp data dir. */
@Timeout(180)
class KafkaCommandLifecycleTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final KafkaCommand command = new KafkaCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @AfterEach
    void killWhatTheTestLeftRunning() {
        // start detaches the broker from this JVM: no shutdown hook would get it if the test failed halfway.
        KafkaCommand.runningBroker(dataDir).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void startsDetachedReportsStatusAndStops() throws Exception {
        int port = LoopbackPort.free();
        int controllerPort = LoopbackPort.free();

        assertThat(run("start", "--port", port, "--controller-port", controllerPort, "--data-dir", dataDir))
                .isEqualTo(KafkaCommand.OK);
        assertThat(output()).contains("bootstrap.servers=127.0.0.1:" + port);
        Optional<ProcessHandle> broker = KafkaCommand.runningBroker(dataDir);
        assertThat(broker).isPresent();
        assertThat(Files.readString(dataDir.resolve("broker.pid")).trim()).isEqualTo(Long.toString(broker.get().pid()));

        assertThat(run("status", "--data-dir", dataDir)).isEqualTo(KafkaCommand.OK);
        assertThat(output()).contains("kafka is running at 127.0.0.1:" + port);

        assertThat(run("stop", "--data-dir", dataDir)).isEqualTo(KafkaCommand.OK);
        assertThat(output()).contains("kafka stopped (pid " + broker.get().pid() + ")");
        assertThat(broker.get().isAlive()).isFalse();
        assertThat(dataDir.resolve("broker.pid")).doesNotExist();

        assertThat(run("status", "--data-dir", dataDir)).isEqualTo(KafkaCommand.NOT_RUNNING);
        assertThat(output()).contains("kafka is not running");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private int run(Object... args) {
        out.reset();
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        return command.run(strings);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
