package io.k2.binance.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The app's JVM flags as the launchers pass them: {@code @jvm.options}, the one file that bin/k2 run and the
 * container image use too, so dev and bench measure the app as it runs in production.
 */
public final class AppJvmOptions {

    static final String FILE = "jvm.options";

    private AppJvmOptions() {
    }

    /**
     * {@code @<absolute path>}, for {@code java}'s argument-file syntax: ./jvm.options, or the copy bin/k2 made
     * of it for an older JDK (system property {@code k2.jvm.options}).
     */
    public static List<String> argumentFile() {
        Path file = Path.of(System.getProperty("k2.jvm.options", FILE)).toAbsolutePath();
        if (!Files.isReadable(file)) {
            throw new LocalStack.LauncherException("no " + FILE + " in " + file.getParent() + ": run bin/k2 from the "
                    + "project directory (or the unpacked distribution), where jvm.options is");
        }
        return List.of("@" + file);
    }
}
