package io.k2.binance.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class HeapGiveBackTest {

    private static final long MB = 1 << 20;

    /** A JVM whose heap the test sets; a give-back shrinks it to 2x live, as G1 does with MaxHeapFreeRatio 50. */
    private static final class FakeJvm implements HeapGiveBack.Jvm {
        long committed;
        long live;
        final List<String> collections = new ArrayList<>();

        FakeJvm(long committedMb, long liveMb) {
            committed = committedMb * MB;
            live = liveMb * MB;
        }

        @Override
        public long committedHeapBytes() {
            return committed;
        }

        @Override
        public long heapAfterGcBytes() {
            return live;
        }

        @Override
        public void collectGivingBack(String maxHeapFreeRatio) {
            collections.add(maxHeapFreeRatio);
            committed = 2 * live;
        }
    }

    private static int giveBacksIn(HeapGiveBack giveBack, int checks) {
        int n = 0;
        for (int i = 0; i < checks; i++) {
            n += giveBack.check() ? 1 : 0;
        }
        return n;
    }

    @Test
    void aSteadyHeapOfTwoAndAHalfTimesLiveIsLeftAlone() {
        FakeJvm jvm = new FakeJvm(54, 20);
        assertThat(giveBacksIn(new HeapGiveBack(jvm), 100)).isZero();
        assertThat(jvm.collections).isEmpty();
    }

    @Test
    void anOversizedHeapIsGivenBackOnTheThirdCheckInARowWithTheTighterFreeRatio() {
        FakeJvm jvm = new FakeJvm(88, 20);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HeapGiveBack giveBack = new HeapGiveBack(jvm);
        giveBack.start(registry);
        assertThat(giveBack.check()).isFalse();
        assertThat(giveBack.check()).isFalse();
        assertThat(giveBack.check()).isTrue();
        assertThat(jvm.collections).containsExactly(HeapGiveBack.GIVE_BACK_MAX_FREE_RATIO);
        assertThat(jvm.committed).isEqualTo(40 * MB);
        assertThat(registry.get(MetricNames.HEAP_GIVE_BACKS).counter().count()).isEqualTo(1.0);
    }

    @Test
    void aBurstWhoseGrowthPassesWithinTwoChecksIsLeftAlone() {
        FakeJvm jvm = new FakeJvm(88, 20);
        HeapGiveBack giveBack = new HeapGiveBack(jvm);
        assertThat(giveBacksIn(giveBack, 2)).isZero();
        jvm.live = 40 * MB; // the burst's records are still live: 88 MB is what the load needs
        assertThat(giveBacksIn(giveBack, 1)).isZero();
        jvm.live = 20 * MB;
        assertThat(giveBacksIn(giveBack, 2)).as("the count started again").isZero();
        assertThat(jvm.collections).isEmpty();
    }

    @Test
    void tenChecksPassAfterAGiveBackBeforeTheNextOneEvenIfG1GrewTheHeapAgain() {
        FakeJvm jvm = new FakeJvm(88, 20);
        HeapGiveBack giveBack = new HeapGiveBack(jvm);
        assertThat(giveBacksIn(giveBack, 3)).isEqualTo(1);
        jvm.committed = 88 * MB;
        assertThat(giveBacksIn(giveBack, HeapGiveBack.COOLDOWN_CHECKS + HeapGiveBack.SUSTAIN_CHECKS - 1)).isZero();
        assertThat(giveBacksIn(giveBack, 1)).isEqualTo(1);
    }

    @Test
    void aSmallHeapIsNotWorthAFullCollectionWhateverItsRatio() {
        assertThat(giveBacksIn(new HeapGiveBack(new FakeJvm(60, 10)), 50)).isZero();
    }

    @Test
    void beforeTheFirstCollectionThereIsNothingToCompareWith() {
        assertThat(giveBacksIn(new HeapGiveBack(new FakeJvm(200, -1)), 50)).isZero();
        assertThat(giveBacksIn(new HeapGiveBack(new FakeJvm(200, 0)), 50)).isZero();
    }

    @Test
    void theRealGiveBackRestoresTheJvmsOwnMaxHeapFreeRatio() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String before = vm.getVMOption("MaxHeapFreeRatio").getValue();
        new HeapGiveBack.RunningJvm().collectGivingBack(HeapGiveBack.GIVE_BACK_MAX_FREE_RATIO);
        assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(before);
    }
}
