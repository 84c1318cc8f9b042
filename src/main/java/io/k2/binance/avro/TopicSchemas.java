package io.k2.binance.avro;

import io.k2.binance.normalize.EventType;
import io.k2.marketdata.DepthUpdateV1;
import io.k2.marketdata.KlineV1;
import io.k2.marketdata.QuoteV2;
import io.k2.marketdata.TradeV2;
import org.apache.avro.Schema;

import java.util.List;

/** Which Avro schema each event type's topic carries, and where its .avsc file is. */
public final class TopicSchemas {

    /** The .avsc files of the contract (GapV1 is the gaps topic's), as shipped under {@code avro/} on the classpath and in src/main/avro. */
    public static final List<String> AVSC_FILES = List.of("TradeV2.avsc", "QuoteV2.avsc", "DepthUpdateV1.avsc", "KlineV1.avsc",
            "GapV1.avsc");

    private TopicSchemas() {
    }

    public static Schema schema(EventType type) {
        return switch (type) {
            case TRADE, AGG_TRADE -> TradeV2.getClassSchema();
            case BOOK_TICKER -> QuoteV2.getClassSchema();
            case DEPTH -> DepthUpdateV1.getClassSchema();
            case KLINE -> KlineV1.getClassSchema();
        };
    }

    /** The .avsc file name (under {@code avro/} on the classpath) defining the type's schema. */
    public static String avscFile(EventType type) {
        return schema(type).getName() + ".avsc";
    }
}
