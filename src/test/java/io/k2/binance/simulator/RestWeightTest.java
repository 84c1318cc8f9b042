package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The REQUEST_WEIGHT window on a clock of its own: alignment, 429, the 418 ban, forced answers. */
class RestWeightTest {

    /** The start of some 10-second window, so the arithmetic below is exact. */
    private static final long T0 = 1_800_000_000_000L;

    @Test
    void windowsAreNamedAsBinanceNamesThem() {
        assertThat(RestWeight.intervalName(Duration.ofMinutes(1))).isEqualTo("1M");
        assertThat(RestWeight.intervalName(Duration.ofSeconds(10))).isEqualTo("10S");
        assertThat(RestWeight.intervalName(Duration.ofSeconds(90))).isEqualTo("90S");
        assertThat(RestWeight.intervalName(Duration.ofMinutes(2))).isEqualTo("2M");
        assertThat(RestWeight.intervalName(Duration.ofHours(1))).isEqualTo("1H");
        assertThat(RestWeight.intervalName(Duration.ofDays(1))).isEqualTo("1D");
        assertThat(new RestWeight(6000, Duration.ofMinutes(1), 3, Duration.ofMinutes(2)).headerName())
                .isEqualTo("X-MBX-USED-WEIGHT-1M");
        assertThat(RestWeight.intervalWords(Duration.ofSeconds(10))).isEqualTo("10 SECOND");
        assertThat(RestWeight.rateLimitJson(Duration.ofMinutes(1), 6000))
                .isEqualTo("{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000}");
    }

    @Test
    void theWindowIsAlignedToItsBoundaryNotToTheFirstRequest() {
        RestWeight w = new RestWeight(100, Duration.ofSeconds(10), 3, Duration.ofMinutes(2));
        assertThat(w.admit(60, T0 + 9_000).passes()).isTrue();
        assertThat(w.used(T0 + 9_999)).isEqualTo(60);
        // One second later is a new window, although the first request was only a second ago.
        assertThat(w.used(T0 + 10_000)).isZero();
        assertThat(w.admit(60, T0 + 10_000).passes()).isTrue();
        assertThat(w.maxUsed()).isEqualTo(60);
    }

    @Test
    void overTheLimitIs429UntilTheWindowEnds() {
        RestWeight w = new RestWeight(100, Duration.ofSeconds(10), 3, Duration.ofMinutes(2));
        assertThat(w.admit(100, T0 + 1_000).passes()).isTrue();
        RestWeight.Decision over = w.admit(1, T0 + 2_500);
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.retryAfterSeconds()).isEqualTo(8); // 7.5 s to the window's end, rounded up
        assertThat(w.admit(1, T0 + 9_999).retryAfterSeconds()).isEqualTo(1); // never 0
        assertThat(w.maxUsed()).isEqualTo(102);
        assertThat(w.admit(1, T0 + 10_000).passes()).isTrue();
        assertThat(w.bannedUntil()).isZero();
    }

    @Test
    void moreThanBanAfterRequestsInThe429StateBan() {
        RestWeight w = new RestWeight(10, Duration.ofSeconds(10), 2, Duration.ofSeconds(120));
        w.admit(11, T0);                                       // the first 429
        assertThat(w.admit(1, T0 + 1).status()).isEqualTo(429); // 1st further request
        assertThat(w.admit(1, T0 + 2).status()).isEqualTo(429); // 2nd: still tolerated
        RestWeight.Decision ban = w.admit(1, T0 + 3);           // 3rd: more than 2
        assertThat(ban.status()).isEqualTo(418);
        assertThat(ban.retryAfterSeconds()).isEqualTo(120);
        assertThat(ban.bannedUntilMillis()).isEqualTo(T0 + 3 + 120_000).isEqualTo(w.bannedUntil());
        // The ban outlives the window, and its Retry-After counts down to its end.
        RestWeight.Decision later = w.admit(1, T0 + 60_003);
        assertThat(later.status()).isEqualTo(418);
        assertThat(later.retryAfterSeconds()).isEqualTo(60);
        assertThat(w.admit(1, T0 + 120_003).passes()).isTrue();
    }

    @Test
    void backingOffAfterA429DoesNotBan() {
        RestWeight w = new RestWeight(10, Duration.ofSeconds(10), 0, Duration.ofSeconds(120));
        assertThat(w.admit(11, T0).status()).isEqualTo(429);
        // The client waits for the Retry-After: a new window, a clean slate.
        assertThat(w.admit(5, T0 + 10_000).passes()).isTrue();
        assertThat(w.bannedUntil()).isZero();
    }

    @Test
    void forcedAnswersComeFirstAndUnbanClearsEverything() {
        RestWeight w = new RestWeight(10, Duration.ofSeconds(10), 0, Duration.ofSeconds(120));
        w.force(2, 418, 30);
        RestWeight.Decision forced = w.admit(1, T0);
        assertThat(forced.status()).isEqualTo(418);
        assertThat(forced.retryAfterSeconds()).isEqualTo(30);
        assertThat(forced.bannedUntilMillis()).isEqualTo(T0 + 30_000);
        assertThat(w.admit(1, T0).status()).isEqualTo(418);
        assertThat(w.admit(1, T0).passes()).isTrue();
        assertThat(w.used(T0)).as("forced answers use no weight").isEqualTo(1);

        w.admit(20, T0 + 1);
        assertThat(w.admit(1, T0 + 2).status()).isEqualTo(418);
        w.force(5, 429, 1);
        w.unban();
        assertThat(w.bannedUntil()).isZero();
        // Still over the limit in this window, so a 429 (not a forced one, not a ban) again.
        RestWeight.Decision after = w.admit(1, T0 + 3);
        assertThat(after.status()).isEqualTo(429);
        assertThat(after.retryAfterSeconds()).isEqualTo(10);
    }
}
