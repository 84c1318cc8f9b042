package io.k2.binance.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * cds/app.classlist, what bin/k2 makes the class-data archive from, still fits the code. A class it names that
 * no longer exists only costs memory (it loads the normal way), so this test is there to say when the list
 * has gone stale enough to record again (bin/k2 cds --help), e.g. after a dependency upgrade.
 */
class ClassListTest {

    private static final Path LIST = Path.of("cds/app.classlist");

    @Test
    void nearlyEveryClassItNamesStillExists() throws IOException {
        List<String> classes = classes();
        assertThat(classes).as("classes in " + LIST).hasSizeGreaterThan(5_000);
        List<String> missing = new ArrayList<>();
        ClassLoader loader = getClass().getClassLoader();
        for (String name : classes) {
            try {
                Class.forName(name.replace('/', '.'), false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(name);
            }
        }
        assertThat(missing.size()).as("classes of " + LIST + " that no longer load, e.g. "
                + missing.subList(0, Math.min(10, missing.size())) + ": record the list again (bin/k2 cds --help)")
                .isLessThan(classes.size() / 20);
    }

    @Test
    void itNamesNoDevToolClassBecauseTheAppsClasspathHasNone() throws IOException {
        List<String> tools = ProductJarHoldsTheProductOnlyTest.toolPackages().stream().map(p -> p.replace('.', '/') + "/")
                .toList();
        assertThat(classes()).noneMatch(c -> tools.stream().anyMatch(c::startsWith));
    }

    private static List<String> classes() throws IOException {
        return Files.readAllLines(LIST).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("@")).map(l -> l.split("\\s+")[0])
                .toList();
    }
}
