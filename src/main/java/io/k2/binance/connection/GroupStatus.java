package io.k2.binance.connection;

import java.util.List;

/**
 * A snapshot of one endpoint's connections.
 *
 * @param route          id of the consuming route, e.g. {@code binance-ingest}
 * @param shards         one entry per shard
 * @param staleStreams   streams silent longer than the stream-stale timeout while others flow
 * @param paused         sockets paused for back-pressure right now
 * @param shedding       the pause ran out and frames that do not fit the queue are being shed
 * @param tlsVerify      false when certificate checks are off
 * @param plaintextRemote true for ws:// to a host that is not loopback
 * @param connectHeldUntilMillis when connects are held back by a 429/418 Retry-After, until when; else 0
 */
public record GroupStatus(String route, List<ShardStatus> shards, List<String> staleStreams, boolean paused,
                          boolean shedding, boolean tlsVerify, boolean plaintextRemote, long connectHeldUntilMillis) {

    /** Every shard has a delivering connection. */
    public boolean allOpen() {
        return !shards.isEmpty() && shards.stream().allMatch(s -> s.state() == ConnectionState.OPEN);
    }
}
