package io.k2.binance.normalize;

/**
 * Why a received frame could not become a record. The {@link #tag()} is the {@code reason} tag of the
 * dead-letter counter and the {@code k2.reason} header of the dead-letter record, so it is part of the
 * operator contract: add values, never rename them.
 */
public enum BadInputReason {
    /** Not parseable as JSON. */
    MALFORMED_JSON("malformed_json"),
    /** JSON, but an event type or stream we do not know (e.g. miniTicker, a future Binance event). */
    UNKNOWN_EVENT("unknown_event"),
    /** A stream Binance has retired (e.g. !ticker@arr, !bookTicker). */
    RETIRED_STREAM("retired_stream"),
    /** An error response from Binance, e.g. {"error":{"code":2,...}}. */
    EXCHANGE_ERROR("exchange_error"),
    /** A required field is absent or null. */
    MISSING_FIELD("missing_field"),
    /** A field that must be a number (or a decimal string) is not. */
    NON_NUMERIC("non_numeric"),
    /** Numeric but impossible: negative price, zero trade quantity, more decimals than the schema holds, a timestamp out of range. */
    ABSURD_VALUE("absurd_value"),
    /** The frame is larger than k2.binance.max-frame-bytes. */
    OVERSIZED_FRAME("oversized_frame"),
    /** Kafka did not accept the record after the producer's retries. */
    KAFKA_REJECTED("kafka_rejected"),
    /** A failure of the app itself while handling the frame (a bug): the frame is kept so it can be replayed. */
    INTERNAL_ERROR("internal_error"),
    /**
     * The payload contradicts the stream it came on: another symbol ({@code "s":"ETHUSDT"} on
     * {@code btcusdt@trade}), another event type, or another kline interval.
     */
    STREAM_MISMATCH("stream_mismatch"),
    /**
     * A price outside the symbol's PRICE_FILTER [minPrice, maxPrice], or a trade quantity above its LOT_SIZE /
     * MARKET_LOT_SIZE maxQty, as exchangeInfo gave them at start-up (not checked when only the bundled symbol
     * list, which has no filters, is known).
     */
    OUTSIDE_SYMBOL_FILTER("outside_symbol_filter"),
    /** A bookTicker whose best bid is above its best ask (both > 0): no order book can be in that state. */
    CROSSED_BOOK("crossed_book");

    private final String tag;

    BadInputReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
