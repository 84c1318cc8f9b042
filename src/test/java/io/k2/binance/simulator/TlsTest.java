package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** wss with a generated certificate: trusted through the exported PEM, refused without it. */
class TlsTest extends SimulatorTestSupport {

    @Test
    void clientTrustingThePemConnectsOthersAreRefused() throws Exception {
        start(config().tls(true));
        assertThat(sim.wsBaseUrl()).startsWith("wss://127.0.0.1:");
        assertThat(Files.readString(sim.caCertificatePem())).startsWith("-----BEGIN CERTIFICATE-----");

        try (TestClient trusted = TestClient.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade", trusting(), true)) {
            await().atMost(WAIT).until(() -> trusted.messages().size() >= 3);
            assertThat(parse(trusted.messages().get(0)).get("e").asText()).isEqualTo("trade");
        }
        // "localhost" is in the certificate too.
        String byName = sim.wsBaseUrl().replace("127.0.0.1", "localhost");
        try (TestClient trusted = TestClient.connect(byName + "/ws/btcusdt@trade", trusting(), true)) {
            await().atMost(WAIT).until(() -> !trusted.messages().isEmpty());
        }
        assertThatThrownBy(() -> TestClient.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade",
                (SSLSocketFactory) SSLSocketFactory.getDefault(), true)).isInstanceOf(SSLHandshakeException.class);
    }

    private SSLSocketFactory trusting() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(sim.caCertificatePem())) {
            trust.setCertificateEntry("simulator", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }
}
