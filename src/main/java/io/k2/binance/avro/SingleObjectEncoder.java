package io.k2.binance.avro;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Avro single-object encoding: {@code C3 01}, the writer schema's 8-byte little-endian CRC-64-AVRO
 * fingerprint, then the binary body. Any consumer holding the published .avsc files can decode it without a
 * registry (see {@link AvscDecoder}).
 *
 * <p>Thread-safe. Per record class the header and the datum writer are computed once and shared (Avro's datum
 * writers keep no per-write state); the output buffer and binary encoder are per thread and reused, so a
 * steady pipeline thread allocates only the returned array.
 */
public final class SingleObjectEncoder {

    private static final byte MAGIC_0 = (byte) 0xC3;
    private static final byte MAGIC_1 = (byte) 0x01;
    /** Length of the header before the body: magic (2) + fingerprint (8). */
    public static final int HEADER_LENGTH = 10;

    private final ClassValue<Codec> codecs = new ClassValue<>() {
        @Override
        protected Codec computeValue(Class<?> type) {
            try {
                SpecificRecordBase prototype = (SpecificRecordBase) type.getDeclaredConstructor().newInstance();
                return new Codec(prototype);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot encode " + type.getName() + ": no public no-arg constructor", e);
            }
        }
    };

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    public byte[] encode(SpecificRecordBase record) {
        Codec codec = codecs.get(record.getClass());
        Scratch s = scratch.get();
        s.out.reset();
        s.out.write(codec.header, 0, HEADER_LENGTH);
        s.encoder = EncoderFactory.get().binaryEncoder(s.out, s.encoder);
        try {
            codec.writer.write(record, s.encoder);
            s.encoder.flush();
        } catch (IOException e) { // an in-memory stream does not fail; a bad record surfaces as AvroRuntimeException
            throw new UncheckedIOException(e);
        }
        return s.out.toByteArray();
    }

    /** The fingerprint of the schema a record class is written with, cached: cheap enough per message. */
    public long fingerprint(Class<? extends SpecificRecordBase> type) {
        return codecs.get(type).fingerprint;
    }

    /** {@link #fingerprintHex(Schema)} of a record class's schema, cached: use this one per message (e.g. a Kafka header). */
    public String fingerprintHex(Class<? extends SpecificRecordBase> type) {
        return codecs.get(type).fingerprintHex;
    }

    /**
     * CRC-64-AVRO of the schema's parsing canonical form: what the header carries and what decoders look up.
     * Computed from the schema on every call (tens of µs): at start-up only; per message use {@link #fingerprint(Class)}.
     */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** The fingerprint as 16 lower-case hex digits of the number (most significant first), e.g. for a Kafka header. */
    public static String fingerprintHex(Schema schema) {
        return hex(fingerprint(schema));
    }

    static String hex(long fingerprint) {
        String digits = Long.toHexString(fingerprint);
        return "0".repeat(16 - digits.length()) + digits;
    }

    private static final class Codec {
        final byte[] header = new byte[HEADER_LENGTH];
        final long fingerprint;
        final String fingerprintHex;
        final DatumWriter<Object> writer;

        Codec(SpecificRecordBase prototype) {
            Schema schema = prototype.getSchema();
            fingerprint = fingerprint(schema);
            fingerprintHex = hex(fingerprint);
            header[0] = MAGIC_0;
            header[1] = MAGIC_1;
            for (int i = 0; i < 8; i++) {
                header[2 + i] = (byte) (fingerprint >>> (8 * i)); // little-endian, as the spec says
            }
            // the generated class's own SpecificData carries the decimal and timestamp conversions
            writer = new SpecificDatumWriter<>(schema, prototype.getSpecificData());
        }
    }

    private static final class Scratch {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        BinaryEncoder encoder;
    }
}
