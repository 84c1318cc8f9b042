package io.k2.binance.avro;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
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
 * <p>Thread-safe. Per schema (the subject) the header, the fingerprint and the datum writer are computed once
 * and shared (Avro's datum writers keep no per-write state), in a cache of at most {@code maxSchemas}
 * entries: the app has five schemas, but the encoder must not grow with whatever records it is handed. An
 * evicted schema's entry is rebuilt on its next record, with the same bytes, so eviction costs time, never a
 * record. The output buffer and binary encoder are per thread and reused, so a steady pipeline thread
 * allocates only the returned array.
 */
public final class SingleObjectEncoder {

    private static final byte MAGIC_0 = (byte) 0xC3;
    private static final byte MAGIC_1 = (byte) 0x01;
    /** Length of the header before the body: magic (2) + fingerprint (8). */
    public static final int HEADER_LENGTH = 10;
    /** Bounds of the schema cache's size ({@code k2.kafka.serializer-cache-max-size} is checked against them). */
    public static final int MIN_CACHED_SCHEMAS = 1;
    public static final int MAX_CACHED_SCHEMAS = 100;

    private final Cache<Schema, Codec> codecs;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** For tools and tests, which do not read settings: room for as many schemas as the setting allows. */
    public SingleObjectEncoder() {
        this(MAX_CACHED_SCHEMAS, () -> { });
    }

    /**
     * @param maxSchemas schemas whose writers are kept, {@link #MIN_CACHED_SCHEMAS}-{@link #MAX_CACHED_SCHEMAS}
     * @param evicted    run once per schema entry evicted (on the encoding thread; keep it cheap, e.g. a counter)
     */
    public SingleObjectEncoder(int maxSchemas, Runnable evicted) {
        if (maxSchemas < MIN_CACHED_SCHEMAS || maxSchemas > MAX_CACHED_SCHEMAS) {
            throw new IllegalArgumentException("maxSchemas must be " + MIN_CACHED_SCHEMAS + "-" + MAX_CACHED_SCHEMAS
                    + ", not " + maxSchemas);
        }
        codecs = Caffeine.newBuilder()
                .maximumSize(maxSchemas)
                // maintenance (and so eviction) runs on the thread that encodes, not on the common pool: no
                // stray thread, and with the cleanUp() after each miss the size is back under the bound at once
                .executor(Runnable::run)
                .evictionListener((Schema schema, Codec codec, RemovalCause cause) ->
                        evicted.run())
                .build();
    }

    public byte[] encode(IndexedRecord record) {
        Codec codec = codec(record);
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

    /** The fingerprint of the schema a record is written with, cached: cheap enough per message. */
    public long fingerprint(IndexedRecord record) {
        return codec(record).fingerprint;
    }

    /** {@link #fingerprintHex(Schema)} of a record's schema, cached: use this one per message (e.g. a Kafka header). */
    public String fingerprintHex(IndexedRecord record) {
        return codec(record).fingerprintHex;
    }

    /** Schemas whose writers are cached now; at most the {@code maxSchemas} given. */
    public long cachedSchemas() {
        return codecs.estimatedSize();
    }

    private Codec codec(IndexedRecord record) {
        Schema schema = record.getSchema(); // generated classes hand out one instance: equals() is an identity check
        Codec codec = codecs.getIfPresent(schema);
        if (codec == null) { // first record of this schema, or its entry was evicted: build it (again)
            codec = codecs.get(schema, s -> new Codec(s, dataModel(record)));
            codecs.cleanUp(); // evict now, so the bound holds after every miss, not eventually
        }
        return codec;
    }

    /** The generated class's own SpecificData carries the decimal and timestamp conversions. */
    private static SpecificData dataModel(IndexedRecord record) {
        return record instanceof SpecificRecordBase specific ? specific.getSpecificData()
                : SpecificData.getForSchema(record.getSchema());
    }

    /**
     * CRC-64-AVRO of the schema's parsing canonical form: what the header carries and what decoders look up.
     * Computed from the schema on every call (tens of µs): at start-up only; per message use {@link #fingerprint(IndexedRecord)}.
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

    /** Everything the encoder derives from one schema; immutable, so a copy held past its eviction stays correct. */
    private static final class Codec {
        final byte[] header = new byte[HEADER_LENGTH];
        final long fingerprint;
        final String fingerprintHex;
        final DatumWriter<Object> writer;

        Codec(Schema schema, SpecificData data) {
            fingerprint = fingerprint(schema);
            fingerprintHex = hex(fingerprint);
            header[0] = MAGIC_0;
            header[1] = MAGIC_1;
            for (int i = 0; i < 8; i++) {
                header[2 + i] = (byte) (fingerprint >>> (8 * i)); // little-endian, as the spec says
            }
            writer = new SpecificDatumWriter<>(schema, data);
        }
    }

    private static final class Scratch {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        BinaryEncoder encoder;
    }
}
