package io.k2.binance.observe;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Whether this JVM maps its classes from a class-data archive, for the start-up log. bin/k2 run passes the
 * app's own archive (docs/memory.md); when the JVM cannot map it (another JDK, a changed jar) it only says so
 * with a warning among the first lines and runs on without it, about 10 MB larger, so the log says it once
 * more where an operator reads the configuration.
 */
public final class ClassDataSharing {

    private ClassDataSharing() {
    }

    public static String describe() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return describe(vm.getVMOption("UseSharedSpaces").getValue(), vm.getVMOption("SharedArchiveFile").getValue());
        } catch (RuntimeException e) {
            return "class-data sharing: unknown on this JVM (" + e.getClass().getSimpleName() + ")";
        }
    }

    static String describe(String useSharedSpaces, String archive) {
        boolean on = Boolean.parseBoolean(useSharedSpaces);
        boolean own = archive != null && !archive.isBlank();
        if (on) {
            return own ? "class-data sharing: on, archive " + archive : "class-data sharing: on, the JDK's default archive "
                    + "only (bin/k2 run maps the app's own archive unless K2_CDS=off)";
        }
        return own ? "class-data sharing: OFF, the archive " + archive + " could not be mapped (made for another JDK "
                + "or build?): about 10 MB more RSS. bin/k2 run makes a fitting one; the JVM's first lines say why"
                : "class-data sharing: off";
    }
}
