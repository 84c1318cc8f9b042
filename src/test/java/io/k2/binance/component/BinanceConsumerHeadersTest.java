package io.k2.binance.component;

import java.time.Duration;
import java.util.List;

import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each exchange carries its stream name, the connection id and the receive time. */
class BinanceConsumerHeadersTest extends BinanceConsumerTestSupport {

    static BinanceSimulator sim;

    @BeforeAll
    static void start() {
        sim = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("ethbtc"))
                .ratePerSecond(200).maxEvents(50).seed(2).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Override
    protected String binanceUri() {
        return uri(sim, "ETHBTC", "aggTrade,depth@100ms", "");
    }

    @Test
    void setsStreamConnectionIdAndReceiveTime() {
        long before = System.currentTimeMillis() * 1000;
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 50);
        String connectionId = deliveringId();
        assertThat(connectionId).isNotBlank();
        for (Exchange e : received) {
            String stream = e.getMessage().getHeader(BinanceHeaders.STREAM, String.class);
            assertThat(stream).isIn("ethbtc@aggTrade", "ethbtc@depth@100ms");
            assertThat(e.getMessage().getBody(String.class)).startsWith("{\"stream\":\"" + stream + "\"");
            assertThat(e.getMessage().getHeader(BinanceHeaders.CONNECTION_ID)).isEqualTo(connectionId);
            long receivedAt = Long.parseLong(e.getMessage().getHeader(BinanceHeaders.RECEIVED_AT, String.class));
            assertThat(receivedAt).isBetween(before - 5_000_000, System.currentTimeMillis() * 1000 + 1000);
            assertThat(e.getProperty(BinanceHeaders.RECEIVED_AT_MICROS_PROPERTY, Long.class)).isEqualTo(receivedAt);
        }
    }
}
