package io.k2.binance.observe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The degraded flag of the leak score: set and cleared with hysteresis, only after consecutive samples. */
class LeakAlarmTest {

    private static boolean feed(LeakAlarm alarm, double... scores) {
        boolean degraded = alarm.degraded();
        for (double s : scores) {
            degraded = alarm.update(s);
        }
        return degraded;
    }

    @Test
    void setsOnlyAfterConsecutiveSamplesAboveTheThreshold() {
        LeakAlarm alarm = new LeakAlarm(0.8);
        assertThat(alarm.update(0.9)).isFalse();
        assertThat(alarm.update(0.9)).isFalse();
        assertThat(alarm.update(0.9)).as("third in a row").isTrue();
    }

    @Test
    void aSampleBelowTheThresholdRestartsTheCount() {
        LeakAlarm alarm = new LeakAlarm(0.8);
        assertThat(feed(alarm, 0.9, 0.9, 0.7, 0.9, 0.9)).isFalse();
        assertThat(alarm.update(0.9)).isTrue();
    }

    @Test
    void aScoreOfExactlyTheThresholdDoesNotSet() {
        assertThat(feed(new LeakAlarm(0.8), 0.8, 0.8, 0.8, 0.8)).isFalse();
    }

    @Test
    void aScoreHoveringAroundTheThresholdDoesNotFlap() {
        LeakAlarm alarm = new LeakAlarm(0.8);
        feed(alarm, 0.85, 0.85, 0.85);
        assertThat(alarm.degraded()).isTrue();
        // below the threshold but not below threshold - 0.1: stays degraded however long
        for (int i = 0; i < 50; i++) {
            assertThat(alarm.update(i % 2 == 0 ? 0.75 : 0.82)).as("sample " + i).isTrue();
        }
    }

    @Test
    void clearsOnlyAfterConsecutiveSamplesBelowTheClearingLevel() {
        LeakAlarm alarm = new LeakAlarm(0.8);
        feed(alarm, 0.9, 0.9, 0.9);
        assertThat(feed(alarm, 0.6, 0.6, 0.75, 0.6, 0.6)).as("a sample above 0.7 restarts the count").isTrue();
        assertThat(alarm.update(0.6)).isFalse();
        assertThat(alarm.clearBelow()).isEqualTo(0.8 - LeakAlarm.CLEAR_MARGIN);
    }

    @Test
    void afterClearingItSetsAgainOnlyAfterConsecutiveSamplesAbove() {
        LeakAlarm alarm = new LeakAlarm(0.8);
        feed(alarm, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1);
        assertThat(alarm.degraded()).isFalse();
        assertThat(feed(alarm, 0.9, 0.9)).isFalse();
        assertThat(alarm.update(0.9)).isTrue();
    }
}
