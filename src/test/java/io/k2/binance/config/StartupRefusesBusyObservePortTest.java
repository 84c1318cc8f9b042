package io.k2.binance.config;

import java.net.InetAddress;
import java.net.ServerSocket;
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
 * A taken metrics/health port stops start-up with a message naming the setting, instead of an app that
 * runs on without /observe (which an orchestrator would see as never ready).
 */
class StartupRefusesBusyObservePortTest {

    @Test
    void exitsNamingThePortSetting(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            ChildProcess app = ChildProcess.startJava("app", List.of("-Xmx256m"), K2Application.class.getName(),
                    List.of(), Map.of("K2_OBSERVE_PORT", Integer.toString(port), "K2_BINANCE_EXCHANGE_INFO_URL", ""),
                    dir.resolve("app.log"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> !app.isAlive());
            } finally {
                app.stop(Duration.ofSeconds(5));
            }
            assertThat(app.exitCode()).isNotZero();
            assertThat(Files.readString(dir.resolve("app.log")))
                    .contains("k2.observe.port (env K2_OBSERVE_PORT) = '" + port + "': 127.0.0.1:" + port
                            + " is already in use");
        }
    }
}
