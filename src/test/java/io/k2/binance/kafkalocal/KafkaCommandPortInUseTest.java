package io.k2.binance.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `bin/k2 kafka start` on a taken port fails at once, naming the address and the option that changes it. */
class KafkaCommandPortInUseTest {

    @TempDir
    Path dataDir;

    @Test
    void namesTheTakenAddressAndThePortOption() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        KafkaCommand command = new KafkaCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            int exit = command.run("start", "--port", Integer.toString(port),
                    "--controller-port", Integer.toString(LoopbackPort.free()), "--data-dir", dataDir.toString());

            assertThat(exit).isEqualTo(KafkaCommand.FAILED);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo("kafka start: 127.0.0.1:" + port + " is already in use; pick another port with --port N,"
                            + " or stop whatever listens there" + System.lineSeparator());
        }
        assertThat(KafkaCommand.runningBroker(dataDir)).isEmpty();
    }
}
