package io.k2.binance.component;

import java.time.Duration;
import java.util.List;

import io.k2.binance.connection.BinanceFrame;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A message larger than anything Vert.x would aggregate (its limit is 4 x maxFrameBytes, at least 1 MiB)
 * still reaches the route, marked oversized with its full size and its head, so it is counted and
 * dead-lettered. Vert.x's own aggregation dropped such a message with only an exception.
 */
class MessageBeyondTheWebSocketLimitIsDeadLetteredTest extends BinanceConsumerTestSupport {

    static BinanceSimulator sim;

    @BeforeAll
    static void start() {
        sim = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt")).streams(List.of("trade"))
                .ratePerSecond(20).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Override
    protected String binanceUri() {
        return uri(sim, "btcusdt", "trade", "maxFrameBytes=1024");
    }

    @Test
    void aThreeMebibyteMessageArrivesMarkedOversized() {
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.connectionCount() == 1 && !received.isEmpty());
        String huge = "{\"stream\":\"btcusdt@trade\",\"data\":{\"pad\":\"" + "z".repeat(3 << 20) + "\"}}";
        sim.sendRaw(huge);
        await().atMost(Duration.ofSeconds(20)).until(() -> oversized() != null);
        BinanceFrame f = oversized().getProperty(BinanceHeaders.FRAME_PROPERTY, BinanceFrame.class);
        assertThat(f.oversizedBytes()).isEqualTo(huge.length());
        assertThat(huge).startsWith(f.text());
        assertThat(f.stream()).isEqualTo("btcusdt@trade");
        // and the stream goes on afterwards
        int before = received.size();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() > before + 5);
    }

    private Exchange oversized() {
        synchronized (received) {
            return received.stream().filter(e -> {
                BinanceFrame f = e.getProperty(BinanceHeaders.FRAME_PROPERTY, BinanceFrame.class);
                return f != null && f.oversized();
            }).findFirst().orElse(null);
        }
    }
}
