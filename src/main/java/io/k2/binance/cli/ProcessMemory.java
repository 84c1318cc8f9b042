package io.k2.binance.cli;

import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** Resident set size of a process, via OSHI (the same library the app's memory sampling uses). */
public final class ProcessMemory {

    private final OperatingSystem os = new SystemInfo().getOperatingSystem();

    /** RSS in bytes, or -1 when the process is gone. */
    public long rssBytes(long pid) {
        OSProcess p = os.getProcess((int) pid);
        return p == null ? -1 : p.getResidentSetSize();
    }

    public static String mib(long bytes) {
        return bytes < 0 ? "-" : (bytes >> 20) + " MiB";
    }
}
