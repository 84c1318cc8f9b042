package io.k2.binance.normalize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Base/quote splits come from data (exchangeInfo, bundled snapshot, overrides), never from suffix guessing. */
class SymbolCatalogTest {

    @ParameterizedTest
    @CsvSource({"BTCUSDT,BTC,USDT", "ETHBTC,ETH,BTC", "BNBFDUSD,BNB,FDUSD", "1000SATSUSDT,1000SATS,USDT",
            "NKNUSDT,NKN,USDT", "LRCBTC,LRC,BTC", "BLZETH,BLZ,ETH", "RUNEEUR,RUNE,EUR", "TUSDT,T,USDT",
            "TUSDUSDT,TUSD,USDT", "USDTTRY,USDT,TRY"})
    void bundledSnapshotSplitsRealSymbols(String symbol, String base, String quote) {
        assertThat(SymbolCatalog.bundledSnapshot().lookup(symbol))
                .contains(new Instrument(symbol, base, quote));
    }

    @Test
    void bundledSnapshotIsSizeable() {
        assertThat(SymbolCatalog.bundledSnapshot().size()).isGreaterThan(200);
    }

    @Test
    void lowerCaseStreamSymbolsAreFound() {
        assertThat(SymbolCatalog.bundledSnapshot().lookup("btcusdt")).map(Instrument::quoteAsset).contains("USDT");
    }

    @Test
    void unknownSymbolIsEmpty() {
        assertThat(SymbolCatalog.bundledSnapshot().lookup("NOSUCHCOINUSDT")).isEmpty();
        assertThat(SymbolCatalog.bundledSnapshot().lookup(null)).isEmpty();
    }

    @Test
    void loadsExchangeInfo() throws IOException {
        String json = "{\"timezone\":\"UTC\",\"symbols\":[{\"symbol\":\"ETHBTC\",\"status\":\"TRADING\",\"baseAsset\":\"ETH\","
                + "\"baseAssetPrecision\":8,\"quoteAsset\":\"BTC\",\"filters\":[]},"
                + "{\"symbol\":\"XYZABCUSDC\",\"status\":\"BREAK\",\"baseAsset\":\"XYZABC\",\"quoteAsset\":\"USDC\"}]}";
        SymbolCatalog catalog = SymbolCatalog.fromExchangeInfo(json);
        assertThat(catalog.size()).isEqualTo(2);
        assertThat(catalog.lookup("XYZABCUSDC")).contains(new Instrument("XYZABCUSDC", "XYZABC", "USDC"));
    }

    @Test
    void exchangeInfoWithoutSymbolsIsRefused() {
        assertThatThrownBy(() -> SymbolCatalog.fromExchangeInfo("{\"code\":-1121}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbols");
    }

    @Test
    void overridesWinOverOtherSources() {
        SymbolCatalog catalog = SymbolCatalog.bundledSnapshot()
                .overriddenBy(SymbolCatalog.fromOverrides(" 1000SATSUSDT:1000SATS/USDT, abcdef:ABC/DEF ,BTCUSDT:BTCU/SDT"));
        assertThat(catalog.lookup("ABCDEF")).contains(new Instrument("ABCDEF", "ABC", "DEF"));
        assertThat(catalog.lookup("BTCUSDT")).map(Instrument::baseAsset).contains("BTCU");
        assertThat(catalog.lookup("ETHUSDT")).map(Instrument::baseAsset).contains("ETH");
    }

    @Test
    void badOverrideNamesTheEntry() {
        assertThatThrownBy(() -> SymbolCatalog.fromOverrides("BTCUSDT:BTC/USDT,BROKEN"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'BROKEN'");
        assertThat(SymbolCatalog.fromOverrides("  ").size()).isZero();
    }

    @Test
    void csvLinesNeedThreeColumns() {
        assertThatThrownBy(() -> SymbolCatalog.fromCsv(new StringReader("# c\nBTCUSDT,BTC\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void normalizerRefusesEventsOfUnknownSymbols() {
        BinanceNormalizer normalizer = new BinanceNormalizer(SymbolCatalog.fromOverrides("ETHBTC:ETH/BTC"));
        BadInputException e = org.assertj.core.api.Assertions.catchThrowableOfType(BadInputException.class,
                () -> normalizer.normalize(Fixtures.line(24), null, Fixtures.RECEIVED_AT));
        assertThat(e.reason()).isEqualTo(BadInputReason.ABSURD_VALUE);
        assertThat(e.getMessage()).contains("unknown symbol BTCUSDT").contains("btcusdt@trade");
    }
}
