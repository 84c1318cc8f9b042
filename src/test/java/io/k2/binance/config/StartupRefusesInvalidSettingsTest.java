package io.k2.binance.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.k2.binance.K2Application;
import io.k2.binance.cli.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real app process, started as `bin/k2 run` starts it, with bad values in K2_* environment variables:
 * it exits non-zero, and the message names each key, its env var, the value and what is accepted. This
 * also proves the env-var override reaches dashed keys.
 */
class StartupRefusesInvalidSettingsTest {

    @Test
    void exitsNamingEveryBadKeyAndItsEnvVar(@TempDir Path dir) throws Exception {
        ChildProcess app = ChildProcess.startJava("app", List.of("-Xmx256m"), K2Application.class.getName(),
                List.of(), Map.of("K2_BINANCE_STREAMS", "trade,foo",
                        "K2_BINANCE_SYMBOLS", "btcusdt,eth$usdt",
                        "K2_BINANCE_RECONNECT_INITIAL_DELAY_MS", "-5",
                        "K2_KAFKA_BROKERS", ""), dir.resolve("app.log"));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> !app.isAlive());
        } finally {
            app.stop(Duration.ofSeconds(5));
        }
        String log = Files.readString(dir.resolve("app.log"));
        assertThat(app.exitCode()).isNotZero();
        assertThat(log).contains("Invalid configuration, the app will not start")
                .contains("k2.binance.symbols (env K2_BINANCE_SYMBOLS) = 'btcusdt,eth$usdt'")
                .contains("k2.binance.reconnect-initial-delay-ms (env K2_BINANCE_RECONNECT_INITIAL_DELAY_MS) = '-5': must be > 0")
                .contains("k2.kafka.brokers (env K2_KAFKA_BROKERS) = '': is empty")
                .doesNotContain("Apache Camel 4.17.0 (k2-binance-stream) started");
    }
}
