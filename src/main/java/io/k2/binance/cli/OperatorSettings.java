package io.k2.binance.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.k2.binance.config.K2Settings;

/**
 * A k2.* setting as the operator's tools see it, in the app's own order: the env var (K2_...), else
 * ./application.properties (or $K2_HOME's), else a default.
 */
public final class OperatorSettings {

    private OperatorSettings() {
    }

    public static String resolve(String key, String defaultValue) {
        String env = System.getenv(K2Settings.envName(key));
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        Path file = Path.of(System.getenv().getOrDefault("K2_HOME", "."), "application.properties");
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
                String v = p.getProperty(key);
                if (v != null && !v.isBlank()) {
                    return v.trim();
                }
            } catch (IOException ignored) {
                // fall through to the default
            }
        }
        return defaultValue;
    }

    /** Where `bin/k2 kafka start` puts the broker unless configured otherwise. */
    static String brokers() {
        return resolve("k2.kafka.brokers", "127.0.0.1:9092");
    }
}
