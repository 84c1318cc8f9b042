package io.k2.binance.normalize;

import org.apache.avro.specific.SpecificRecordBase;

/**
 * One Binance event as an Avro record, plus what the pipeline needs to route it.
 *
 * @param type      which topic it goes to
 * @param stream    the Binance stream name, e.g. {@code btcusdt@trade}
 * @param symbol    the upper-case symbol, used as the Kafka key
 * @param messageId deterministic id: the same Binance event always gets the same id
 * @param record    the TradeV2 / QuoteV2 / DepthUpdateV1 / KlineV1 record
 */
public record NormalizedEvent(EventType type, String stream, String symbol, String messageId,
                              SpecificRecordBase record) {
}
