package io.k2.binance.cli;

/**
 * The Prometheus name of a Micrometer metric as the app's /observe/metrics shows it: dots as underscores,
 * counters with {@code _total}. Kept here so the launchers do not each spell the rule out.
 */
public final class PromName {

    private PromName() {
    }

    /** {@code k2.records.acked} -> {@code k2_records_acked_total}. */
    public static String counter(String micrometerName) {
        return gauge(micrometerName) + "_total";
    }

    /** {@code k2.jvm.heap.after.gc.bytes} -> {@code k2_jvm_heap_after_gc_bytes}. */
    public static String gauge(String micrometerName) {
        return micrometerName.replace('.', '_');
    }
}
