package io.k2.binance.connection;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReconnectBackoffTest {

    /** Returns the bound it was asked for minus one: the top of each delay's range, to observe the ceiling. */
    private static final class Highest implements RandomGenerator {
        long lastBound;

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextLong(long bound) {
            lastBound = bound;
            return bound - 1;
        }
    }

    @Test
    void ceilingsDoubleFromInitialUpToTheCap() {
        Highest random = new Highest();
        ReconnectBackoff backoff = new ReconnectBackoff(1_000, 60_000, 30_000, random);
        long[] expected = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000};
        for (long ceiling : expected) {
            assertThat(backoff.nextDelayMillis()).isEqualTo(ceiling);
            assertThat(random.lastBound).isEqualTo(ceiling + 1); // drawn from [0, ceiling]
        }
    }

    @Test
    void everyDelayTheFirstIncludedIsJitteredOverItsWholeRange() {
        // the first delay: many fresh backoffs must spread over [0, 1000], not sit at the initial delay
        SplittableRandom seeds = new SplittableRandom(1);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 2_000; i++) {
            long d = new ReconnectBackoff(1_000, 60_000, 30_000, seeds.split()).nextDelayMillis();
            assertThat(d).isBetween(0L, 1_000L);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).isLessThan(50);
        assertThat(max).isGreaterThan(950);
        // and a later one (ceiling 8 s)
        ReconnectBackoff backoff = new ReconnectBackoff(1_000, 60_000, 30_000, new SplittableRandom(2));
        java.util.Set<Long> fourth = new java.util.HashSet<>(); // which eighth of [0, 8 s] each draw fell in
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < 3; i++) {
                backoff.nextDelayMillis();
            }
            long d = backoff.nextDelayMillis();
            assertThat(d).isBetween(0L, 8_000L);
            fourth.add(d * 8 / 8_001);
            backoff.opened(0);
            backoff.closed(30_000); // stable: start over
        }
        assertThat(fourth).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void delaysStayInBoundsForeverAndNeverGiveUp() {
        ReconnectBackoff backoff = new ReconnectBackoff(1_000, 60_000, 30_000, new SplittableRandom(3));
        for (int i = 0; i < 100_000; i++) {
            assertThat(backoff.nextDelayMillis()).isBetween(0L, 60_000L);
        }
        assertThat(backoff.ceilingMillis()).isEqualTo(60_000);
        assertThat(backoff.failures()).isEqualTo(100_000);
    }

    @Test
    void aConnectionClosedWithinTheStableTimeKeepsTheDelayGrowing() {
        Highest random = new Highest();
        ReconnectBackoff backoff = new ReconnectBackoff(1_000, 60_000, 30_000, random);
        long now = 0;
        long previous = -1;
        for (int i = 0; i < 6; i++) {
            long delay = backoff.nextDelayMillis();
            assertThat(delay).isGreaterThan(previous);
            previous = delay;
            now += delay;
            backoff.opened(now);        // the server accepts...
            now += 29_999;
            backoff.closed(now);        // ...and closes before the connection proved stable
        }
        assertThat(backoff.failures()).isEqualTo(6);
        assertThat(backoff.ceilingMillis()).isEqualTo(60_000);
    }

    @Test
    void aConnectionThatStayedOpenResetsTheDelay() {
        ReconnectBackoff backoff = new ReconnectBackoff(1_000, 60_000, 30_000, new Highest());
        for (int i = 0; i < 5; i++) {
            backoff.nextDelayMillis();
        }
        backoff.opened(100_000);
        backoff.closed(130_000); // exactly the stable time
        assertThat(backoff.failures()).isZero();
        assertThat(backoff.nextDelayMillis()).isEqualTo(1_000);
    }

    @Test
    void aCloseWithoutOpenIsAFailedAttemptAndResetsNothing() {
        ReconnectBackoff backoff = new ReconnectBackoff(1_000, 60_000, 30_000, new Highest());
        backoff.nextDelayMillis();
        backoff.nextDelayMillis();
        backoff.opened(0);
        backoff.closed(10);
        backoff.closed(1_000_000); // a later failed attempt must not count the old open as stable
        assertThat(backoff.failures()).isEqualTo(2);
    }

    @Test
    void theDefaultsAreOneSecondToOneMinute() {
        ReconnectBackoff backoff = new ReconnectBackoff(30_000);
        assertThat(backoff.ceilingMillis()).isEqualTo(1_000);
        for (int i = 0; i < 10; i++) {
            backoff.nextDelayMillis();
        }
        assertThat(backoff.ceilingMillis()).isEqualTo(60_000);
    }

    @Test
    void aHugeInitialDelayDoesNotOverflow() {
        ReconnectBackoff backoff = new ReconnectBackoff(Long.MAX_VALUE / 4, Long.MAX_VALUE - 1, 0, new Highest());
        for (int i = 0; i < 70; i++) {
            assertThat(backoff.nextDelayMillis()).isPositive();
        }
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new ReconnectBackoff(0, 10, 0, new Highest())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectBackoff(10, 5, 0, new Highest())).isInstanceOf(IllegalArgumentException.class);
    }
}
