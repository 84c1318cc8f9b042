package io.k2.binance.connection;

/** Where an endpoint's connection to the exchange stands. Only OPEN counts as ready. */
public enum ConnectionState {
    /** Not started yet, or stopped. */
    STOPPED,
    /** A connect attempt is under way. */
    CONNECTING,
    /** The socket is open and frames flow. */
    OPEN,
    /** The socket is open but silent past the health-check timeout: its replacement is under way. */
    STALE,
    /** The last attempt failed or the socket closed; waiting before the next attempt. */
    WAITING_TO_RECONNECT
}
