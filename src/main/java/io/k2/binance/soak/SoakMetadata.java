package io.k2.binance.soak;

import java.util.List;
import java.util.Map;

/**
 * How a run was made, so a profile can be compared with another one (or repeated) months later.
 *
 * @param jvmOptions the app's JVM flags as started: jvm.options' flags, then K2_JAVA_OPTS
 * @param appEnv     settings the harness gave the app on top of application.properties
 * @param definitions how each summary figure is computed
 */
public record SoakMetadata(String mode, String command, String startTime, long durationSeconds,
                           double actualSeconds, int rate, String symbols, String streams, int sampleSeconds,
                           long warmupSeconds, List<String> jvmOptions, Map<String, String> appEnv,
                           List<String> simulatorArgs, String javaVersion, int cores, String gitCommit,
                           SoakLimits limits, Map<String, String> definitions, Map<String, String> logs) {
}
