package io.k2.binance.component;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReconnectBackoffTest {

    @Test
    void delaysStayWithinInitialAndAGrowingCeilingCappedAtMax() {
        ReconnectBackoff backoff = new ReconnectBackoff(100, 1_000);
        long[] ceilings = {100, 200, 400, 800, 1_000, 1_000, 1_000};
        for (long ceiling : ceilings) {
            long d = backoff.nextDelayMillis();
            assertThat(d).isBetween(100L, ceiling);
        }
        assertThat(backoff.failures()).isEqualTo(ceilings.length);
    }

    @Test
    void resetStartsOverAtTheInitialDelay() {
        ReconnectBackoff backoff = new ReconnectBackoff(50, 60_000);
        for (int i = 0; i < 10; i++) {
            backoff.nextDelayMillis();
        }
        backoff.reset();
        assertThat(backoff.failures()).isZero();
        assertThat(backoff.nextDelayMillis()).isEqualTo(50L); // ceiling == initial on the first failure
    }

    @Test
    void jitterSpreadsDelays() {
        ReconnectBackoff backoff = new ReconnectBackoff(1, 100_000);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 12; i++) {
                backoff.nextDelayMillis();
            }
            seen.add(backoff.nextDelayMillis());
            backoff.reset();
        }
        assertThat(seen).hasSizeGreaterThan(10);
    }
}
