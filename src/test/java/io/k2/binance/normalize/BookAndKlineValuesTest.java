package io.k2.binance.normalize;

import io.k2.marketdata.DepthKind;
import io.k2.marketdata.DepthUpdateV1;
import io.k2.marketdata.KlineV1;
import io.k2.marketdata.QuoteV2;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** bookTicker, depth and kline records keep every value exactly. */
class BookAndKlineValuesTest {

    private final BinanceNormalizer normalizer = Fixtures.normalizer();

    @Test
    void bookTickerUsesReceiveTimeAndKeepsSmallDecimals() {
        NormalizedEvent event = normalizer.normalize(Fixtures.line(13), null, Fixtures.RECEIVED_AT);
        QuoteV2 q = (QuoteV2) event.record();
        assertThat(event.type()).isEqualTo(EventType.BOOK_TICKER);
        assertThat(q.getBidPrice().toPlainString()).isEqualTo("0.00006547");
        assertThat(q.getBidPrice().scale()).isEqualTo(8);
        assertThat(q.getBidQuantity()).isEqualTo(new BigDecimal("100.00000000"));
        assertThat(q.getAskPrice()).isEqualTo(new BigDecimal("0.00006560"));
        assertThat(q.getAskQuantity()).isEqualTo(new BigDecimal("1528.00000000"));
        assertThat(q.getSourceSequence()).isEqualTo(281_916_636L);
        assertThat(q.getBaseAsset()).isEqualTo("BLZ");
        assertThat(q.getCurrency()).isEqualTo("ETH");
        assertThat(q.getTimestamp()).isEqualTo(q.getIngestionTimestamp());
        assertThat(q.getVendorData()).containsEntry("timestamp_source", "receive");
        assertThat(event.messageId()).isEqualTo("BINANCE:BLZETH:bookTicker:281916636");
    }

    @Test
    void depthDiffKeepsRangeLevelsAndRemovals() {
        NormalizedEvent event = normalizer.normalize(Fixtures.line(18), null, Fixtures.RECEIVED_AT);
        DepthUpdateV1 d = (DepthUpdateV1) event.record();
        assertThat(d.getKind()).isEqualTo(DepthKind.DIFF);
        assertThat(d.getFirstUpdateId()).isEqualTo(82_626_886_844L);
        assertThat(d.getFinalUpdateId()).isEqualTo(82_626_886_850L);
        assertThat(d.getSourceSequence()).isEqualTo(82_626_886_850L);
        assertThat(d.getDepthLevels()).isNull();
        assertThat(d.getTimestamp()).isEqualTo(Instant.ofEpochMilli(1_765_107_346_014L));
        assertThat(d.getBids()).hasSize(3);
        assertThat(d.getBids().get(0).getPrice()).isEqualTo(new BigDecimal("89218.34000000"));
        assertThat(d.getBids().get(0).getQuantity()).isEqualTo(new BigDecimal("0.03110000"));
        assertThat(d.getAsks().get(0).getQuantity().signum()).isZero(); // remove level
        assertThat(event.messageId()).isEqualTo("BINANCE:BTCUSDT:depth:82626886844-82626886850");
    }

    @Test
    void emptySideIsAnEmptyList() {
        DepthUpdateV1 d = (DepthUpdateV1) normalizer.normalize(Fixtures.line(1), null, Fixtures.RECEIVED_AT).record();
        assertThat(d.getAsks()).isEmpty();
        assertThat(d.getBids()).hasSize(3);
    }

    @Test
    void snapshotViaStreamHintOnRawConnection() {
        String raw = "{\"lastUpdateId\":160,\"bids\":[[\"0.0024\",\"10\"]],\"asks\":[[\"0.0026\",\"100\"]]}";
        NormalizedEvent event = normalizer.normalize(raw, "bnbbtc@depth5@100ms", Fixtures.RECEIVED_AT);
        DepthUpdateV1 d = (DepthUpdateV1) event.record();
        assertThat(event.symbol()).isEqualTo("BNBBTC");
        assertThat(d.getDepthLevels()).isEqualTo(5);
        assertThat(d.getAsks().get(0).getPrice()).isEqualTo(new BigDecimal("0.00260000"));
        assertThat(event.messageId()).isEqualTo("BINANCE:BNBBTC:depth5:160");
    }

    @Test
    void klineKeepsAllFields() {
        NormalizedEvent event = normalizer.normalize(Fixtures.line(38), null, Fixtures.RECEIVED_AT);
        KlineV1 k = (KlineV1) event.record();
        assertThat(k.getInterval()).isEqualTo("1m");
        assertThat(k.getOpenTime()).isEqualTo(Instant.ofEpochMilli(1_653_818_760_000L));
        assertThat(k.getCloseTime()).isEqualTo(Instant.ofEpochMilli(1_653_818_819_999L));
        assertThat(k.getTimestamp()).isEqualTo(Instant.ofEpochMilli(1_653_818_762_502L));
        assertThat(k.getOpen()).isEqualTo(new BigDecimal("29038.46000000"));
        assertThat(k.getHigh()).isEqualTo(new BigDecimal("29038.47000000"));
        assertThat(k.getLow()).isEqualTo(new BigDecimal("29038.46000000"));
        assertThat(k.getClose()).isEqualTo(new BigDecimal("29038.47000000"));
        assertThat(k.getVolume()).isEqualTo(new BigDecimal("0.20926000"));
        assertThat(k.getQuoteVolume()).isEqualTo(new BigDecimal("6076.58918320"));
        assertThat(k.getTakerBuyVolume()).isEqualTo(new BigDecimal("0.10436000"));
        assertThat(k.getTakerBuyQuoteVolume()).isEqualTo(new BigDecimal("3030.45472920"));
        assertThat(k.getTradeCount()).isEqualTo(31L);
        assertThat(k.getFirstTradeId()).isEqualTo(1_384_844_002L);
        assertThat(k.getLastTradeId()).isEqualTo(1_384_844_032L);
        assertThat(k.getClosed()).isFalse();
        assertThat(event.messageId()).isEqualTo("BINANCE:BTCUSDT:kline_1m:1653818760000:1384844032:false:1653818762502");
    }

    @Test
    void klineWithoutTradesHasNullTradeIds() {
        String frame = "{\"stream\":\"btcusdt@kline_1s\",\"data\":{\"e\":\"kline\",\"E\":1653818762502,\"s\":\"BTCUSDT\","
                + "\"k\":{\"t\":1653818762000,\"T\":1653818762999,\"s\":\"BTCUSDT\",\"i\":\"1s\",\"f\":-1,\"L\":-1,"
                + "\"o\":\"29038.46\",\"c\":\"29038.46\",\"h\":\"29038.46\",\"l\":\"29038.46\",\"v\":\"0\",\"n\":0,"
                + "\"x\":true,\"q\":\"0\",\"V\":\"0\",\"Q\":\"0\",\"B\":\"0\"}}}";
        KlineV1 k = (KlineV1) normalizer.normalize(frame, null, Fixtures.RECEIVED_AT).record();
        assertThat(k.getFirstTradeId()).isNull();
        assertThat(k.getLastTradeId()).isNull();
        assertThat(k.getTradeCount()).isZero();
        assertThat(k.getClosed()).isTrue();
        assertThat(k.getVolume()).isEqualTo(new BigDecimal("0E-8"));
    }
}
