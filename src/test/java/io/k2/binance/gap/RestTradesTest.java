package io.k2.binance.gap;

import java.util.List;

import io.k2.binance.normalize.BinanceNormalizer;
import io.k2.binance.normalize.NormalizedEvent;
import io.k2.binance.normalize.SymbolCatalog;
import io.k2.binance.sequence.SequenceKind;
import io.k2.marketdata.TradeV2;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * REST rows become the frames their stream would have carried, so a backfilled record equals its live twin in
 * everything but the event time (not in REST rows) and the ingestion time. The rows are Binance's documented
 * examples (rest-api.md, "Old trade lookup" and "Compressed/Aggregate trades list"); the aggTrade example's time
 * (June 2017) is moved past 2017-07-01, which the normalizer takes as the earliest Binance time.
 */
class RestTradesTest {

    private static final BinanceNormalizer NORMALIZER = new BinanceNormalizer(SymbolCatalog.bundledSnapshot());

    @Test
    void aHistoricalTradeRowNormalizesToTheLiveTradesRecord() {
        String rest = "[{\"id\":28457,\"price\":\"4.00000100\",\"qty\":\"12.00000000\",\"quoteQty\":\"48.000012\","
                + "\"time\":1499865549590,\"isBuyerMaker\":true,\"isBestMatch\":true}]";
        String live = "{\"stream\":\"bnbbtc@trade\",\"data\":{\"e\":\"trade\",\"E\":1499865549600,\"s\":\"BNBBTC\","
                + "\"t\":28457,\"p\":\"4.00000100\",\"q\":\"12.00000000\",\"T\":1499865549590,\"m\":true,\"M\":true}}";
        List<RestTrades.Row> rows = RestTrades.parse(rest, SequenceKind.TRADE, "bnbbtc@trade", "BNBBTC");
        assertThat(rows).extracting(RestTrades.Row::id).containsExactly(28457L);
        assertSameRecord(rows.get(0).frame(), live, "bnbbtc@trade");
    }

    @Test
    void anAggTradeRowNormalizesToTheLiveAggTradesRecord() {
        String rest = "[{\"a\":26129,\"p\":\"0.01633102\",\"q\":\"4.70443515\",\"f\":27781,\"l\":27781,"
                + "\"T\":1499865549153,\"m\":true,\"M\":true}]";
        String live = "{\"stream\":\"bnbbtc@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1499865549200,\"s\":\"BNBBTC\","
                + "\"a\":26129,\"p\":\"0.01633102\",\"q\":\"4.70443515\",\"f\":27781,\"l\":27781,\"T\":1499865549153,"
                + "\"m\":true,\"M\":true}}";
        List<RestTrades.Row> rows = RestTrades.parse(rest, SequenceKind.AGG_TRADE, "bnbbtc@aggTrade", "BNBBTC");
        assertThat(rows).extracting(RestTrades.Row::id).containsExactly(26129L);
        assertSameRecord(rows.get(0).frame(), live, "bnbbtc@aggTrade");
    }

    @Test
    void anAnswerThatIsNotATradeArrayIsRefusedWithTheReason() {
        assertThatThrownBy(() -> RestTrades.parse("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", SequenceKind.TRADE,
                "bnbbtc@trade", "BNBBTC")).hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> RestTrades.parse("[{\"price\":\"1\"}]", SequenceKind.TRADE, "bnbbtc@trade", "BNBBTC"))
                .hasMessageContaining("'id'");
    }

    @Test
    void theSnapshotsLastUpdateIdIsRead() {
        assertThat(RestTrades.lastUpdateId("{\"lastUpdateId\":1027024,\"bids\":[[\"4.00000000\",\"431.00000000\"]],"
                + "\"asks\":[]}")).isEqualTo(1027024L);
        assertThatThrownBy(() -> RestTrades.lastUpdateId("{\"bids\":[]}")).hasMessageContaining("lastUpdateId");
    }

    private static void assertSameRecord(String backfilled, String live, String stream) {
        NormalizedEvent b = NORMALIZER.normalize(backfilled, stream, 1_499_865_550_000_000L);
        NormalizedEvent l = NORMALIZER.normalize(live, stream, 1_499_865_550_000_000L);
        assertThat(b.messageId()).isEqualTo(l.messageId());
        TradeV2 br = (TradeV2) b.record();
        TradeV2 lr = (TradeV2) l.record();
        assertThat(br.getTradeId()).isEqualTo(lr.getTradeId());
        assertThat(br.getPrice()).isEqualTo(lr.getPrice());
        assertThat(br.getQuantity()).isEqualTo(lr.getQuantity());
        assertThat(br.getTimestamp()).isEqualTo(lr.getTimestamp());
        assertThat(br.getSide()).isEqualTo(lr.getSide());
        assertThat(br.getSourceSequence()).isEqualTo(lr.getSourceSequence());
        assertThat(br.getVendorData().get("event_time")).as("E: a REST row has none, the trade time stands in")
                .isEqualTo(Long.toString(br.getTimestamp().toEpochMilli() * 1000));
    }
}
