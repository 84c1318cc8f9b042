package io.k2.binance.connection;

import java.util.List;

/**
 * A snapshot of one shard (up to 1024 streams on one connection at a time, two during a rotation), for
 * health checks, status lines and logs.
 *
 * @param shard          index within the endpoint, from 0
 * @param streams        how many streams the shard carries
 * @param state          OPEN while the shard has an open connection that delivers
 * @param connections    the live sockets: the delivering one, and during a rotation the incoming one
 * @param failures       consecutive failed attempts since the last stable connection
 * @param reconnects     unplanned reconnects since start
 * @param rotations      make-before-break replacements since start
 * @param lastError      the last connect failure or close, or null
 * @param rotating       the reason of the rotation in progress, or null
 */
public record ShardStatus(int shard, int streams, ConnectionState state, List<Connection> connections, int failures,
                          long reconnects, long rotations, String lastError, String rotating) {

    /**
     * One socket.
     *
     * @param id                connection id, as in the {@code k2.connectionId} record header
     * @param role              {@code delivering}, or {@code incoming} while a rotation holds its frames back
     * @param url               what it connected to (no secrets: Binance market streams take none)
     * @param openedAtMillis    epoch ms it opened
     * @param lastMessageMillis epoch ms of the last frame of any kind (data, ping, pong)
     * @param lastPongMillis    epoch ms of the last pong to our ping, 0 before the first
     * @param paused            paused for back-pressure
     * @param silent            no message at all for the silence timeout: it is being replaced, and its data is stale
     */
    public record Connection(String id, String role, String url, long openedAtMillis, long lastMessageMillis,
                             long lastPongMillis, boolean paused, boolean silent) {
    }
}
