package io.k2.binance.component;

import io.k2.binance.connection.ConnectionState;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A server that accepts TCP but never answers the WebSocket upgrade does not hang the consumer: it times out and retries. */
class BinanceConsumerHandshakeTimeoutTest extends BinanceConsumerTestSupport {

    static ServerSocket silent;
    static final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    accepted.add(silent.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void stop() throws IOException {
        silent.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Override
    protected String binanceUri() {
        return "binance:spot?symbols=btcusdt&streams=trade&baseUrl=ws://127.0.0.1:" + silent.getLocalPort()
                + "&connectTimeout=500&reconnectInitialDelay=100&reconnectMaxDelay=200";
    }

    @Test
    void timesOutTheHandshakeAndRetries() {
        await().atMost(Duration.ofSeconds(10)).until(() -> status().failures() >= 2 && accepted.size() >= 2);
        assertThat(status().state()).isNotEqualTo(ConnectionState.OPEN);
        assertThat(status().lastError()).contains("no WebSocket handshake within 500 ms");
    }
}
