package io.k2.binance.avro;

import io.k2.binance.normalize.EventType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decoder knows the contract's schemas from files or the classpath and explains what it cannot read. */
class AvscDecoderTest {

    @Test
    void classpathCopiesAreTheSameSchemasAsTheGeneratedClasses() throws IOException {
        AvscDecoder decoder = AvscDecoder.fromClasspath();
        for (EventType type : EventType.values()) {
            long fp = SingleObjectEncoder.fingerprint(TopicSchemas.schema(type));
            assertThat(decoder.schema(fp)).as(type.name()).isNotNull();
            assertThat(decoder.schema(fp).getFullName()).isEqualTo("io.k2.marketdata." + TopicSchemas.avscFile(type).replace(".avsc", ""));
        }
        assertThat(decoder.knownSchemas()).containsOnlyKeys("io.k2.marketdata.TradeV2", "io.k2.marketdata.QuoteV2",
                "io.k2.marketdata.DepthUpdateV1", "io.k2.marketdata.KlineV1", "io.k2.marketdata.GapV1");
        assertThat(decoder.schema(SingleObjectEncoder.fingerprint(io.k2.marketdata.GapV1.getClassSchema())))
                .as("the gaps topic's schema").isNotNull();
    }

    @Test
    void unknownFingerprintIsNamed() throws IOException {
        AvscDecoder decoder = AvscDecoder.fromDirectory(Path.of("src/main/avro"));
        byte[] bytes = {(byte) 0xC3, 0x01, 1, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> decoder.decode(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown schema fingerprint 0000000000000001")
                .hasMessageContaining("io.k2.marketdata.TradeV2");
    }

    @Test
    void nonSingleObjectBytesAreRefused() throws IOException {
        AvscDecoder decoder = AvscDecoder.fromClasspath();
        assertThatThrownBy(() -> decoder.decode(new byte[]{0x4F, 0x62, 0x6A, 1, 0, 0, 0, 0, 0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C3 01").hasMessageContaining("4F626A");
    }

    @Test
    void emptyDirectoryIsAnError(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> AvscDecoder.fromDirectory(dir)).isInstanceOf(IOException.class).hasMessageContaining("no .avsc");
    }

    @Test
    void everyFieldAndRecordIsDocumented() {
        for (EventType type : EventType.values()) {
            assertDocumented(TopicSchemas.schema(type));
        }
        assertDocumented(io.k2.marketdata.GapV1.getClassSchema());
    }

    private static void assertDocumented(org.apache.avro.Schema schema) {
        switch (schema.getType()) {
            case RECORD -> {
                assertThat(schema.getDoc()).as(schema.getFullName()).isNotBlank();
                for (org.apache.avro.Schema.Field f : schema.getFields()) {
                    assertThat(f.doc()).as(schema.getName() + "." + f.name()).isNotBlank();
                    assertDocumented(f.schema());
                }
            }
            case ARRAY -> assertDocumented(schema.getElementType());
            case UNION -> schema.getTypes().forEach(AvscDecoderTest::assertDocumented);
            case ENUM -> assertThat(schema.getDoc()).as(schema.getFullName()).isNotBlank();
            default -> { }
        }
    }
}
