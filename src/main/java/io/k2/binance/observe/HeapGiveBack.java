package io.k2.binance.observe;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands heap the app no longer needs back to the OS.
 *
 * <p>G1 on JDK 17 grows the heap for a busy start-up or a burst (a released stall, a backfill) and shrinks it
 * only at the end of a marking cycle or after a full collection, which a steady stream with a small live heap
 * never causes. So one start-up that doubled the heap kept 30-40 MB more RSS for the life of the process
 * (docs/memory.md). Later JDKs shrink at young collections too (JDK-8238687); this does what they do, at most
 * once per {@link #COOLDOWN_CHECKS} checks.
 *
 * <p>Each check (routes/heap-give-back.camel.yaml) compares the committed heap with the heap left after the last
 * collection. When the committed heap has stayed above {@link #FACTOR} times that, and above
 * {@link #FLOOR_BYTES}, for {@link #SUSTAIN_CHECKS} checks in a row, it runs one full collection with
 * MaxHeapFreeRatio lowered to {@link #GIVE_BACK_MAX_FREE_RATIO} for its duration: G1 compacts the live heap and
 * uncommits all but that share of free space. G1 then grows the heap again as far as the load needs, which is
 * why a steady heap (about 2.5 times the live heap at the dev load) never qualifies. The pause is that of a
 * full collection of the live heap: 78 ms for the 32 MB live at 10,000 events/s (docs/memory.md).
 */
public final class HeapGiveBack {

    private static final Logger LOG = LoggerFactory.getLogger(HeapGiveBack.class);

    /** Committed heap over live heap above which it counts as oversized: a steady G1 heap here is 2.3-2.9 times. */
    static final double FACTOR = 3.0;
    /** Below this committed heap nothing is worth a full collection (the heap starts at 32 MB, -Xms32m). */
    static final long FLOOR_BYTES = 64L << 20;
    /** Checks in a row the heap must stay oversized: a burst's own growth passes within one. */
    public static final int SUSTAIN_CHECKS = 3;
    /**
     * Checks after a give-back before the next one: should the load need the heap back, G1 grows it again, and
     * a give-back at most every 5 minutes (a pause of ~80 ms) costs nothing measurable.
     */
    static final int COOLDOWN_CHECKS = 5;
    /** MaxHeapFreeRatio during the give-back (the JVM's own is 70: a full collection then keeps 2.3 times live). */
    static final String GIVE_BACK_MAX_FREE_RATIO = "50";

    /** What the JVM offers; a seam for the unit test. */
    interface Jvm {
        long committedHeapBytes();

        /** Heap in use right after the last collection, -1 before the first. */
        long heapAfterGcBytes();

        /** One full collection that shrinks the heap to the live heap plus the given free share. */
        void collectGivingBack(String maxHeapFreeRatio);
    }

    private final Jvm jvm;
    private volatile Counter giveBacks;
    private int oversized;
    private int cooldown;

    public HeapGiveBack() {
        this(new RunningJvm());
    }

    HeapGiveBack(Jvm jvm) {
        this.jvm = jvm;
    }

    /** Registers the counter, once the context has started (camel-main's Prometheus registry exists only by then). */
    public void start(MeterRegistry registry) {
        giveBacks = Counter.builder(MetricNames.HEAP_GIVE_BACKS).description("Full collections the app ran to hand "
                + "an oversized heap back to the OS (docs/memory.md)").register(registry);
    }

    /** One check: called by the timer route every k2.observe.heap-give-back-check-seconds. True if it gave back. */
    public synchronized boolean check() {
        if (cooldown > 0) {
            cooldown--;
            return false;
        }
        long committed = jvm.committedHeapBytes();
        long live = jvm.heapAfterGcBytes();
        if (live <= 0 || committed <= FLOOR_BYTES || committed <= FACTOR * live) {
            oversized = 0;
            return false;
        }
        if (++oversized < SUSTAIN_CHECKS) {
            return false;
        }
        oversized = 0;
        cooldown = COOLDOWN_CHECKS;
        long started = System.nanoTime();
        jvm.collectGivingBack(GIVE_BACK_MAX_FREE_RATIO);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Counter counter = giveBacks;
        if (counter != null) {
            counter.increment();
        }
        LOG.info("Heap given back: {} MB committed for {} MB live over the last {} checks; one full collection "
                + "({} ms) left {} MB committed, {} MB live. G1 grows it again as the load needs (docs/memory.md)",
                mb(committed), mb(live), SUSTAIN_CHECKS, millis, mb(jvm.committedHeapBytes()), mb(jvm.heapAfterGcBytes()));
        return true;
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }

    /** The running JVM: its heap pools, and System.gc() with MaxHeapFreeRatio (a manageable flag) lowered. */
    static final class RunningJvm implements Jvm {

        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

        @Override
        public long committedHeapBytes() {
            return memory.getHeapMemoryUsage().getCommitted();
        }

        @Override
        public long heapAfterGcBytes() {
            return HeapAfterGc.jvm().lastUsedBytes();
        }

        @Override
        public void collectGivingBack(String maxHeapFreeRatio) {
            String before = vm.getVMOption("MaxHeapFreeRatio").getValue();
            // MinHeapFreeRatio must stay at or below MaxHeapFreeRatio, or the JVM refuses the new value
            boolean lower = Long.parseLong(vm.getVMOption("MinHeapFreeRatio").getValue()) <= Long.parseLong(maxHeapFreeRatio);
            if (lower) {
                vm.setVMOption("MaxHeapFreeRatio", maxHeapFreeRatio);
            }
            try {
                System.gc();
            } finally {
                if (lower) {
                    vm.setVMOption("MaxHeapFreeRatio", before);
                }
            }
        }
    }
}
