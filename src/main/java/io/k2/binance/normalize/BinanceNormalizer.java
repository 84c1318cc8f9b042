package io.k2.binance.normalize;

import java.util.Locale;

import io.k2.binance.stream.StreamName;

/**
 * Turns one Binance WebSocket text frame into one Avro record, or says precisely why not.
 *
 * <p>Outcomes of {@link #normalize}:
 * <ul>
 *   <li>a {@link NormalizedEvent} for trade, aggTrade, bookTicker, depthUpdate, partial depth (@depthN) and kline;</li>
 *   <li>{@link ControlFrameException} for frames that are not events and not errors: RESPONSE for
 *       {@code {"result":..,"id":..}} (e.g. the SUBSCRIBE ack {@code {"result":null,"id":1}}), SERVER_SHUTDOWN for
 *       {@code serverShutdown}. Neither is dead-lettered;</li>
 *   <li>{@link BadInputException} with a {@link BadInputReason} for everything else, e.g. EXCHANGE_ERROR for
 *       {@code {"error":{..},"id":..}}, RETIRED_STREAM for !ticker@arr and !bookTicker, UNKNOWN_EVENT for event
 *       types we do not carry (24hrMiniTicker, 24hrTicker, avgPrice, ...), and ABSURD_VALUE for a symbol the
 *       {@link SymbolCatalog} does not know: without its quote asset a price has no currency, and the raw frame
 *       in the dead-letter topic can be replayed once the catalog knows the symbol.</li>
 * </ul>
 *
 * <p>Thread-safe: one instance can serve several pipelines; {@code platform_sequence} is then per symbol across them.
 */
public final class BinanceNormalizer {

    private final SymbolCatalog catalog;
    private final FrameParser parser = new FrameParser();
    private final TradeNormalizer trades;
    private final QuoteNormalizer quotes;
    private final DepthNormalizer depths;
    private final KlineNormalizer klines;

    public BinanceNormalizer(SymbolCatalog catalog) {
        this.catalog = catalog;
        PlatformSequence sequence = new PlatformSequence();
        this.trades = new TradeNormalizer(sequence);
        this.quotes = new QuoteNormalizer(sequence);
        this.depths = new DepthNormalizer(sequence);
        this.klines = new KlineNormalizer(sequence);
    }

    /**
     * @param frame            the text frame exactly as received
     * @param streamHint       the stream name when the connection is a raw {@code /ws/<stream>} one (the payload
     *                         then does not say), else null; the combined wrapper's {@code stream} wins over it
     * @param receivedAtMicros wall-clock receive time, µs since the epoch (also the bound for "future" times)
     */
    public NormalizedEvent normalize(String frame, String streamHint, long receivedAtMicros) {
        if (frame == null) {
            throw new BadInputException(BadInputReason.MALFORMED_JSON, "null frame");
        }
        Payload p = parser.parse(frame);
        if (p.hasError) {
            throw new BadInputException(BadInputReason.EXCHANGE_ERROR, "Binance error code " + p.errorCode + ": "
                    + p.errorMessage + " (request id " + p.requestId + ")");
        }
        if (p.hasResult) {
            throw new ControlFrameException(ControlFrameKind.RESPONSE, p.requestId,
                    "response to control request id " + p.requestId + ", not an event");
        }
        String stream = p.stream != null ? p.stream : blankToNull(streamHint);
        if (stream != null && StreamName.isRetired(stream)) {
            throw new BadInputException(BadInputReason.RETIRED_STREAM, "stream " + stream + " has been retired by Binance");
        }
        if ("serverShutdown".equals(p.eventType) || "!serverShutdown".equals(stream)) {
            throw new ControlFrameException(ControlFrameKind.SERVER_SHUTDOWN, null,
                    "Binance announced a server shutdown; reconnect");
        }
        if (p.arrayPayload) {
            throw new BadInputException(BadInputReason.UNKNOWN_EVENT,
                    "array payload on stream " + stream + ": all-market array streams are not carried");
        }
        if (p.stream != null && !p.hasData) {
            throw new BadInputException(BadInputReason.MISSING_FIELD,
                    "combined frame for stream " + p.stream + " has no 'data' object");
        }
        String event = eventType(p, stream);
        requireStreamCarries(stream, event, p);
        return switch (event) {
            case "trade" -> trades.normalize(p, source(p, stream, EventType.TRADE, receivedAtMicros), false);
            case "aggTrade" -> trades.normalize(p, source(p, stream, EventType.AGG_TRADE, receivedAtMicros), true);
            case "bookTicker" -> quotes.normalize(p, source(p, stream, EventType.BOOK_TICKER, receivedAtMicros));
            case "depthUpdate" -> depths.diff(p, source(p, stream, EventType.DEPTH, receivedAtMicros));
            case "kline" -> klines.normalize(p, source(p, stream, EventType.KLINE, receivedAtMicros));
            case "depthSnapshot" -> snapshot(p, stream, receivedAtMicros);
            default -> throw new BadInputException(BadInputReason.UNKNOWN_EVENT,
                    "unknown event type '" + event + "' on stream " + stream);
        };
    }

