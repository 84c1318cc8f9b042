package io.k2.binance.simulator;

import java.util.List;

/**
 * One open connection as {@link BinanceSimulator#connections()} and {@code GET /sim/connections} show it.
 *
 * @param id       {@code c1}, {@code c2}, ... as in the ledger
 * @param streams  its subscriptions, in subscription order
 * @param faults   targeted faults in force: {@code stall}, {@code stall:<stream>}, {@code half-open},
 *                 {@code freeze}, {@code shutdown-sent}
 */
public record ConnectionInfo(String id, String remoteAddress, boolean combined, boolean micros, List<String> streams,
                             List<String> faults) {
}
