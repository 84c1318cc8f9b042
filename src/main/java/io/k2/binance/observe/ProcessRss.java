package io.k2.binance.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Gauge of the process's resident set size. The JVM binders report heap and non-heap pools, but flat
 * memory over weeks is about what the OS sees (direct buffers, metaspace, thread stacks, malloc arenas),
 * so the RSS is exported too. Read through OSHI at scrape time.
 */
final class ProcessRss {

    private ProcessRss() {
    }

    static void register(MeterRegistry registry) {
        OperatingSystem os = new SystemInfo().getOperatingSystem();
        int pid = os.getProcessId();
        Gauge.builder(MetricNames.PROCESS_RSS, os, o -> {
            OSProcess p = o.getProcess(pid);
            return p == null ? Double.NaN : p.getResidentSetSize();
        }).description("Resident set size of the app process").baseUnit("bytes").register(registry);
    }
}
