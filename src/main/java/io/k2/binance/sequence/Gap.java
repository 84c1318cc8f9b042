package io.k2.binance.sequence;

/**
 * Ids that never arrived on a contiguous stream, found when a later event was delivered. Ranges are inclusive;
 * a range with {@code first > last} is empty. Only aggTrade has a second id space: its trade ids
 * ({@code f}/{@code l}) can jump while {@code a} stays contiguous (§5.4), so both are reported.
 *
 * @param firstMissing first missing id in the stream's own space: {@code t}, {@code a} or depth update id
 * @param lastMissing  last missing id in that space
 * @param firstMissingTrade aggTrade only: first missing trade id, else 1 (empty range)
 * @param lastMissingTrade  aggTrade only: last missing trade id, else 0 (empty range)
 */
public record Gap(String stream, SequenceKind kind, long firstMissing, long lastMissing,
                  long firstMissingTrade, long lastMissingTrade) {

    /** How many ids of the stream's own space are missing; 0 when only aggTrade trade ids jumped. */
    public long missing() {
        return Math.max(0, lastMissing - firstMissing + 1);
    }

    /** aggTrade only: how many trade ids are missing. */
    public long missingTrades() {
        return Math.max(0, lastMissingTrade - firstMissingTrade + 1);
    }
}
