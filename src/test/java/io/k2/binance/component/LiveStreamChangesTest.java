package io.k2.binance.component;

import java.time.Duration;
import java.util.List;

import io.k2.binance.connection.GroupStatus;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Streams are added and removed while running with live SUBSCRIBE/UNSUBSCRIBE: no reconnect, the existing
 * connection keeps its id, a stream past a shard's capacity opens a connection of its own, and a removed
 * stream stops arriving.
 */
class LiveStreamChangesTest extends BinanceConsumerTestSupport {

    static BinanceSimulator sim;

    @BeforeAll
    static void start() {
        sim = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt", "bnbusdt"))
                .ratePerSecond(300).seed(3).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Override
    protected String binanceUri() {
        // two streams per connection, so a third symbol needs a second connection
        return uri(sim, "btcusdt", "trade,bookTicker", "streamsPerConnection=2");
    }

    private long receivedOn(String stream) {
        synchronized (received) {
            return received.stream().filter(e -> stream.equals(e.getMessage().getHeader(BinanceHeaders.STREAM))).count();
        }
    }

    @Test
    void addsAndRemovesStreamsWithoutAReconnect() {
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedOn("btcusdt@trade") > 0);
        String first = deliveringId();

        // btcusdt loses bookTicker, ethusdt joins shard 0 in its place, bnbusdt needs shard 1
        List<String> changes = component().updateStreams("btcusdt,ethusdt,bnbusdt", "trade");
        assertThat(changes).singleElement().asString().contains("added 2").contains("removed 1");

        await().atMost(Duration.ofSeconds(10)).until(() -> receivedOn("ethusdt@trade") > 0 && receivedOn("bnbusdt@trade") > 0);
        GroupStatus g = component().connectionStatuses().get(0);
        assertThat(g.shards()).hasSize(2);
        assertThat(deliveringId()).as("shard 0 kept its connection").isEqualTo(first);
        assertThat(g.shards()).allSatisfy(s -> assertThat(s.reconnects()).isZero());

        // the removed stream stops: what the simulator wrote for it is all we got, and it writes no more
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.ledger().countFor("btcusdt@bookTicker") == receivedOn("btcusdt@bookTicker"));
        long bookTickersSent = sim.ledger().countFor("btcusdt@bookTicker");
        long tradesBefore = receivedOn("ethusdt@trade");
        // while ethusdt trades keep arriving (100 ms each at this rate), no bookTicker may follow its UNSUBSCRIBE
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedOn("ethusdt@trade") > tradesBefore + 50);
        assertThat(sim.ledger().countFor("btcusdt@bookTicker")).isEqualTo(bookTickersSent);
        assertThat(receivedOn("btcusdt@bookTicker")).isEqualTo(bookTickersSent);
    }
}
