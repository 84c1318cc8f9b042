package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every connecting client gets every line of the replay file verbatim and in order. */
class ReplayTest extends SimulatorTestSupport {

    static Path samples() {
        Path shared = Path.of(System.getProperty("k2.shared.dir", "../shared"));
        return shared.resolve("fixtures/binance-samples.jsonl");
    }

    @Test
    void samplesAreReplayedVerbatimToEachClient() throws IOException {
        List<String> lines = Files.readAllLines(samples()).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(40);
        start(config().replay(samples()));
        TestClient first = connect("/ws");
        await().atMost(WAIT).until(() -> first.messages().size() == lines.size());
        TestClient second = connect("/stream?streams=btcusdt@trade");
        await().atMost(WAIT).until(() -> second.messages().size() == lines.size());
        assertThat(first.messages()).isEqualTo(lines);
        assertThat(second.messages()).isEqualTo(lines);
        assertThat(sim.ledger().count()).isEqualTo(80);
        assertThat(sim.ledger().entries().get(0).stream()).isEqualTo("nknusdt@depth@100ms");
        assertThat(sim.ledger().entries().get(25).stream()).isEmpty();
        assertThat(sim.ledger().entries().subList(0, 40).stream().map(LedgerEntry::payload).toList()).isEqualTo(lines);
    }

    @Test
    void pacedReplayTakesItsTime() {
        start(config().replay(samples()).replayRatePerSecond(100));
        long start = System.nanoTime();
        TestClient client = connect("/ws");
        await().atMost(WAIT).until(() -> client.messages().size() == 40);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }
}
