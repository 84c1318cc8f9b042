package io.k2.binance.normalize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Prices outside the symbol's exchangeInfo PRICE_FILTER, and trade quantities above its largest maxQty, are
 * outside_symbol_filter; depth level quantities (sums of orders) are not held to maxQty; a limit of 0 means
 * none; without filters (bundled list) only the form is checked.
 */
class SymbolFilterTest {

    /** As Binance (and the simulator) serve it; MARKET_LOT_SIZE allows less than LOT_SIZE, as on BTCUSDT. */
    private static final String EXCHANGE_INFO = "{\"symbols\":[{\"symbol\":\"BTCUSDT\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\","
            + "\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01000000\",\"maxPrice\":\"1000000.00000000\",\"tickSize\":\"0.01000000\"},"
            + "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00001000\",\"maxQty\":\"9000.00000000\",\"stepSize\":\"0.00001000\"},"
            + "{\"filterType\":\"MARKET_LOT_SIZE\",\"minQty\":\"0.00000000\",\"maxQty\":\"76.00000000\",\"stepSize\":\"0.00000000\"},"
            + "{\"filterType\":\"NOTIONAL\",\"minNotional\":\"5.00000000\"}]},"
            + "{\"symbol\":\"ETHUSDT\",\"baseAsset\":\"ETH\",\"quoteAsset\":\"USDT\",\"filters\":["
            + "{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01\",\"maxPrice\":\"0\",\"tickSize\":\"0.01\"},"
            + "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.0001\",\"maxQty\":\"0\",\"stepSize\":\"0.0001\"}]}]}";
    private static final String HUGE = "100000000000000000000000000000"; // 1e29: a valid decimal(38,8)

    private static BinanceNormalizer withFilters() throws Exception {
        return new BinanceNormalizer(SymbolCatalog.bundledSnapshot().overriddenBy(SymbolCatalog.fromExchangeInfo(EXCHANGE_INFO)));
    }

    private static String trade(String symbol, String price, String qty) {
        return "{\"stream\":\"" + symbol.toLowerCase() + "@trade\",\"data\":{\"e\":\"trade\",\"E\":1762578805373,\"s\":\"" + symbol
                + "\",\"t\":5455447976,\"p\":\"" + price + "\",\"q\":\"" + qty + "\",\"T\":1762578805372,\"m\":true}}";
    }

    private static BadInputException rejection(BinanceNormalizer n, String frame) {
        return catchThrowableOfType(BadInputException.class, () -> n.normalize(frame, null, Fixtures.RECEIVED_AT));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "price 1e29                 | BTCUSDT | 100000000000000000000000000000 | 0.001  | p: 100000000000000000000000000000 is above maxPrice 1000000",
            "price below minPrice       | BTCUSDT | 0.001                          | 0.001  | p: 0.001 is below minPrice 0.01",
            "qty above LOT_SIZE maxQty  | BTCUSDT | 100000.00                      | 9000.1 | q: 9000.1 is above maxQty 9000",
            "qty at LOT_SIZE maxQty     | BTCUSDT | 100000.00                      | 9000   | ",
            "qty above MARKET maxQty ok | BTCUSDT | 100000.00                      | 80     | ",
            "maxPrice 0 = no limit      | ETHUSDT | 100000000000000000000000000000 | 1      | ",
            "maxQty 0 = no limit        | ETHUSDT | 3000.00                        | 100000 | "})
    void tradesAreHeldToTheSymbolsFilters(String name, String symbol, String price, String qty, String message) throws Exception {
        BadInputException e = rejection(withFilters(), trade(symbol, price, qty));
        if (message == null) {
            assertThat(e).isNull();
            return;
        }
        assertThat(e).isNotNull();
        assertThat(e.reason().tag()).isEqualTo("outside_symbol_filter");
        assertThat(e.getMessage()).contains(message);
    }

    @Test
    void depthPricesAreCheckedButNotTheirQuantities() throws Exception {
        BinanceNormalizer n = withFilters();
        String depth = "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1765107346014,"
                + "\"s\":\"BTCUSDT\",\"U\":1,\"u\":2,\"b\":[[\"100000.00\",\"25000\"]],\"a\":[[\"PRICE\",\"1\"]]}}";
        assertThat(rejection(n, depth.replace("PRICE", "100001.00"))).as("level qty above maxQty").isNull();
        BadInputException e = rejection(n, depth.replace("PRICE", HUGE));
        assertThat(e.reason().tag()).isEqualTo("outside_symbol_filter");
        assertThat(e.getMessage()).contains("a[0].price");
    }

    @Test
    void klineAndBookTickerPricesAreChecked() throws Exception {
        BinanceNormalizer n = withFilters();
        String book = "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":1,\"s\":\"BTCUSDT\",\"b\":\"BID\",\"B\":\"1\","
                + "\"a\":\"0\",\"A\":\"0\"}}";
        assertThat(rejection(n, book.replace("BID", "100000.00"))).isNull();
        assertThat(rejection(n, book.replace("BID", HUGE)).reason().tag()).isEqualTo("outside_symbol_filter");
        String kline = "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1762578805373,\"s\":\"BTCUSDT\","
                + "\"k\":{\"t\":1762578780000,\"T\":1762578839999,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,\"L\":200,"
                + "\"o\":\"100000\",\"c\":\"100000\",\"h\":\"HIGH\",\"l\":\"100000\",\"v\":\"1000\",\"n\":101,\"x\":false,"
                + "\"q\":\"1.0\",\"V\":\"500\",\"Q\":\"0.5\",\"B\":\"0\"}}}";
        assertThat(rejection(n, kline.replace("HIGH", "100001"))).isNull();
        BadInputException e = rejection(n, kline.replace("HIGH", HUGE));
        assertThat(e.reason().tag()).isEqualTo("outside_symbol_filter");
        assertThat(e.getMessage()).contains("k.h");
    }

    @Test
    void withoutFiltersOnlyTheFormIsChecked() {
        assertThat(rejection(Fixtures.normalizer(), trade("BTCUSDT", HUGE, "0.001"))).isNull();
    }
}
