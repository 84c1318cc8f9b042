package io.k2.binance.soak;

/**
 * What a run must stay within. Every limit is strict: growth and drops below theirs, msg/s above; missing and
 * duplicate events must be zero; the RSS cap ends the run at once when passed.
 *
 * @param growthMb           RSS growth after the warm-up, MB (2^20 bytes), see {@link SoakSummary#growthMb}
 * @param minMsgPerSecond    records acked by Kafka per second, averaged over the run
 * @param unexpectedDrops    unscheduled connection losses (binance_reconnects_total) minus injected drops
 * @param rssCapMb           fail fast above this RSS
 */
public record SoakLimits(double growthMb, double minMsgPerSecond, int unexpectedDrops, double rssCapMb) {
}
