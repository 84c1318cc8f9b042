/**
 * Binance spot WebSocket frames to Avro records (pure Java, no Camel): the pipeline's hot path.
 *
 * <h2>Entry point</h2>
 * {@code new BinanceNormalizer(catalog).normalize(frame, streamHint, receivedAtMicros)}, thread-safe. Build the
 * catalog once at start-up: {@code SymbolCatalog.bundledSnapshot().overriddenBy(SymbolCatalog.fromExchangeInfo(json))
 * .overriddenBy(SymbolCatalog.fromOverrides(setting))}, and refuse to start if a configured symbol is not
 * {@link io.k2.binance.normalize.SymbolCatalog#contains contained}. Check the frame size first with
 * {@link io.k2.binance.normalize.FrameSize#check}.
 *
 * <h2>Outcomes</h2>
 * <table>
 *   <caption>What each kind of frame becomes</caption>
 *   <tr><th>frame</th><th>outcome</th></tr>
 *   <tr><td>trade / aggTrade</td><td>TRADE / AGG_TRADE event, TradeV2</td></tr>
 *   <tr><td>bookTicker (no {@code e} on spot)</td><td>BOOK_TICKER event, QuoteV2</td></tr>
 *   <tr><td>depthUpdate; @depthN snapshot (symbol from the stream name)</td><td>DEPTH event, DepthUpdateV1 DIFF / SNAPSHOT</td></tr>
 *   <tr><td>kline</td><td>KLINE event, KlineV1</td></tr>
 *   <tr><td>{@code {"result":..,"id":..}} e.g. the SUBSCRIBE ack {@code {"result":null,"id":1}}</td><td>ControlFrameException RESPONSE</td></tr>
 *   <tr><td>serverShutdown (raw or on {@code !serverShutdown})</td><td>ControlFrameException SERVER_SHUTDOWN</td></tr>
 *   <tr><td>{@code {"error":{..},"id":..}}</td><td>BadInputException EXCHANGE_ERROR</td></tr>
 *   <tr><td>!ticker@arr, !bookTicker</td><td>RETIRED_STREAM</td></tr>
 *   <tr><td>24hrMiniTicker, 24hrTicker, avgPrice, any other {@code e}, array payloads</td><td>UNKNOWN_EVENT</td></tr>
 *   <tr><td>not JSON, empty, trailing garbage, a bare scalar</td><td>MALFORMED_JSON</td></tr>
 *   <tr><td>required field absent or null (incl. {@code e} on a stream that needs it, a snapshot with no stream name)</td><td>MISSING_FIELD</td></tr>
 *   <tr><td>wrong JSON type or not a plain decimal ("abc", "1e5", a string id, a non-boolean {@code m})</td><td>NON_NUMERIC</td></tr>
 *   <tr><td>price/qty &le; 0 for trades, negative depth qty or quote values, negative ids (kline f/L = -1 allowed),
 *       times before 2017-07-01 or &gt; 1 day after receipt, more than 8 non-zero decimals or 30 integer digits,
 *       ids beyond 64 bits, f &gt; l, U &gt; u, and a symbol missing from the catalog</td><td>ABSURD_VALUE</td></tr>
 *   <tr><td>a payload that contradicts its stream name: another symbol, event type or kline interval</td><td>STREAM_MISMATCH</td></tr>
 *   <tr><td>a price outside the symbol's exchangeInfo PRICE_FILTER, a trade quantity above its largest
 *       LOT_SIZE / MARKET_LOT_SIZE maxQty (only when the catalog has the filters)</td><td>OUTSIDE_SYMBOL_FILTER</td></tr>
 *   <tr><td>a bookTicker with bid &gt; ask (both &gt; 0)</td><td>CROSSED_BOOK</td></tr>
 * </table>
 *
 * <h2>Ids and sequences</h2>
 * {@code message_id} see {@link io.k2.binance.normalize.MessageIds}; {@code platform_sequence} counts accepted events
 * per symbol from 1 within one {@code BinanceNormalizer} and restarts with the process.
 */
package io.k2.binance.normalize;
