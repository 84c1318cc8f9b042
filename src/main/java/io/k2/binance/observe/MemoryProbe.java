package io.k2.binance.observe;

import java.util.function.Supplier;

import oshi.SystemInfo;
import oshi.software.os.OSProcess;

/**
 * Reads this process's memory: RSS and VMS through OSHI (the OS's own numbers, which include what the heap
 * metrics miss: direct buffers, metaspace, code cache, thread stacks, malloc arenas), and the live heap from
 * the JVM's GC notifications ({@link HeapAfterGc}). The heap used right now swings with every allocation
 * burst; what is left after a collection is what the app actually keeps, so that is the figure that shows
 * heap growth.
 */
public final class MemoryProbe implements Supplier<MemorySample> {

    private final OSProcess process = new SystemInfo().getOperatingSystem().getCurrentProcess();
    private final HeapAfterGc heap = HeapAfterGc.jvm();

    @Override
    public MemorySample get() {
        // re-reads /proc/<pid>/... (or the platform's equivalent) into the same object: no new process snapshot
        process.updateAttributes();
        return new MemorySample(process.getResidentSetSize(), process.getVirtualSize(), heap.lastUsedBytes());
    }
}
