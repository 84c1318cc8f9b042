package io.k2.binance.soak;

/**
 * A fault the harness put into the simulator, for the JSON and the chart's markers.
 *
 * @param kind   {@code drop} (one connection closed at the TCP level) or {@code stall} (all data held back)
 * @param detail what the simulator was told, e.g. the connection id or the stall's length
 */
public record InjectedFault(long atMillis, double elapsedSeconds, String kind, String detail) {
}
