package io.k2.binance.observe;

/**
 * One look at the process's memory: what the OS holds for it (resident set and virtual size) and what of the
 * JVM heap was still live after the last collection.
 *
 * @param heapAfterGcBytes heap in use right after each heap pool's last collection, summed over the pools;
 *                         0 before the first collection
 */
public record MemorySample(long rssBytes, long vmsBytes, long heapAfterGcBytes) {
}
