/**
 * A local Binance spot WebSocket market-data server for integration tests (in-process), the local demo
 * and benchmarks (standalone), speaking the protocol described in {@code shared/binance-protocol.md}.
 *
 * <h2>In a test</h2>
 * <pre>{@code
 * try (BinanceSimulator sim = BinanceSimulator.start(SimulatorConfig.builder()
 *         .symbols(List.of("btcusdt")).ratePerSecond(1000).maxEvents(10_000).build())) {
 *     connect(sim.wsBaseUrl() + "/stream?streams=btcusdt@trade/btcusdt@depth@100ms");
 *     // ... then compare what arrived with sim.ledger().entries(), and what a dropped
 *     // connection missed with sim.history().range("btcusdt@trade", lastT + 1, nextT - 1)
 * }
 * }</pre>
 *
 * <h2>The market</h2>
 * Every symbol's market runs whether or not anyone subscribes, at {@code ratePerSecond} over the stream
 * kinds of {@code streams(..)} (weighted per symbol); ids advance and the {@link io.k2.binance.simulator.History}
 * records everything. See docs/simulator.md.
 *
 * <h2>From the command line</h2>
 * {@code bin/k2 simulate --help}
 * (the default port is 9443, Binance's own).
 *
 * <h2>Close codes</h2>
 * <ul>
 *   <li>1008 "Too many requests": over the incoming message limit (what Binance sends);</li>
 *   <li>1008 "Pong timeout": a ping went unanswered for {@code pongTimeout} (also a client policy breach);</li>
 *   <li>1001 "Connection lifetime reached" after {@code serverShutdown}, and 1001 "Simulator stopping"
 *       on {@link io.k2.binance.simulator.BinanceSimulator#close()} (a server going away);</li>
 *   <li>no close frame at all (client sees 1006) from
 *       {@link io.k2.binance.simulator.BinanceSimulator#dropConnectionsAbruptly()}.</li>
 * </ul>
 * The same, aimed at one connection: {@code dropConnectionAbruptly(id)}, {@code closeConnection(id, code, reason)},
 * {@code sendServerShutdown(id)}. Handshakes are refused with HTTP 429 over the connection attempt limit,
 * with the status of {@code rejectHandshakes} (429/418 with Retry-After) while it lasts, and HTTP 400 for an
 * invalid stream name or {@code timeUnit} in the URL.
 *
 * <h2>REST</h2>
 * {@code /api/v3/depth}, {@code exchangeInfo}, {@code ping}, {@code time} and, for backfilling a gap,
 * {@code historicalTrades}, {@code trades} and {@code aggTrades}, whose rows are the very events the trade
 * streams published. Every request is weighed as Binance weighs it, with {@code X-MBX-USED-WEIGHT-1M} on
 * every answer, 429 over {@code restWeightLimit} and a 418 ban for a client that does not back off.
 *
 * <h2>From outside the JVM</h2>
 * {@code /sim/status}, {@code /sim/connections}, {@code /sim/history}, {@code POST /sim/faults/<name>} on the
 * simulator's port (loopback only by default), and {@code bin/k2 simulate fault <name>}.
 */
package io.k2.binance.simulator;
