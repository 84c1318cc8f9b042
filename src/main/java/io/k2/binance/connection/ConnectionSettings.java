package io.k2.binance.connection;

import java.time.Duration;

/**
 * What the connection layer needs to know of an endpoint's options, already validated by the component's
 * configuration class (the one home of defaults and checks).
 *
 * @param baseUrl               e.g. {@code wss://stream.binance.com:9443}
 * @param tls                   wss
 * @param sslVerify             certificate and host name checks
 * @param caBundle              PEM of extra CAs, or null
 * @param microseconds          ask Binance for µs timestamps
 * @param maxFrameBytes         larger messages are kept only in part and dead-lettered as oversized
 * @param streamsPerConnection  shard size
 * @param reconnectInitialDelay backoff start
 * @param reconnectMaxDelay     backoff cap
 * @param connectTimeout        handshake deadline
 * @param maxLifetime           planned rotation age
 * @param catchUpTimeout        longest make-before-break overlap
 * @param pingInterval          our keep-alive ping on a busy connection
 * @param pingTimeout           pong deadline
 * @param silenceTimeout        no message at all for this long: the connection is dead
 * @param streamStaleTimeout    one stream silent this long among live ones: stale
 * @param maxPause              longest back-pressure pause
 * @param plaintextRemote       ws:// to a host that is not loopback (allowed explicitly; health warns)
 */
public record ConnectionSettings(String baseUrl, boolean tls, boolean sslVerify, String caBundle, boolean microseconds,
                                 int maxFrameBytes, int streamsPerConnection, Duration reconnectInitialDelay,
                                 Duration reconnectMaxDelay, Duration connectTimeout, Duration maxLifetime,
                                 Duration catchUpTimeout, Duration pingInterval, Duration pingTimeout,
                                 Duration silenceTimeout, Duration streamStaleTimeout, Duration maxPause,
                                 boolean plaintextRemote) {

    /** Binance closes at 24 h; a connection this close to it is rotated whatever the configured lifetime. */
    public static final Duration BINANCE_CUT_OFF_MARGIN = Duration.ofMinutes(15);
}
