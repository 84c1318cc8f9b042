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

/**
 * An open connection is not closed by the consumer itself: the handshake deadline must not outlive the
 * handshake (Vert.x's request timeout did that: sockets were closed with 1000 one connect-timeout after
 * connecting).
 */
class BinanceConsumerStaysConnectedTest extends BinanceConsumerTestSupport {

    static BinanceSimulator sim;

    @BeforeAll
    static void start() {
        sim = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt")).ratePerSecond(50)
                .seed(5).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Override
    protected String binanceUri() {
        return uri(sim, "btcusdt", "trade", "connectTimeout=500");
    }

    @Test
    void keepsTheSameConnectionLongAfterTheConnectTimeout() {
        await().atMost(Duration.ofSeconds(10)).until(() -> status().state() == ConnectionState.OPEN);
        String first = deliveringId();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> first.equals(deliveringId()) && status().state() == ConnectionState.OPEN);
        assertThat(received).isNotEmpty();
        assertThat(received.get(received.size() - 1).getMessage().getHeader(BinanceHeaders.CONNECTION_ID))
                .isEqualTo(first);
    }
}
