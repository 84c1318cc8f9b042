package io.k2.binance.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.k2.binance.config.K2Settings;
import io.k2.binance.observe.MetricNames;
import org.junit.jupiter.api.Test;

/**
 * Keeps the operator-facing files (docs, alert rules, Dockerfile, compose) in step with the code:
 * every setting documented with its env var and default, every metric documented, no alert on a metric
 * the app does not register, one runbook per alert, and the main classes the image runs exist.
 * Runs from the project root (surefire's working directory).
 */
class OpsArtifactsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static String read(String relative) throws IOException {
        return Files.readString(ROOT.resolve(relative));
    }

    private static Properties applicationProperties() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(ROOT.resolve("application.properties"))) {
            p.load(r);
        }
        return p;
    }

    /** Prometheus base names of the app's own meters, e.g. k2_events_received. */
    private static Set<String> k2MetricBaseNames() throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        for (Field f : MetricNames.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().startsWith("TAG_")) {
                names.add(((String) f.get(null)).replace('.', '_'));
            }
        }
        return names;
    }

    private static List<String> alertNames(String rules) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s*- alert: (\\w+)").matcher(rules);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everySettingIsDocumentedWithItsEnvVarAndDefault() throws IOException {
        String doc = read("docs/configuration.md");
        Properties p = applicationProperties();
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!key.startsWith("k2.")) {
                continue;
            }
            String row = doc.lines().filter(l -> l.startsWith("| `" + key + "` |")).findFirst().orElse(null);
            if (row == null) {
                problems.add(key + ": no row in docs/configuration.md");
                continue;
            }
            if (!row.contains("`" + K2Settings.envName(key) + "`")) {
                problems.add(key + ": env var " + K2Settings.envName(key) + " not in its row");
            }
            String value = p.getProperty(key).trim();
            String expected = value.isEmpty() ? "*(empty)*" : "`" + value + "`";
            if (!row.contains(expected)) {
                problems.add(key + ": default " + expected + " not in its row");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMetricIsDocumented() throws Exception {
        String doc = read("docs/metrics.md");
        assertThat(k2MetricBaseNames()).allSatisfy(name -> assertThat(doc).contains("`" + name));
    }

    @Test
    void alertRulesUseOnlyMetricsTheAppRegisters() throws Exception {
        String rules = read("deploy/prometheus/rules/k2.rules.yml");
        Set<String> known = k2MetricBaseNames();
        Set<String> unknown = new TreeSet<>();
        Matcher m = Pattern.compile("\\bk2_[a-z_]+").matcher(rules);
        while (m.find()) {
            String base = m.group().replaceAll("_(total|seconds|seconds_max|seconds_sum|seconds_count)$", "");
            if (!known.contains(base)) {
                unknown.add(m.group());
            }
        }
        assertThat(unknown).as("k2 metrics used by rules but not in MetricNames").isEmpty();
    }

    @Test
    void everyAlertHasARunbookAndIsListedInMetricsDoc() throws IOException {
        String rules = read("deploy/prometheus/rules/k2.rules.yml");
        String metricsDoc = read("docs/metrics.md");
        List<String> alerts = alertNames(rules);
        assertThat(alerts).isNotEmpty().doesNotHaveDuplicates();
        Matcher m = Pattern.compile("runbook_url: \"([^\"]+)\"").matcher(rules);
        int urls = 0;
        while (m.find()) {
            urls++;
            assertThat(ROOT.resolve(m.group(1))).as("runbook " + m.group(1)).isRegularFile();
        }
        assertThat(urls).isEqualTo(alerts.size());
        assertThat(alerts).allSatisfy(a -> assertThat(metricsDoc).contains("`" + a + "`"));
    }

    @Test
    void imageAndComposeRunClassesThatExist() throws Exception {
        String dockerfile = read("Dockerfile");
        String compose = read("docker-compose.yml");
        // both images start through bin/k2, whose commands name the classes: the app image `run`, the tools
        // image (the simulator service) `simulate`
        String launcher = read("bin/k2");
        assertThat(dockerfile).contains("K2_OBSERVE_HOST=0.0.0.0").contains("/observe/health/live")
                .contains("ENTRYPOINT [\"/opt/k2/bin/k2\", \"run\"]").contains("FROM runtime AS tools")
                .endsWith("FROM runtime AS app\n");
        assertThat(launcher).contains("io.k2.binance.K2Application");
        Class.forName("io.k2.binance.K2Application");
        assertThat(compose).contains("target: tools").contains("command: [\"simulate\", \"--host\", \"0.0.0.0\"");
        assertThat(launcher).contains("io.k2.binance.simulator.SimulatorMain");
        Class.forName("io.k2.binance.simulator.SimulatorMain");
        assertThat(read("docs/runbooks/README.md")).contains("simulator \\\n    tail binance.dead-letter");
        assertThat(launcher).contains("io.k2.binance.cli.TailCommand");
        Class.forName("io.k2.binance.cli.TailCommand");
        // the container must reach the management server, and scrape the path the rules expect
        assertThat(compose).contains("K2_OBSERVE_HOST: 0.0.0.0");
        assertThat(read("deploy/prometheus/prometheus.yml")).contains("metrics_path: /observe/metrics");
    }

    /** bin/k2's local state (broker data, class-data archives of this machine's JDK) must not reach the image. */
    @Test
    void theImageBuildContextLeavesOutLocalState() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream().map(String::strip).toList();
        assertThat(ignored).contains(".k2", "target", ".env");
        assertThat(ignored).as("the image copies these").doesNotContain("bin", "cds", "routes", "jvm.options");
    }

    @Test
    void composeCreatesEveryDefaultTopic() throws IOException {
        String compose = read("docker-compose.yml");
        Properties p = applicationProperties();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("k2.kafka.topic.")) {
                String env = K2Settings.envName(key);
                assertThat(compose).as(key).contains("${" + env + ":-" + p.getProperty(key).trim() + "}");
            }
        }
    }

    /** One home for the JVM flags: jvm.options, read by bin/k2 and the image, every flag with its reason above it. */
    @Test
    void jvmFlagsLiveInJvmOptionsEachWithItsReason() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("jvm.options"));
        List<String> flags = new java.util.ArrayList<>();
        boolean commented = false;
        for (String line : lines) {
            String t = line.strip();
            if (t.startsWith("#")) {
                commented = true;
            } else if (t.isEmpty()) {
                commented = false;
            } else {
                assertThat(t).as("one flag per line, no trailing comment (java argument files have none)")
                        .startsWith("-").doesNotContain(" #");
                assertThat(commented).as(t + ": a comment above it says why").isTrue();
                flags.add(t);
            }
        }
        assertThat(flags).as("flags in jvm.options").isNotEmpty().anyMatch(f -> f.startsWith("-Xmx"));
        assertThat(read("bin/k2")).contains("exec \"$JAVA\" \"@$options\"").doesNotContain("-Xms256m");
        // the image and the dev tools start the app through bin/k2 run, so they get the same file
        String dockerfile = read("Dockerfile");
        assertThat(dockerfile).contains("/opt/k2/jvm.options").contains("ENTRYPOINT [\"/opt/k2/bin/k2\", \"run\"]")
                .doesNotContain("JAVA_TOOL_OPTIONS");
        assertThat(read("src/main/java/io/k2/binance/cli/LocalStack.java")).contains("AppLauncher.command()");
    }

    /** bin/k2 run on a JDK that has -XX:TrimNativeHeapInterval: jvm.options itself, no note. */
    @Test
    void aJdkWithTheTrimFlagRunsJvmOptionsAsItIs(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        FakeJavaHome.Launch launch = launchWithFakeJava(home, "17.0.15", true);
        assertThat(launch.out()).contains("@" + home.resolve("jvm.options"));
        assertThat(launch.err()).doesNotContain("TrimNativeHeapInterval");
    }

    /** An older JDK 17 refuses the flag: bin/k2 run starts it with a copy of jvm.options without that line. */
    @Test
    void anOlderJdkStartsWithoutTheTrimFlagAndSaysSo(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        FakeJavaHome.Launch launch = launchWithFakeJava(home, "17.0.8", false);
        Path copy = home.resolve(".k2/jvm.options.this-jdk");
        assertThat(launch.out()).contains("@" + copy);
        assertThat(Files.readAllLines(copy)).contains("-Xmx512m").noneMatch(l -> l.startsWith("-XX:TrimNativeHeapInterval"));
        assertThat(launch.err()).contains("17.0.8").contains("has no -XX:TrimNativeHeapInterval");
    }

    private static FakeJavaHome.Launch launchWithFakeJava(Path home, String version, boolean knowsTrim) throws Exception {
        return new FakeJavaHome(home, version, knowsTrim, false).run("run", java.util.Map.of());
    }
}
