package io.k2.binance.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/k2 run maps the app's classes from a class-data archive made for this JDK and build (docs/memory.md), and
 * starts without one, saying why, whenever there cannot be one. bin/k2 itself runs here, around a fake java.
 */
class ClassDataArchiveLaunchTest {

    private static final Pattern ARCHIVE = Pattern.compile("-XX:SharedArchiveFile=(\\S+)");

    @TempDir
    Path home;

    @Test
    void theFirstRunMakesTheArchiveAndTheAppMapsIt() throws Exception {
        FakeJavaHome.Launch launch = new FakeJavaHome(home, "17.0.15", true, false).withClassList().run("run", Map.of());
        assertThat(launch.err()).contains("making the class-data archive");
        Path archive = archiveOf(launch);
        assertThat(archive).startsWith(home.resolve(".k2/cds")).exists();
        assertThat(launch.out()).as("after jvm.options, before the classpath")
                .containsPattern("@\\S+jvm.options -XX:SharedArchiveFile=\\S+ -cp ");
    }

    @Test
    void aSecondRunOfTheSameBuildReusesTheArchive() throws Exception {
        FakeJavaHome java = new FakeJavaHome(home, "17.0.15", true, false).withClassList();
        Path first = archiveOf(java.run("run", Map.of()));
        FakeJavaHome.Launch second = java.run("run", Map.of());
        assertThat(second.err()).doesNotContain("making the class-data archive");
        assertThat(archiveOf(second)).isEqualTo(first);
    }

    @Test
    void aNewBuildGetsANewArchiveAndTheOldOneIsRemoved() throws Exception {
        FakeJavaHome java = new FakeJavaHome(home, "17.0.15", true, false).withClassList();
        Path first = archiveOf(java.run("run", Map.of()));
        Files.writeString(home.resolve("target/lib/dep.jar"), "a newer dependency");
        Path second = archiveOf(java.run("run", Map.of()));
        assertThat(second).isNotEqualTo(first).exists();
        assertThat(first).doesNotExist();
    }

    @Test
    void anotherJdkGetsAnArchiveOfItsOwn() throws Exception {
        Path first = archiveOf(new FakeJavaHome(home, "17.0.15", true, false).withClassList().run("run", Map.of()));
        Files.delete(home.resolve("bin/k2"));
        Files.delete(home.resolve("jvm.options"));
        Files.delete(home.resolve("cds/app.classlist"));
        Path second = archiveOf(new FakeJavaHome(home, "17.0.16", true, false).withClassList().run("run", Map.of()));
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void cdsOffStartsWithoutAnArchive() throws Exception {
        FakeJavaHome.Launch launch = new FakeJavaHome(home, "17.0.15", true, false).withClassList()
                .run("run", Map.of("K2_CDS", "off"));
        assertThat(launch.out()).startsWith("ARGS ").doesNotContain("SharedArchiveFile");
        assertThat(home.resolve(".k2/cds")).doesNotExist();
    }

    @Test
    void aFailedDumpStartsTheAppWithoutAnArchiveAndSaysWhereTheLogIs() throws Exception {
        FakeJavaHome.Launch launch = new FakeJavaHome(home, "17.0.15", true, true).withClassList().run("run", Map.of());
        assertThat(launch.out()).startsWith("ARGS ").doesNotContain("SharedArchiveFile");
        assertThat(launch.err()).contains("could not make the class-data archive").contains(".k2/cds/dump.log");
        try (Stream<Path> left = Files.list(home.resolve(".k2/cds"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".jsa") || n.endsWith(".tmp"));
        }
    }

    @Test
    void anArchiveDirectoryThatCannotBeWrittenStartsWithoutAndSaysHowToMakeOne() throws Exception {
        Files.writeString(home.resolve("a-file"), "");
        FakeJavaHome.Launch launch = new FakeJavaHome(home, "17.0.15", true, false).withClassList()
                .run("run", Map.of("K2_CDS_DIR", home.resolve("a-file/cds").toString()));
        assertThat(launch.out()).startsWith("ARGS ").doesNotContain("SharedArchiveFile");
        assertThat(launch.err()).contains("not writable").contains("bin/k2 cds");
    }

    @Test
    void binK2CdsMakesTheArchiveAndPrintsWhereItIs() throws Exception {
        FakeJavaHome java = new FakeJavaHome(home, "17.0.15", true, false).withClassList();
        Path dir = home.resolve("image-cds");
        FakeJavaHome.Launch made = java.run("cds", Map.of("K2_CDS_DIR", dir.toString()));
        Path archive = Path.of(made.out().strip());
        assertThat(archive).startsWith(dir).exists();
        assertThat(archiveOf(java.run("run", Map.of("K2_CDS_DIR", dir.toString())))).isEqualTo(archive);
    }

    private static Path archiveOf(FakeJavaHome.Launch launch) {
        Matcher m = ARCHIVE.matcher(launch.out());
        assertThat(m.find()).as("-XX:SharedArchiveFile in " + launch.out()).isTrue();
        return Path.of(m.group(1));
    }
}
