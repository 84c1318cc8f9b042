package io.k2.binance.simulator;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How many messages per second one loopback client gets. Tagged "bench", so the normal build skips it:
 * {@code mvn -o -B test -Dtest=ThroughputBenchmarkTest -Dexcluded.test.groups=none [-Dsim.bench.rate=200000]}.
 */
@Tag("bench")
class ThroughputBenchmarkTest extends SimulatorTestSupport {

    @Test
    void oneClientOnLoopback() throws Exception {
        double rate = Double.parseDouble(System.getProperty("sim.bench.rate", "300000"));
        int seconds = Integer.getInteger("sim.bench.seconds", 10);
        start(config().ratePerSecond(rate).ledgerEnabled(false)
                .symbols(List.of("btcusdt", "ethusdt", "bnbusdt", "solusdt")));
        String streams = "btcusdt@trade/btcusdt@aggTrade/btcusdt@depth@100ms/btcusdt@bookTicker/ethusdt@trade"
                + "/ethusdt@aggTrade/bnbusdt@trade/solusdt@bookTicker/solusdt@kline_1m/bnbusdt@depth20";
        try (TestClient client = TestClient.connect(sim.wsBaseUrl() + "/stream?streams=" + streams, null, false)) {
            await().atMost(WAIT).until(() -> client.received() > 10_000);
            await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
            long received0 = client.received();
            long bytes0 = client.receivedBytes();
            long backoffs0 = sim.backoffs();
            long t0 = System.nanoTime();
            await().pollDelay(Duration.ofSeconds(seconds)).atMost(Duration.ofSeconds(seconds + 5)).until(() -> true);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            double msgs = (client.received() - received0) / elapsed;
            double mb = (client.receivedBytes() - bytes0) / elapsed / 1e6;
            System.out.printf("BENCH target=%.0f/s received=%.0f msgs/s (%.1f MB/s) over %.1f s, backoffs=%d, generated=%d%n",
                    rate, msgs, mb, elapsed, sim.backoffs() - backoffs0, sim.eventsGenerated());
            assertThat(msgs).isGreaterThan(1000);
        }
    }
}
