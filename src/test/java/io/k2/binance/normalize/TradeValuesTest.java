package io.k2.binance.normalize;

import io.k2.marketdata.Side;
import io.k2.marketdata.TradeV2;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A trade and an aggTrade keep every value exactly: decimals, 64-bit ids, µs times, side, vendor data. */
class TradeValuesTest {

    private final BinanceNormalizer normalizer = Fixtures.normalizer();

    @Test
    void tradeKeepsExactValues() {
        NormalizedEvent event = normalizer.normalize(Fixtures.line(24), null, Fixtures.RECEIVED_AT);
        TradeV2 t = (TradeV2) event.record();
        assertThat(t.getTradeId()).isEqualTo(5_455_447_976L);
        assertThat(t.getSourceSequence()).isEqualTo(5_455_447_976L);
        assertThat(t.getPrice()).isEqualTo(new BigDecimal("102571.17000000"));
        assertThat(t.getPrice().scale()).isEqualTo(8);
        assertThat(t.getQuantity()).isEqualTo(new BigDecimal("0.00100000"));
        assertThat(t.getTimestamp()).isEqualTo(Instant.parse("2025-11-08T05:13:25.372Z")); // T, not E
        assertThat(t.getIngestionTimestamp()).isEqualTo(Timestamps.instant(Fixtures.RECEIVED_AT));
        assertThat(t.getSymbol()).isEqualTo("BTCUSDT");
        assertThat(t.getBaseAsset()).isEqualTo("BTC");
        assertThat(t.getCurrency()).isEqualTo("USDT");
        assertThat(t.getExchange()).isEqualTo("BINANCE");
        assertThat(t.getAssetClass()).isEqualTo("crypto");
        assertThat(t.getEventType()).isEqualTo("trade");
        assertThat(t.getTradeConditions()).isEmpty();
        assertThat(t.getMessageId()).isEqualTo("BINANCE:BTCUSDT:trade:5455447976");
        assertThat(t.getVendorData()).containsEntry("event_time", "1762578805373000")
                .containsEntry("event_type", "trade").containsEntry("is_buyer_maker", "true")
                .containsEntry("stream", "btcusdt@trade");
    }

    @Test
    void buyerMakerMeansTheAggressorSold() {
        TradeV2 t = (TradeV2) normalizer.normalize(Fixtures.line(24), null, Fixtures.RECEIVED_AT).record();
        assertThat(t.getSide()).isEqualTo(Side.SELL);
    }

    @Test
    void buyerTakerMeansTheAggressorBought() {
        TradeV2 t = (TradeV2) normalizer.normalize(Fixtures.line(11), null, Fixtures.RECEIVED_AT).record();
        assertThat(t.getSide()).isEqualTo(Side.BUY);
    }

    @Test
    void absentMakerFlagGivesUnknownSide() {
        String frame = "{\"e\":\"trade\",\"E\":1762578805373,\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"1.0\",\"q\":\"2\",\"T\":1762578805372}";
        TradeV2 t = (TradeV2) normalizer.normalize(frame, null, Fixtures.RECEIVED_AT).record();
        assertThat(t.getSide()).isEqualTo(Side.UNKNOWN);
        assertThat(t.getVendorData()).doesNotContainKey("is_buyer_maker");
    }

    @Test
    void aggTradeCarriesItsTradeRangeInVendorData() {
        NormalizedEvent event = normalizer.normalize(Fixtures.line(11), null, Fixtures.RECEIVED_AT);
        TradeV2 t = (TradeV2) event.record();
        assertThat(event.type()).isEqualTo(EventType.AGG_TRADE);
        assertThat(t.getEventType()).isEqualTo("aggTrade");
        assertThat(t.getTradeId()).isEqualTo(15_683_430L);
        assertThat(t.getPrice()).isEqualTo(new BigDecimal("0.35280000"));
        assertThat(t.getQuantity()).isEqualTo(new BigDecimal("58.00000000"));
        assertThat(t.getBaseAsset()).isEqualTo("NKN");
        assertThat(t.getVendorData()).containsEntry("first_trade_id", "19862790").containsEntry("last_trade_id", "19862790");
        assertThat(t.getMessageId()).isEqualTo("BINANCE:NKNUSDT:aggTrade:15683430");
    }

    @Test
    void tinyPricesStayExact() {
        TradeV2 t = (TradeV2) normalizer.normalize(Fixtures.line(15), null, Fixtures.RECEIVED_AT).record();
        assertThat(t.getPrice().toPlainString()).isEqualTo("0.00000638");
        assertThat(t.getCurrency()).isEqualTo("BTC");
        assertThat(t.getBaseAsset()).isEqualTo("LRC");
    }

    @Test
    void microsecondFeedsKeepMicroseconds() {
        String frame = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1762578805373123,\"s\":\"BTCUSDT\","
                + "\"t\":5455447976,\"p\":\"102571.17000000\",\"q\":\"0.00100000\",\"T\":1762578805372999,\"m\":false,\"M\":true}}";
        TradeV2 t = (TradeV2) normalizer.normalize(frame, null, Fixtures.RECEIVED_AT).record();
        assertThat(t.getTimestamp()).isEqualTo(Timestamps.instant(1_762_578_805_372_999L));
        assertThat(t.getVendorData()).containsEntry("event_time", "1762578805373123");
    }

    @Test
    void dataBeforeStreamAndUnknownFieldsAreFine() {
        String frame = "{\"data\":{\"x_new\":{\"nested\":[1,2]},\"e\":\"trade\",\"E\":1762578805373,\"s\":\"BTCUSDT\",\"t\":7,"
                + "\"p\":\"1.5\",\"q\":\"2\",\"T\":1762578805372,\"m\":true,\"M\":true,\"b\":4163994208,\"a\":4163994165},"
                + "\"stream\":\"btcusdt@trade\"}";
        NormalizedEvent event = normalizer.normalize(frame, null, Fixtures.RECEIVED_AT);
        assertThat(event.stream()).isEqualTo("btcusdt@trade");
        assertThat(((TradeV2) event.record()).getPrice()).isEqualTo(new BigDecimal("1.50000000"));
    }

    @Test
    void streamHintNamesRawFrames() {
        NormalizedEvent event = normalizer.normalize(Fixtures.line(26), "btcusdt@trade", Fixtures.RECEIVED_AT);
        assertThat(event.stream()).isEqualTo("btcusdt@trade");
        assertThat(((TradeV2) event.record()).getVendorData()).containsEntry("stream", "btcusdt@trade");
    }
}
