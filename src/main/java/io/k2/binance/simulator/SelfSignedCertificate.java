package io.k2.binance.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away certificate for {@code wss://127.0.0.1} and {@code wss://localhost}, made by the JDK's own
 * {@code keytool} so the build needs no crypto library. Clients trust it through {@link #pem()}.
 */
final class SelfSignedCertificate implements AutoCloseable {

    private static final String ALIAS = "k2-binance-simulator";

    private final Path dir;
    private final Path keyStore;
    private final String password;
    private final Path pem;

    private SelfSignedCertificate(Path dir, Path keyStore, String password, Path pem) {
        this.dir = dir;
        this.keyStore = keyStore;
        this.password = password;
        this.pem = pem;
    }

    static SelfSignedCertificate generate() {
        try {
            Path dir = Files.createTempDirectory("k2-sim-tls");
            Path keyStore = dir.resolve("simulator.p12");
            byte[] secret = new byte[12];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                    "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                    "-dname", "CN=localhost, O=k2 Binance simulator", "-ext", "SAN=IP:127.0.0.1,DNS:localhost",
                    "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                    "-storepass", password, "-keypass", password)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool could not create the simulator certificate: " + output);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                ks.load(in, password.toCharArray());
            }
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(ks.getCertificate(ALIAS).getEncoded());
            Path pem = dir.resolve("simulator-ca.pem");
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
            return new SelfSignedCertificate(dir, keyStore, password, pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the simulator certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the simulator certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the simulator certificate", e);
        }
    }

    Path keyStore() {
        return keyStore;
    }

    String password() {
        return password;
    }

    /** The certificate in PEM; it is its own CA, so this is the whole trust bundle. */
    Path pem() {
        return pem;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temp dir is harmless; stopping must not fail for it.
        }
    }
}
