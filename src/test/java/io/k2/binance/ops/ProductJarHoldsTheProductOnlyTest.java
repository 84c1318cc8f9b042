package io.k2.binance.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The product jar leaves the dev-tool packages out (the pom's default-jar excludes, the one list of them). That
 * only works while no product class needs a tool class: a product class importing one would start in tests,
 * where everything is on the classpath, and fail with NoClassDefFoundError in production.
 */
class ProductJarHoldsTheProductOnlyTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern EXCLUDE = Pattern.compile("<exclude>(io/k2/binance/[a-z]+)/\\*\\*</exclude>");

    @Test
    void noProductClassRefersToADevToolPackage() throws IOException {
        List<String> tools = toolPackages();
        assertThat(tools).as("the pom's default-jar excludes").contains("io.k2.binance.simulator", "io.k2.binance.soak",
                "io.k2.binance.kafkalocal", "io.k2.binance.cli");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                if (tools.stream().anyMatch(t -> pkg.equals(t) || pkg.startsWith(t + "."))) {
                    continue;
                }
                String source = Files.readString(file);
                for (String tool : tools) {
                    if (source.contains(tool + ".")) {
                        offenders.add(SOURCES.relativize(file) + " -> " + tool);
                    }
                }
            }
        }
        assertThat(offenders).as("product classes that refer to a dev-tool package (move the shared code into the "
                + "product, or the class into the tools)").isEmpty();
    }

    @Test
    void everyExcludedPackageIsPackedIntoTheToolsJar() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        for (String tool : toolPackages()) {
            assertThat(pom).as("the tools jar's includes").contains("<include>" + tool.replace('.', '/') + "/**</include>");
        }
    }

    static List<String> toolPackages() throws IOException {
        Matcher m = EXCLUDE.matcher(Files.readString(Path.of("pom.xml")));
        List<String> packages = new ArrayList<>();
        while (m.find()) {
            packages.add(m.group(1).replace('/', '.'));
        }
        return packages;
    }
}
