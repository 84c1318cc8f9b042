package io.k2.binance.observe;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The whole heap in use right after the last collection of any kind, from the JVM's GC notifications.
 *
 * <p>Why not each pool's {@code getCollectionUsage()}: that is the pool's usage after the last collection
 * <em>of that pool</em>. With G1 the old generation is collected only by mixed or full collections, which a
 * healthy app may never run, so the sum read the eden (0) and survivor right after a young collection and
 * missed the old generation's live data entirely (0.35 MB reported with 24 MB live). A young collection's
 * notification carries every pool's usage after it, old generation included.
 *
 * <p>One listener per JVM: the heap is the process's, and a listener per Camel context (tests start many)
 * would pile up on the platform MBeans.
 */
public final class HeapAfterGc implements NotificationListener {

    private static final HeapAfterGc JVM = install();

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private volatile long lastUsedBytes = -1;

    private HeapAfterGc() {
    }

    private static HeapAfterGc install() {
        HeapAfterGc listener = new HeapAfterGc();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
        return listener;
    }

    /** The JVM's listener, listening from the first call on: collections before it are not seen. */
    public static HeapAfterGc jvm() {
        return JVM;
    }

    /**
     * Bytes of heap in use right after the last collection, or, before the first collection has been
     * notified, the sum of the pools' own after-collection usage (0 for a pool never collected).
     */
    public long lastUsedBytes() {
        long used = lastUsedBytes;
        return used >= 0 ? used : poolCollectionUsage();
    }

    private static long poolCollectionUsage() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                sum += afterGc.getUsed();
            }
        }
        return sum;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        lastUsedBytes = used;
    }
}
