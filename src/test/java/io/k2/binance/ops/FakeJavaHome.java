package io.k2.binance.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * bin/k2 and jvm.options copied into a temporary home with an empty build (a product jar and one dependency
 * jar), and a fake {@code java} that prints its arguments instead of starting a JVM. It refuses the trim flag
 * unless told it knows it, and on {@code -Xshare:dump} writes the archive named by -XX:SharedArchiveFile (or
 * fails, if told to), so bin/k2's own logic runs for real around it.
 */
final class FakeJavaHome {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    final Path home;

    FakeJavaHome(Path home, String version, boolean knowsTrim, boolean dumpFails) throws IOException {
        this.home = home;
        Files.createDirectories(home.resolve("bin"));
        Files.copy(ROOT.resolve("bin/k2"), home.resolve("bin/k2"));
        home.resolve("bin/k2").toFile().setExecutable(true);
        Files.copy(ROOT.resolve("jvm.options"), home.resolve("jvm.options"));
        Files.createDirectories(home.resolve("target/lib"));
        Files.writeString(home.resolve("target/k2-binance-stream.jar"), "app");
        Files.writeString(home.resolve("target/lib/dep.jar"), "dep");
        Path java = home.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\n"
                + "for a in \"$@\"; do case \"$a\" in -XX:TrimNativeHeapInterval=*) "
                + (knowsTrim ? "" : "echo \"Unrecognized VM option\" >&2; exit 1;; ")
                + "esac; done\n"
                + "for a in \"$@\"; do [ \"$a\" = -version ] && { echo 'openjdk version \"" + version
                + "\" 2023-07-18' >&2; exit 0; }; done\n"
                + "for a in \"$@\"; do [ \"$a\" = -Xshare:dump ] && {\n"
                + (dumpFails ? "  echo 'Error: dump failed' >&2; exit 1;\n" : "")
                + "  for b in \"$@\"; do case \"$b\" in -XX:SharedArchiveFile=*) echo archive > \"${b#*=}\";; esac; done;"
                + " echo dumped; exit 0; }; done\n"
                + "echo \"ARGS $*\"\n");
        java.toFile().setExecutable(true);
    }

    /** Copies the repository's class list in, as a checkout has it. */
    FakeJavaHome withClassList() throws IOException {
        Files.createDirectories(home.resolve("cds"));
        Files.copy(ROOT.resolve("cds/app.classlist"), home.resolve("cds/app.classlist"));
        return this;
    }

    record Launch(String out, String err) {
    }

    /** {@code bin/k2 <command>} with this home's java, K2_JAVA_OPTS unset; asserts exit code 0. */
    Launch run(String command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("bin/k2").toString(), command);
        pb.environment().put("JAVA_HOME", home.resolve("jdk").toString());
        pb.environment().remove("K2_JAVA_OPTS");
        pb.environment().remove("K2_CDS");
        pb.environment().remove("K2_CDS_DIR");
        pb.environment().remove("K2_BUILD_DIR");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertThat(p.waitFor()).as("exit code; stderr: " + err).isZero();
        return new Launch(out, err);
    }
}
