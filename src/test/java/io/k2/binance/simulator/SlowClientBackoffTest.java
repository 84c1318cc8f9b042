package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A client that stops reading is skipped while its write queue is full; others carry on. */
class SlowClientBackoffTest extends SimulatorTestSupport {

    @Test
    void fullWriteQueueBacksOffInsteadOfBuffering() throws Exception {
        start(config().ratePerSecond(20_000).writeQueueMaxBytes(64 * 1024));
        String url = sim.wsBaseUrl() + "/ws/btcusdt@trade/btcusdt@depth@100ms";
        try (TestClient stalled = TestClient.connect(url, null, false, false)) {
            TestClient healthy = connect("/ws/btcusdt@trade/btcusdt@depth@100ms");
            await().atMost(WAIT).until(() -> sim.backoffs() > 10);
            long healthyBefore = healthy.messages().size();
            await().atMost(WAIT).until(() -> healthy.messages().size() > healthyBefore + 1000);
            assertThat(sim.connectionCount()).isEqualTo(2);
            // What the stalled client was not sent is not in the ledger either.
            String stalledId = sim.connectionIds().get(0);
            String healthyId = sim.connectionIds().get(1);
            assertThat(sim.ledger().entriesFor(stalledId).size()).isLessThan(sim.ledger().entriesFor(healthyId).size());
        }
    }
}
