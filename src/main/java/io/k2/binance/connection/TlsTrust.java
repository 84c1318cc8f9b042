package io.k2.binance.connection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.TrustOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS trust for the Binance connection: the JVM trust store, plus an optional PEM bundle of extra CAs.
 * Vert.x's PemTrustOptions would replace the JVM store rather than add to it, so the two are merged into
 * one in-memory trust store here.
 */
public final class TlsTrust {

    private static final Logger LOG = LoggerFactory.getLogger(TlsTrust.class);

    private TlsTrust() {
    }

    /**
     * Applies trust settings to {@code options} for a wss:// connection.
     *
     * @param verify   false turns off certificate and hostname checks (logged loudly by the caller too)
     * @param caBundle PEM file of extra trusted CAs, or null/blank
     */
    public static void apply(WebSocketClientOptions options, boolean verify, String caBundle) {
        apply(options, options::setVerifyHost, verify, caBundle);
    }

    /** The same trust settings for an https:// client (the REST API). */
    public static void apply(io.vertx.core.http.HttpClientOptions options, boolean verify, String caBundle) {
        apply(options, options::setVerifyHost, verify, caBundle);
    }

    private static void apply(io.vertx.core.net.ClientOptionsBase options,
                              java.util.function.Consumer<Boolean> verifyHost, boolean verify, String caBundle) {
        options.setSsl(true);
        if (!verify) {
            options.setTrustAll(true);
            verifyHost.accept(false);
            return;
        }
        verifyHost.accept(true);
        if (caBundle != null && !caBundle.isBlank()) {
            options.setTrustOptions(TrustOptions.wrap(jvmPlusBundle(Path.of(caBundle.trim()))));
        }
    }

    public static TrustManagerFactory jvmPlusBundle(Path pem) {
        try {
            KeyStore merged = KeyStore.getInstance(KeyStore.getDefaultType());
            merged.load(null, null);
            int jvm = 0;
            for (X509Certificate ca : jvmDefaultCas()) {
                merged.setCertificateEntry("jvm-" + jvm++, ca);
            }
            Collection<? extends Certificate> extra = readPem(pem);
            if (extra.isEmpty()) {
                throw new IllegalArgumentException("CA bundle " + pem + " contains no certificates; it must be a "
                        + "PEM file with one or more -----BEGIN CERTIFICATE----- blocks");
            }
            int i = 0;
            for (Certificate c : extra) {
                merged.setCertificateEntry("bundle-" + i++, c);
            }
            LOG.info("TLS trust: JVM trust store ({} CAs) plus {} CA(s) from {}", jvm, extra.size(), pem);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(merged);
            return tmf;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use CA bundle " + pem + ": " + e.getMessage()
                    + " (it must be a readable PEM file of CA certificates)", e);
        }
    }

    private static Collection<? extends Certificate> readPem(Path pem) throws IOException, GeneralSecurityException {
        if (!Files.isReadable(pem)) {
            throw new IOException("file not found or not readable");
        }
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }

    private static java.util.List<X509Certificate> jvmDefaultCas() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        java.util.List<X509Certificate> out = new java.util.ArrayList<>();
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                out.addAll(java.util.List.of(x.getAcceptedIssuers()));
            }
        }
        return out;
    }

}
