package io.k2.binance.observe;

/**
 * One look at the process's memory: what the OS holds for it (resident set and virtual size) and what of the
 * JVM heap was still live after the last collection.
 *
 * @param heapAfterGcBytes the whole heap in use right after the last collection ({@link HeapAfterGc})
 */
public record MemorySample(long rssBytes, long vmsBytes, long heapAfterGcBytes) {
}
