package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The next N handshakes are refused with 429 or 418 and Retry-After; the one after is accepted. */
class HandshakeRejectionTest extends SimulatorTestSupport {

    private void refusedWith(int status, String retryAfter) {
        assertThatThrownBy(() -> TestClient.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade"))
                .isInstanceOfSatisfying(TestClient.HandshakeRefused.class, e -> {
                    assertThat(e.status).isEqualTo(status);
                    assertThat(e.headers).containsEntry("retry-after", retryAfter);
                });
    }

    @Test
    void nextTwoGet429ThenOneGets418ThenConnectionsAreAccepted() throws Exception {
        start(config().ratePerSecond(0));
        sim.rejectHandshakes(2, 429, Duration.ofSeconds(5));
        refusedWith(429, "5");
        refusedWith(429, "5");
        try (TestClient ok = TestClient.connect(sim.wsBaseUrl() + "/ws")) {
            assertThat(ok.ended()).isFalse();
        }
        sim.rejectHandshakes(1, 418, Duration.ofMillis(1500));
        refusedWith(418, "2");
        try (TestClient ok = TestClient.connect(sim.wsBaseUrl() + "/ws")) {
            assertThat(ok.ended()).isFalse();
        }
    }
}
