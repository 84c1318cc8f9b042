package io.k2.binance.normalize;

/**
 * A Binance spot symbol and the two assets it trades.
 *
 * @param symbol     upper case, e.g. BTCUSDT
 * @param baseAsset  what is bought or sold, e.g. BTC
 * @param quoteAsset what the price is in, e.g. USDT
 */
public record Instrument(String symbol, String baseAsset, String quoteAsset) {

    public Instrument {
        if (symbol == null || symbol.isBlank() || baseAsset == null || baseAsset.isBlank()
                || quoteAsset == null || quoteAsset.isBlank()) {
            throw new IllegalArgumentException("symbol, base and quote asset must all be given: "
                    + symbol + "=" + baseAsset + "/" + quoteAsset);
        }
    }
}
