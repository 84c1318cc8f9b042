package io.k2.binance.simulator;

/**
 * A connection that has gone, as {@link BinanceSimulator#closedConnections()} lists it: who ended it and with
 * which close code, so a test can tell a client's orderly 1000 from the simulator's own 1008 "Pong timeout"
 * or a drop without a close frame.
 *
 * @param id       {@code c1}, {@code c2}, ... as in the ledger
 * @param byServer true when the simulator closed it (a fault, the pong timeout, the lifetime, its own stop)
 * @param code     the close code sent (by the server) or received (from the client); 1006 when the socket went
 *                 without a close frame
 * @param reason   the close reason, "" when none
 */
public record ClosedConnection(String id, boolean byServer, int code, String reason) {

    /** Code for a socket that went without a close frame (RFC 6455 §7.1.5). */
    public static final int ABNORMAL = 1006;
}
