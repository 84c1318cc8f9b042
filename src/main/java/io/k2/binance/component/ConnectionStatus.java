package io.k2.binance.component;

/**
 * A snapshot of one endpoint's connection, for health checks and status lines.
 *
 * @param route          id of the route consuming from the endpoint, e.g. {@code binance-ingest}
 * @param endpoint       the endpoint key, e.g. {@code binance://spot}
 * @param url            the URL connected to (no secrets: Binance market streams take none)
 * @param state          where the connection stands
 * @param connectionId   id of the open socket, or null
 * @param openSinceMillis epoch millis the open socket connected, or 0
 * @param failures       consecutive failed attempts since the last successful connect
 * @param lastError      the last connect failure or close reason, or null
 * @param tlsVerify      false when certificate checks are off (a health detail warns about it)
 */
public record ConnectionStatus(String route, String endpoint, String url, ConnectionState state, String connectionId,
                               long openSinceMillis, int failures, String lastError, boolean tlsVerify) {
}
