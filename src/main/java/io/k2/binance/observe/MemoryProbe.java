package io.k2.binance.observe;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.function.Supplier;

import oshi.SystemInfo;
import oshi.software.os.OSProcess;

/**
 * Reads this process's memory: RSS and VMS through OSHI (the OS's own numbers, which include what the heap
 * metrics miss: direct buffers, metaspace, code cache, thread stacks, malloc arenas), and the live heap from
 * the JVM's memory pools. The heap used right now swings with every allocation burst; what is left after a
 * collection is what the app actually keeps, so that is the figure that shows heap growth.
 */
public final class MemoryProbe implements Supplier<MemorySample> {

    private final OSProcess process = new SystemInfo().getOperatingSystem().getCurrentProcess();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null)
            .toList();

    @Override
    public MemorySample get() {
        // re-reads /proc/<pid>/... (or the platform's equivalent) into the same object: no new process snapshot
        process.updateAttributes();
        long heapAfterGc = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (afterGc != null) {
                heapAfterGc += afterGc.getUsed();
            }
        }
        return new MemorySample(process.getResidentSetSize(), process.getVirtualSize(), heapAfterGc);
    }
}
