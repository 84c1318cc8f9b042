package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code symbol=weight} gives a symbol its share of the rate: a quiet symbol next to a busy one. */
class SymbolWeightTest extends SimulatorTestSupport {

    private long generated(String symbol) {
        return SimulatorConfig.DEFAULT_STREAMS.stream().mapToLong(k -> sim.history().generated(symbol + "@" + k)).sum();
    }

    @Test
    void aLowWeightSymbolIsQuietNextToABusyOne() {
        start(config().ratePerSecond(5000).symbols(List.of("btcusdt=10", "ethusdt", "lrcbtc=0.1")));
        await().atMost(WAIT).until(() -> generated("lrcbtc") >= 5 && generated("btcusdt") >= 5000);
        long busy = generated("btcusdt");
        long normal = generated("ethusdt");
        long quiet = generated("lrcbtc");
        // Expected ratios 100:10:1; wide bounds because the quiet symbol's count is small.
        assertThat((double) busy / normal).isBetween(6.0, 16.0);
        assertThat((double) busy / quiet).isGreaterThan(30.0);
        assertThat(sim.config().symbolWeight("LRCBTC")).isEqualTo(0.1);
    }

    @Test
    void aBadWeightSaysWhatIsExpected() {
        assertThatThrownBy(() -> config().symbols(List.of("btcusdt=lots")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SYMBOL=WEIGHT");
    }
}
