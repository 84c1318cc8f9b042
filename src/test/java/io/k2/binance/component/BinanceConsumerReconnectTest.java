package io.k2.binance.component;

import io.k2.binance.connection.ConnectionState;

import java.time.Duration;
import java.util.List;

import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** After an abrupt drop (no close frame, 1006) the consumer reconnects with a new connection id and data flows again. */
class BinanceConsumerReconnectTest extends BinanceConsumerTestSupport {

    static BinanceSimulator sim;

    @BeforeAll
    static void start() {
        sim = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt"))
                .ratePerSecond(200).seed(3).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Override
    protected String binanceUri() {
        return uri(sim, "btcusdt", "trade", "");
    }

    @Test
    void reconnectsAfterAbruptDrop() {
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 5);
        String first = deliveringId();

        sim.dropConnectionsAbruptly();
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveringId() != null
                && !deliveringId().equals(first) && status().state() == ConnectionState.OPEN);
        int before = received.size();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= before + 5);

        String second = deliveringId();
        assertThat(received.get(received.size() - 1).getMessage().getHeader(BinanceHeaders.CONNECTION_ID))
                .isEqualTo(second);
        assertThat(sim.connectionCount()).isEqualTo(1); // no duplicate sockets after the reconnect
    }
}
