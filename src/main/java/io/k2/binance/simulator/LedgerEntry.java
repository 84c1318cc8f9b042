package io.k2.binance.simulator;

/**
 * One data frame as written to one connection.
 *
 * @param seq          position in the simulator-wide write order, from 1
 * @param connectionId the connection it was written to ({@code c1}, {@code c2}, ...)
 * @param stream       stream name, e.g. {@code btcusdt@trade} ({@code ""} for a replayed line without one)
 * @param payload      the event JSON as sent inside {@code data} (raw connections get exactly this), or the
 *                     verbatim line for replay
 */
public record LedgerEntry(long seq, String connectionId, String stream, String payload) {
}
