package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The configured rate is what the whole market generates, from a trickle upwards, and bursts raise it only
 * while they last. A client subscribed to every stream of the market receives exactly that rate.
 */
class RateTest extends SimulatorTestSupport {

    private static long countOver(TestClient client, Duration window) {
        long before = client.messages().size();
        await().pollDelay(window).atMost(window.plusSeconds(5)).until(() -> true);
        return client.messages().size() - before;
    }

    @Test
    void steadyRateAcrossSeveralStreams() {
        start(config().ratePerSecond(1000).streams(List.of("trade", "depth@100ms", "bookTicker")));
        TestClient client = connect("/ws/btcusdt@trade/btcusdt@depth@100ms/btcusdt@bookTicker"
                + "/ethusdt@trade/ethusdt@depth@100ms/ethusdt@bookTicker");
        await().atMost(WAIT).until(() -> client.messages().size() > 100);
        assertThat(countOver(client, Duration.ofSeconds(2))).isBetween(1600L, 2400L);
    }

    @Test
    void trickle() {
        start(config().ratePerSecond(2).symbols(List.of("btcusdt")).streams(List.of("bookTicker")));
        TestClient client = connect("/ws/btcusdt@bookTicker");
        await().atMost(WAIT).until(() -> !client.messages().isEmpty());
        assertThat(countOver(client, Duration.ofMillis(2500))).isBetween(3L, 7L);
    }

    @Test
    void burstsComeOnTopOfAQuieterBase() {
        // 200/s on average, but 10x during 100 ms of every second: ~110/s base, ~1100/s in the burst.
        start(config().ratePerSecond(200).symbols(List.of("btcusdt")).streams(List.of("aggTrade")).burstFactor(10).burstEvery(Duration.ofSeconds(1)).burstDuration(Duration.ofMillis(100)));
        TestClient client = connect("/ws/btcusdt@aggTrade");
        await().atMost(WAIT).until(() -> !client.messages().isEmpty());
        long total = countOver(client, Duration.ofMillis(2500));
        assertThat(total).isBetween(300L, 700L);
        Map<Long, Long> per100ms = parsed(client).stream()
                .collect(Collectors.groupingBy(n -> n.get("E").asLong() / 100, Collectors.counting()));
        List<Long> counts = per100ms.values().stream().sorted().toList();
        long median = counts.get(counts.size() / 2);
        assertThat(counts.get(counts.size() - 1)).isGreaterThan(4 * median);
    }
}
