package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An old event of a stream is sent again to one connection: a duplicate trade id, an old depth u. */
class DuplicateEventTest extends SimulatorTestSupport {

    private static final String STREAMS = "/stream?streams=btcusdt@trade/btcusdt@depth@100ms";

    @Test
    void theTargetGetsTheOldEventAgainTheOtherDoesNot() {
        start(config().ratePerSecond(2000));
        List<TestClient> clients = new ArrayList<>();
        String targetId = connectForId(STREAMS, clients);
        connectForId(STREAMS, clients);
        TestClient target = clients.get(0);
        TestClient other = clients.get(1);
        await().atMost(WAIT).until(() -> count(target, "btcusdt@trade") > 10 && count(target, "btcusdt@depth@100ms") > 5);

        HistoryEvent trade = sim.resendOldEvent("btcusdt@trade", 5, targetId);
        HistoryEvent depth = sim.resendOldEvent("btcusdt@depth@100ms", 3, targetId);
        await().atMost(WAIT).until(() -> ids(target, "btcusdt@trade", "t").stream().filter(t -> t == trade.lastId()).count() == 2
                && ids(target, "btcusdt@depth@100ms", "u").stream().filter(u -> u == depth.lastId()).count() == 2);
        // The other connection is on the same ordered stream of events: once it has events generated after
        // the resend, a duplicate sent to it too would have shown.
        await().atMost(WAIT).until(() -> {
            List<Long> t = ids(other, "btcusdt@trade", "t");
            return !t.isEmpty() && t.get(t.size() - 1) >= trade.lastId() + 10;
        });
        assertThat(ids(other, "btcusdt@trade", "t")).doesNotHaveDuplicates();
        assertThat(ids(other, "btcusdt@depth@100ms", "u")).doesNotHaveDuplicates();
        // The ledger holds the duplicate as sent, so received == ledger still holds for the target.
        assertThat(sim.ledger().entriesFor(targetId).stream().filter(e -> e.payload().equals(trade.payload()))).hasSize(2);
    }

    private static List<Long> ids(TestClient c, String stream, String field) {
        return dataOf(c, stream).stream().map((JsonNode n) -> n.get(field).asLong()).toList();
    }
}
