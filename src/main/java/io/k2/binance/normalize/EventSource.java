package io.k2.binance.normalize;

/**
 * Where one event came from, resolved before the type-specific normalizer runs.
 *
 * @param stream           Binance stream name, e.g. btcusdt@trade
 * @param instrument       the symbol and its assets, from the catalog
 * @param receivedAtMicros when the frame was received, µs since the epoch
 */
record EventSource(String stream, Instrument instrument, long receivedAtMicros) {

    String symbol() {
        return instrument.symbol();
    }
}
