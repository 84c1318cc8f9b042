package io.k2.binance.component;

import io.k2.binance.connection.ConnectionState;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The app starts while the exchange is unreachable, and connects once it comes up. */
class BinanceConsumerStartsWhileServerDownTest extends BinanceConsumerTestSupport {

    static final int PORT = freePort();
    BinanceSimulator sim;

    @Override
    protected String binanceUri() {
        return "binance:spot?symbols=btcusdt&streams=trade&baseUrl=ws://127.0.0.1:" + PORT
                + "&reconnectInitialDelay=100&reconnectMaxDelay=300&connectTimeout=1000";
    }

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void startsWithoutServerThenConnectsWhenItComesUp() {
        assertThat(context.getRouteController().getRouteStatus("binance-test").isStarted()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> status().failures() >= 2);
        assertThat(status().state()).isNotEqualTo(ConnectionState.OPEN);
        assertThat(status().lastError()).contains("connect failed");

        sim = BinanceSimulator.start(SimulatorConfig.builder().port(PORT).symbols(List.of("btcusdt"))
                .ratePerSecond(100).maxEvents(10).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 10);
        assertThat(status().state()).isEqualTo(ConnectionState.OPEN);
        assertThat(deliveringId()).isNotNull();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
