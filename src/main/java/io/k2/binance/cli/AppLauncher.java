package io.k2.binance.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How the dev tools start the app: through {@code bin/k2 run}, the one place that knows the app's classpath,
 * its JVM flags (jvm.options, then K2_JAVA_OPTS) and its class-data archive, so that dev, bench and soak
 * measure the app exactly as an operator runs it.
 */
public final class AppLauncher {

    /** Set by bin/k2 for its Java commands: the absolute path of bin/k2 itself. */
    static final String PROPERTY = "k2.launcher";

    private AppLauncher() {
    }

    /** {@code [<bin/k2>, run]}. */
    public static List<String> command() {
        Path launcher = Path.of(System.getProperty(PROPERTY, "bin/k2")).toAbsolutePath();
        if (!Files.isExecutable(launcher)) {
            throw new LocalStack.LauncherException("no executable " + launcher + ": start the dev tools with bin/k2 "
                    + "from the project directory (or the unpacked distribution)");
        }
        return List.of(launcher.toString(), "run");
    }

    /**
     * The K2_JAVA_OPTS the app gets: the caller's own K2_JAVA_OPTS, then {@code flags}, which win (later JVM
     * flags override earlier ones).
     */
    public static String javaOptions(String inherited, List<String> flags) {
        String joined = String.join(" ", flags).trim();
        String base = inherited == null ? "" : inherited.trim();
        return (base + " " + joined).trim();
    }
}
