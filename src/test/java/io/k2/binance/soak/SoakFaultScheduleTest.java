package io.k2.binance.soak;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SoakFaultScheduleTest {

    @Test
    void tenMinutesGetADropOrAStallEveryTwoMinutesAndAQuietLastMinute() {
        FaultSchedule s = FaultSchedule.forRun(Duration.ofMinutes(10));
        assertThat(s.steps()).containsExactly(
                new FaultSchedule.Step(60, FaultSchedule.Action.DROP),
                new FaultSchedule.Step(180, FaultSchedule.Action.STALL),
                new FaultSchedule.Step(190, FaultSchedule.Action.RESUME),
                new FaultSchedule.Step(300, FaultSchedule.Action.DROP),
                new FaultSchedule.Step(420, FaultSchedule.Action.STALL),
                new FaultSchedule.Step(430, FaultSchedule.Action.RESUME));
        assertThat(s.plannedFaults()).isEqualTo(4);
        assertThat(s.stallLength()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aShortRunShrinksTheIntervalAndTheStall() {
        FaultSchedule s = FaultSchedule.forRun(Duration.ofSeconds(120));
        assertThat(s.steps()).extracting(FaultSchedule.Step::action).containsExactly(FaultSchedule.Action.DROP,
                FaultSchedule.Action.STALL, FaultSchedule.Action.RESUME, FaultSchedule.Action.DROP);
        assertThat(s.steps().get(0).atSeconds()).isEqualTo(15);
        assertThat(s.steps().get(s.steps().size() - 1).atSeconds()).isLessThan(90);
        assertThat(s.stallLength()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void stepsAreHandedOutOnceWhenDueAndARetryHandsTheLastOneAgain() {
        FaultSchedule s = FaultSchedule.forRun(Duration.ofMinutes(10));
        assertThat(s.due(59)).isNull();
        assertThat(s.due(61).action()).isEqualTo(FaultSchedule.Action.DROP);
        assertThat(s.due(62)).isNull();
        s.retryLast();
        assertThat(s.due(63).action()).isEqualTo(FaultSchedule.Action.DROP);
        assertThat(s.due(1000).action()).isEqualTo(FaultSchedule.Action.STALL);
    }

    @Test
    void oneOfEachFaultHasSettledOnceTheFirstStallsBurstAndTheHeapGiveBackHavePassed() {
        // 20 s for the burst and its backfill, then 3 give-back checks of 20 s
        assertThat(FaultSchedule.SETTLE).isEqualTo(Duration.ofSeconds(80));
        assertThat(FaultSchedule.forRun(Duration.ofMinutes(10)).firstOfEachSettled()).isEqualTo(Duration.ofSeconds(270));
        assertThat(FaultSchedule.forRun(Duration.ofSeconds(120)).firstOfEachSettled()).isEqualTo(Duration.ofSeconds(135));
        assertThat(FaultSchedule.none().firstOfEachSettled()).isEqualTo(Duration.ZERO);
    }

    @Test
    void theLongModesInjectNothing() {
        assertThat(FaultSchedule.none().steps()).isEqualTo(List.of());
        assertThat(FaultSchedule.none().due(1e9)).isNull();
    }
}
