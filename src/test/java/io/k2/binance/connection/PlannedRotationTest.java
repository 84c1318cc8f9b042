package io.k2.binance.connection;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a connection is due for a planned rotation: at the configured lifetime, and 15 minutes before Binance's
 * 24 h cut-off whatever the lifetime says (the timer route's check runs every minute, so this leaves time).
 */
class PlannedRotationTest {

    private static long ms(Duration d) {
        return d.toMillis();
    }

    @Test
    void rotatesAtTheConfiguredLifetime() {
        long fourHours = ms(Duration.ofHours(4));
        assertThat(Shard.plannedRotation(fourHours - 1, fourHours)).isNull();
        assertThat(Shard.plannedRotation(fourHours, fourHours)).isEqualTo("lifetime");
    }

    @Test
    void rotatesBeforeBinancesCutOffEvenWithATwentyFourHourLifetime() {
        long day = ms(Duration.ofHours(24));
        assertThat(Shard.plannedRotation(ms(Duration.ofHours(23).plusMinutes(44)), day)).isNull();
        assertThat(Shard.plannedRotation(ms(Duration.ofHours(23).plusMinutes(45)), day)).isEqualTo("near_cutoff");
        assertThat(Shard.plannedRotation(day + 1, day)).as("overdue: the cut-off wins").isEqualTo("near_cutoff");
    }
}
