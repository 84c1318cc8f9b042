package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code bin/k2 simulate fault ...} (SimulatorMain's control commands) against a running simulator. */
class ControlCommandTest extends SimulatorTestSupport {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return SimulatorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void faultByNameHitsTheNamedConnection() {
        start(config().ratePerSecond(200));
        List<TestClient> clients = new ArrayList<>();
        String target = connectForId("/ws/btcusdt@trade", clients);
        connectForId("/ws/btcusdt@trade", clients);

        assertThat(run("connections", "--url", sim.restBaseUrl())).isZero();
        assertThat(out.toString()).contains("\"id\":\"" + target + "\"");
        assertThat(run("fault", "close", "--connection", target, "--code", "1008", "--reason", "Too many requests",
                "--url", sim.restBaseUrl())).as(err.toString()).isZero();
        await().atMost(WAIT).until(clients.get(0)::ended);
        assertThat(clients.get(0).closeCode()).isEqualTo(1008);
        assertThat(clients.get(0).closeReason()).isEqualTo("Too many requests");
        assertThat(clients.get(1).ended()).isFalse();

        assertThat(run("fault", "drop", "--connection", "c9", "--url", sim.restBaseUrl())).isEqualTo(1);
        assertThat(err.toString()).contains("no open connection c9");
    }

    @Test
    void helpListsTheFaultsAndMistakesSayWhatToDo() throws Exception {
        assertThat(run("fault", "--help")).isZero();
        for (Fault f : Fault.values()) {
            assertThat(out.toString()).contains(f.id);
        }
        assertThat(run("fault", "explode")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown fault 'explode'");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--streams", "--history", "--down-for", "simulate fault");

        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        assertThat(run("status", "--url", "http://127.0.0.1:" + free)).isEqualTo(1);
        assertThat(err.toString()).contains("no simulator answering at http://127.0.0.1:" + free, "start one with bin/k2 simulate");
    }
}
