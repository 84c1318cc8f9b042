package io.k2.binance.avro;

import io.k2.binance.normalize.BinanceNormalizer;
import io.k2.binance.normalize.Fixtures;
import io.k2.binance.normalize.NormalizedEvent;
import io.k2.marketdata.TradeV2;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** encode -> C3 01 + fingerprint + body -> decode with the .avsc files only -> JSON with the exact values. */
class SingleObjectRoundTripTest {

    private static AvscDecoder decoder;
    private final SingleObjectEncoder encoder = new SingleObjectEncoder();
    private final BinanceNormalizer normalizer = Fixtures.normalizer();

    @BeforeAll
    static void loadSchemasFromFiles() throws IOException {
        decoder = AvscDecoder.fromDirectory(Path.of("src/main/avro"));
    }

    private String roundTrip(int fixtureLine) {
        NormalizedEvent event = normalizer.normalize(Fixtures.line(fixtureLine), null, Fixtures.RECEIVED_AT);
        return decoder.toJson(decoder.decode(encoder.encode(event.record())));
    }

    @Test
    void headerIsMagicAndLittleEndianFingerprint() {
        NormalizedEvent event = normalizer.normalize(Fixtures.line(24), null, Fixtures.RECEIVED_AT);
        byte[] bytes = encoder.encode(event.record());
        long fp = SingleObjectEncoder.fingerprint(TradeV2.getClassSchema());
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        for (int i = 0; i < 8; i++) {
            assertThat(bytes[2 + i]).isEqualTo((byte) (fp >>> (8 * i)));
        }
        assertThat(encoder.fingerprint(event.record())).isEqualTo(fp);
        assertThat(encoder.fingerprintHex(event.record())).isEqualTo(SingleObjectEncoder.fingerprintHex(TradeV2.getClassSchema()));
        assertThat(SingleObjectEncoder.fingerprintHex(TradeV2.getClassSchema())).hasSize(16)
                .isEqualTo(String.format("%016x", fp));
    }

    @Test
    void matchesAvrosOwnSingleObjectEncoding() throws IOException {
        TradeV2 record = (TradeV2) normalizer.normalize(Fixtures.line(24), null, Fixtures.RECEIVED_AT).record();
        java.nio.ByteBuffer avro = record.toByteBuffer();
        byte[] expected = new byte[avro.remaining()];
        avro.get(expected);
        assertThat(encoder.encode(record)).isEqualTo(expected);
    }

    @Test
    void tradeJsonHasExactValues() {
        String json = roundTrip(24);
        assertThat(json).contains("\"message_id\":\"BINANCE:BTCUSDT:trade:5455447976\"")
                .contains("\"trade_id\":5455447976")
                .contains("\"price\":\"102571.17000000\"")
                .contains("\"quantity\":\"0.00100000\"")
                .contains("\"timestamp\":1762578805372000")
                .contains("\"ingestion_timestamp\":" + Fixtures.RECEIVED_AT)
                .contains("\"side\":\"SELL\"")
                .contains("\"currency\":\"USDT\"")
                .contains("\"trade_conditions\":[]")
                .contains("\"vendor_data\":{\"event_time\":\"1762578805373000\",\"event_type\":\"trade\",\"is_buyer_maker\":\"true\",\"stream\":\"btcusdt@trade\"}")
                .doesNotContain("\n");
    }

    @Test
    void quoteJsonKeepsTinyDecimals() {
        assertThat(roundTrip(13)).contains("\"bid_price\":\"0.00006547\"").contains("\"source_sequence\":281916636");
    }

    @Test
    void depthJsonHasLevelsAndNullDepthForDiffs() {
        String json = roundTrip(18);
        assertThat(json).contains("\"kind\":\"DIFF\"").contains("\"depth_levels\":null")
                .contains("\"first_update_id\":82626886844")
                .contains("\"bids\":[{\"price\":\"89218.34000000\",\"quantity\":\"0.03110000\"}")
                .contains("{\"price\":\"89309.47000000\",\"quantity\":\"0.00000000\"}");
        assertThat(roundTrip(34)).contains("\"kind\":\"SNAPSHOT\"").contains("\"depth_levels\":20");
    }

    @Test
    void klineJsonHasNullableTradeIds() {
        assertThat(roundTrip(12)).contains("\"first_trade_id\":19862761").contains("\"last_trade_id\":19862790")
                .contains("\"quote_volume\":\"9116.04600000\"").contains("\"closed\":false");
    }

    @Test
    void everyFixtureEventRoundTrips() {
        for (String line : Fixtures.sampleLines()) {
            NormalizedEvent event;
            try {
                event = normalizer.normalize(line, null, Fixtures.RECEIVED_AT);
            } catch (RuntimeException notAnEvent) {
                continue;
            }
            byte[] bytes = encoder.encode(event.record());
            GenericRecord decoded = decoder.decode(bytes);
            assertThat(decoded.getSchema().getFullName()).isEqualTo(event.record().getSchema().getFullName());
            assertThat(decoded.get("message_id").toString()).isEqualTo(event.messageId());
        }
    }

    @Test
    void encoderReusesItsBufferWithoutLeakingBytes() {
        byte[] big = encoder.encode(normalizer.normalize(Fixtures.line(22), null, Fixtures.RECEIVED_AT).record());
        byte[] small = encoder.encode(normalizer.normalize(Fixtures.line(24), null, Fixtures.RECEIVED_AT).record());
        byte[] again = encoder.encode(normalizer.normalize(Fixtures.line(24), null, Fixtures.RECEIVED_AT).record());
        assertThat(small.length).isLessThan(big.length);
        // platform_sequence differs between the two encodings of line 24, so compare the decoded message ids
        assertThat(decoder.decode(again).get("message_id").toString()).isEqualTo("BINANCE:BTCUSDT:trade:5455447976");
        assertThat(Arrays.copyOf(small, 10)).isEqualTo(Arrays.copyOf(again, 10));
    }
}
