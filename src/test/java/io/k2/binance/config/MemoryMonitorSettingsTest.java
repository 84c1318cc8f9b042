package io.k2.binance.config;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static io.k2.binance.config.K2SettingsTest.shipped;
import static io.k2.binance.config.K2SettingsTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The memory monitor's keys: shipped defaults, and the bounds start-up refuses to go past. */
class MemoryMonitorSettingsTest {

    @Test
    void theShippedDefaultsAreThirtySecondsOneHundredTwentySamplesAndPointEight() throws IOException {
        K2Settings s = K2Settings.of(shipped()).validate();
        assertThat(s.getInt("k2.observe.memory-sample-seconds")).isEqualTo(30);
        assertThat(s.getInt("k2.observe.memory-window-samples")).isEqualTo(120);
        assertThat(s.getDouble("k2.observe.leak-score-threshold")).isEqualTo(0.8);
    }

    @Test
    void sampleSecondsOutside1To3600AreRefused() {
        for (String bad : new String[] {"0", "-30", "3601"}) {
            assertThatThrownBy(() -> with("k2.observe.memory-sample-seconds", bad).validate())
                    .hasMessageContaining("k2.observe.memory-sample-seconds (env K2_OBSERVE_MEMORY_SAMPLE_SECONDS) = '"
                            + bad + "': must be 1-3600");
        }
        assertThatThrownBy(() -> with("k2.observe.memory-sample-seconds", "30s").validate())
                .hasMessageContaining("k2.observe.memory-sample-seconds").hasMessageContaining("not a whole number");
    }

    @Test
    void aWindowSmallerThanTheScoresMinimumOrAbove10000IsRefused() {
        for (String bad : new String[] {"9", "10001"}) {
            assertThatThrownBy(() -> with("k2.observe.memory-window-samples", bad).validate())
                    .hasMessageContaining("k2.observe.memory-window-samples (env K2_OBSERVE_MEMORY_WINDOW_SAMPLES) = '"
                            + bad + "': must be 10-10000");
        }
    }

    @Test
    void aThresholdOutsideTheScoresRangeOrNotANumberIsRefused() throws IOException {
        for (String bad : new String[] {"0.1", "1", "1.5", "-0.2"}) {
            assertThatThrownBy(() -> with("k2.observe.leak-score-threshold", bad).validate())
                    .hasMessageContaining("k2.observe.leak-score-threshold (env K2_OBSERVE_LEAK_SCORE_THRESHOLD) = '"
                            + bad + "': must be above 0.1 and below 1");
        }
        assertThatThrownBy(() -> with("k2.observe.leak-score-threshold", "high").validate())
                .hasMessageContaining("k2.observe.leak-score-threshold").hasMessageContaining("not a number");
        with("k2.observe.leak-score-threshold", "0.95").validate();
    }
}
