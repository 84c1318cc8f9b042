package io.k2.binance.avro;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads single-object encoded records with nothing but the published .avsc files (no generated classes), as
 * an outside consumer would; the writer schema is found by the fingerprint in each record's header.
 * Thread-safe after construction.
 */
public final class AvscDecoder {

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<Long, Schema> byFingerprint;
    private final Map<Long, GenericDatumReader<GenericRecord>> readers;

    private AvscDecoder(Collection<Schema> schemas) {
        Map<Long, Schema> map = new HashMap<>();
        Map<Long, GenericDatumReader<GenericRecord>> r = new HashMap<>();
        for (Schema s : schemas) {
            long fp = SingleObjectEncoder.fingerprint(s);
            map.put(fp, s);
            r.put(fp, new GenericDatumReader<>(s));
        }
        this.byFingerprint = Collections.unmodifiableMap(map);
        this.readers = Collections.unmodifiableMap(r);
    }

    public static AvscDecoder of(Collection<Schema> schemas) {
        return new AvscDecoder(schemas);
    }

    /** Every {@code *.avsc} in the directory; each file must be self-contained (ours define nested types inline). */
    public static AvscDecoder fromDirectory(Path dir) throws IOException {
        List<Schema> schemas = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.avsc")) {
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    schemas.add(parse(in, f.toString()));
                }
            }
        }
        if (schemas.isEmpty()) {
            throw new IOException("no .avsc files in " + dir.toAbsolutePath());
        }
        return new AvscDecoder(schemas);
    }

    /** The contract's .avsc files as shipped on the classpath under {@code avro/} (see {@link TopicSchemas#AVSC_FILES}). */
    public static AvscDecoder fromClasspath() throws IOException {
        List<Schema> schemas = new ArrayList<>();
        for (String name : TopicSchemas.AVSC_FILES) {
            String resource = "avro/" + name;
            try (InputStream in = AvscDecoder.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("classpath resource " + resource + " is missing");
                }
                schemas.add(parse(in, resource));
            }
        }
        return new AvscDecoder(schemas);
    }

    private static Schema parse(InputStream in, String where) throws IOException {
        try {
            return new Schema.Parser().parse(in);
        } catch (org.apache.avro.SchemaParseException e) {
            throw new IOException("invalid schema in " + where + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException if the bytes are not single-object encoded or the fingerprint is unknown */
    public GenericRecord decode(byte[] bytes) {
        if (bytes == null || bytes.length < SingleObjectEncoder.HEADER_LENGTH
                || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
            throw new IllegalArgumentException("not Avro single-object encoding: expected C3 01 + 8-byte fingerprint, got "
                    + (bytes == null ? "null" : bytes.length + " bytes starting " + prefixHex(bytes)));
        }
        long fp = 0;
        for (int i = 0; i < 8; i++) {
            fp |= (bytes[2 + i] & 0xFFL) << (8 * i);
        }
        GenericDatumReader<GenericRecord> reader = readers.get(fp);
        if (reader == null) {
            throw new IllegalArgumentException("unknown schema fingerprint " + SingleObjectEncoder.hex(fp)
                    + "; known: " + knownSchemas());
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, SingleObjectEncoder.HEADER_LENGTH,
                    bytes.length - SingleObjectEncoder.HEADER_LENGTH, null);
            return reader.read(null, decoder);
        } catch (IOException e) {
            throw new IllegalArgumentException("record body does not match schema "
                    + byFingerprint.get(fp).getFullName() + ": " + e.getMessage(), e);
        }
    }

    public Schema schema(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    /** Full schema name by fingerprint hex, for error messages and the tail command. */
    public Map<String, String> knownSchemas() {
        Map<String, String> known = new TreeMap<>();
        byFingerprint.forEach((fp, s) -> known.put(s.getFullName(), SingleObjectEncoder.hex(fp)));
        return known;
    }

    /**
     * One JSON line: decimals as exact strings at the schema's scale ({@code "102571.17000000"}), timestamps as
     * numbers (µs), enums as strings, maps as objects, arrays as arrays, nullable fields as the value or null.
     */
    public String toJson(GenericRecord record) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, record.getSchema(), record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Schema schema, Object value) throws IOException {
        switch (schema.getType()) {
            case RECORD -> {
                GenericRecord r = (GenericRecord) value;
                g.writeStartObject();
                for (Schema.Field f : schema.getFields()) {
                    g.writeFieldName(f.name());
                    write(g, f.schema(), r.get(f.pos()));
                }
                g.writeEndObject();
            }
            case UNION -> write(g, schema.getTypes().get(GenericData.get().resolveUnion(schema, value)), value);
            case NULL -> g.writeNull();
            case STRING, ENUM -> g.writeString(value.toString());
            case BOOLEAN -> g.writeBoolean((Boolean) value);
            case INT -> g.writeNumber((Integer) value);
            case LONG -> g.writeNumber((Long) value);
            case FLOAT -> g.writeNumber((Float) value);
            case DOUBLE -> g.writeNumber((Double) value);
            case ARRAY -> {
                g.writeStartArray();
                for (Object item : (Collection<?>) value) {
                    write(g, schema.getElementType(), item);
                }
                g.writeEndArray();
            }
            case MAP -> {
                g.writeStartObject();
                // sorted, so that the same record always prints the same line
                for (Map.Entry<?, ?> e : new TreeMap<>(stringKeys((Map<?, ?>) value)).entrySet()) {
                    g.writeFieldName(e.getKey().toString());
                    write(g, schema.getValueType(), e.getValue());
                }
                g.writeEndObject();
            }
            case BYTES -> writeBytes(g, schema, bytes((ByteBuffer) value));
            case FIXED -> writeBytes(g, schema, ((GenericFixed) value).bytes());
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> m = new HashMap<>();
        map.forEach((k, v) -> m.put(k.toString(), v));
        return m;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static void writeBytes(JsonGenerator g, Schema schema, byte[] bytes) throws IOException {
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal decimal) {
            g.writeString(new BigDecimal(new BigInteger(bytes), decimal.getScale()).toPlainString());
        } else {
            g.writeString(new String(bytes, StandardCharsets.ISO_8859_1)); // Avro's own JSON convention for bytes
        }
    }

    private static String prefixHex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 10); i++) {
            sb.append(String.format("%02X", bytes[i] & 0xFF));
        }
        return sb.toString();
    }
}
