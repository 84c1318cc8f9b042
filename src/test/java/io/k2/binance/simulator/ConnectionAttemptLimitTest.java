package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Handshakes over the per-IP limit are refused with HTTP 429. */
class ConnectionAttemptLimitTest extends SimulatorTestSupport {

    @Test
    void attemptsOverTheLimitGet429() throws Exception {
        start(config().ratePerSecond(0).connectionAttemptsPerWindow(3).connectionAttemptWindow(Duration.ofMinutes(5)));
        for (int i = 0; i < 3; i++) {
            try (TestClient ok = TestClient.connect(sim.wsBaseUrl() + "/ws")) {
                assertThat(ok.ended()).isFalse();
            }
        }
        assertThatThrownBy(() -> TestClient.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade"))
                .isInstanceOfSatisfying(TestClient.HandshakeRefused.class, e -> assertThat(e.status).isEqualTo(429));
    }
}
