package io.k2.binance.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class MemoryProbeTest {

    private static final int MB = 1024 * 1024;

    /** Kept reachable for the whole test: the live data the reading must include. */
    private static byte[][] live;

    @Test
    void aYoungCollectionCountsTheLiveDataOfTheOldGeneration() {
        MemoryProbe probe = new MemoryProbe();
        // 1 MB arrays are humongous (old generation) under G1 and are tenured soon under Serial: live data that
        // only an old-generation collection would have reported through the pools' own collection usage
        live = new byte[48][];
        for (int i = 0; i < live.length; i++) {
            live[i] = new byte[MB];
        }
        long collectionsBefore = collections();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            churn();
            return collections() >= collectionsBefore + 2;
        });
        // the notification is delivered on a JMX thread, shortly after the collection
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(probe.get().heapAfterGcBytes()).isGreaterThanOrEqualTo(48L * MB));
        assertThat(live.length).isEqualTo(48);
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long sink;

    /** Short-lived garbage: enough to fill the young generation and bring a young collection. */
    private static void churn() {
        for (int i = 0; i < 2_000; i++) {
            byte[] garbage = new byte[16 * 1024];
            sink += garbage.length;
        }
    }
}