    /** The payload's {@code e}, or for the two spot payloads that have none, what the stream name or shape says. */
    private static String eventType(Payload p, String stream) {
        if (p.eventType != null) {
            return p.eventType;
        }
        String expected = stream == null ? null : StreamName.expectedEvent(stream);
        if (expected != null) {
            if (expected.equals("bookTicker") || expected.equals("depthSnapshot")) {
                return expected;
            }
            throw new BadInputException(BadInputReason.MISSING_FIELD,
                    "missing required field 'e' (event type) on stream " + stream);
        }
        if (p.sawSnapshotKeys) {
            return "depthSnapshot";
        }
        if (p.sawBookTickerKeys || p.hasLong(Payload.UPDATE_ID)) {
            return "bookTicker";
        }
        throw new BadInputException(BadInputReason.UNKNOWN_EVENT,
                "no event type 'e' and not a bookTicker or depth snapshot" + (stream == null ? "" : " on stream " + stream));
    }

    /**
     * The payload must be what its stream name says: the event type of the stream (a trade on
     * {@code @trade}, not an aggTrade) and, for klines, its interval. Raw connections without a stream name
     * cannot be checked.
     */
    private static void requireStreamCarries(String stream, String event, Payload p) {
        String expected = stream == null ? null : StreamName.expectedEvent(stream);
        if (expected != null && !expected.equals(event)) {
            throw new BadInputException(BadInputReason.STREAM_MISMATCH,
                    "stream " + stream + " carries a '" + event + "' event, not a '" + expected + "'");
        }
        if ("kline".equals(expected) && p.klineInterval != null) {
            if (!p.klineInterval.equals(StreamName.klineInterval(stream))) {
                throw new BadInputException(BadInputReason.STREAM_MISMATCH,
                        "stream " + stream + " carries a kline of interval '" + p.klineInterval + "'");
            }
        }
    }

    private EventSource source(Payload p, String stream, EventType type, long receivedAtMicros) {
        if (p.symbol == null || p.symbol.isEmpty()) {
            throw new BadInputException(BadInputReason.MISSING_FIELD,
                    "missing required field 's' (symbol)" + (stream == null ? "" : " on stream " + stream));
        }
        Instrument instrument = instrument(p.symbol, stream);
        String streamSymbol = stream == null ? null : StreamName.symbol(stream);
        if (streamSymbol != null && !streamSymbol.equals(instrument.symbol())) {
            throw new BadInputException(BadInputReason.STREAM_MISMATCH,
                    "stream " + stream + " carries symbol " + instrument.symbol());
        }
        // raw connections without a hint: name the stream as Binance would, e.g. btcusdt@trade
        String name = stream != null ? stream : derivedStream(instrument.symbol(), type, p.klineInterval);
        return new EventSource(name, instrument, receivedAtMicros, catalog.filters(instrument.symbol()));
    }

    private static String derivedStream(String symbol, EventType type, String klineInterval) {
        String suffix = type == EventType.KLINE ? "kline_" + klineInterval : type.streamType();
        return symbol.toLowerCase(Locale.ROOT) + '@' + suffix;
    }

    private NormalizedEvent snapshot(Payload p, String stream, long receivedAtMicros) {
        if (stream == null) {
            throw new BadInputException(BadInputReason.MISSING_FIELD,
                    "missing stream name: a partial depth snapshot carries no symbol, so it needs the combined wrapper or a stream hint");
        }
        String symbol = StreamName.symbol(stream);
        int levels = StreamName.snapshotLevels(stream);
        if (symbol == null || levels <= 0) {
            throw new BadInputException(BadInputReason.UNKNOWN_EVENT,
                    "depth snapshot on stream " + stream + ", which is not a <symbol>@depth<N> stream");
        }
        Instrument instrument = instrument(symbol, stream);
        return depths.snapshot(p, new EventSource(stream, instrument, receivedAtMicros,
                catalog.filters(instrument.symbol())), levels);
    }

    /**
     * A {@code /api/v3/depth} answer fetched after a diff-depth gap on {@code stream}: a SNAPSHOT record on the
     * depth topic, {@code depth_levels} = the levels of its deeper side, vendor_data {@code source=rest}.
     */
    public NormalizedEvent restSnapshot(String body, String stream, long receivedAtMicros) {
        String symbol = stream == null ? null : StreamName.symbol(stream);
        if (symbol == null) {
            throw new BadInputException(BadInputReason.MISSING_FIELD, "REST depth snapshot without its stream name");
        }
        Payload p = parser.parse(body);
        Instrument instrument = instrument(symbol, stream);
        int levels = Math.max(1, Math.max(p.levelCount(true), p.levelCount(false)));
        NormalizedEvent event = depths.snapshot(p, new EventSource(stream, instrument, receivedAtMicros,
                catalog.filters(instrument.symbol())), levels);
        ((io.k2.marketdata.DepthUpdateV1) event.record()).getVendorData().put("source", "rest");
        return event;
    }

    private Instrument instrument(String symbol, String stream) {
        Instrument instrument = catalog.find(symbol);
        if (instrument == null) {
            throw new BadInputException(BadInputReason.ABSURD_VALUE, "unknown symbol " + symbol
                    + (stream == null ? "" : " on stream " + stream)
                    + ": not in the symbol catalog (exchangeInfo, bundled snapshot, overrides), so its quote currency is unknown");
        }
        return instrument;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
