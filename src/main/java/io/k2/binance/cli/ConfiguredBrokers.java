package io.k2.binance.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The Kafka address the operator's tools use when none is given: K2_KAFKA_BROKERS, else k2.kafka.brokers
 * from ./application.properties, else 127.0.0.1:9092 (where `bin/k2 kafka start` puts it). Same order as the app.
 */
final class ConfiguredBrokers {

    private ConfiguredBrokers() {
    }

    static String resolve() {
        String env = System.getenv("K2_KAFKA_BROKERS");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        Path file = Path.of(System.getenv().getOrDefault("K2_HOME", "."), "application.properties");
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
                String v = p.getProperty("k2.kafka.brokers");
                if (v != null && !v.isBlank()) {
                    return v.trim();
                }
            } catch (IOException ignored) {
                // fall through to the default
            }
        }
        return "127.0.0.1:9092";
    }
}
