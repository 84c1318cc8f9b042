package io.k2.binance.avro;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.k2.binance.normalize.Fixtures;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.generic.GenericDatumReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The encoder's per-schema cache is bounded: past the bound entries are evicted, counted, and rebuilt on
 * their next record with the same bytes. Subjects are SchemaBuilder records of distinct names.
 */
class SchemaCacheBoundTest {

    private static IndexedRecord subject(int n) {
        Schema schema = SchemaBuilder.record("Subject" + n).namespace("io.k2.test").fields()
                .requiredLong("id").requiredString("symbol").endRecord();
        GenericRecord r = new GenericData.Record(schema);
        r.put("id", 1_000L + n);
        r.put("symbol", "SYM" + n);
        return r;
    }

    private static List<IndexedRecord> subjects(int count) {
        List<IndexedRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(subject(i));
        }
        return out;
    }

    @Test
    void fifteenSubjectsWithRoomForTenLeaveFiveEvicted() {
        AtomicLong evicted = new AtomicLong();
        SingleObjectEncoder encoder = new SingleObjectEncoder(10, evicted::incrementAndGet);
        for (IndexedRecord r : subjects(15)) {
            encoder.encode(r);
        }
        assertThat(evicted.get()).isEqualTo(5);
        assertThat(encoder.cachedSchemas()).isEqualTo(10);
    }

    @Test
    void aSubjectEncodedAfterItsEvictionGivesTheSameBytes() throws Exception {
        AtomicLong evicted = new AtomicLong();
        SingleObjectEncoder encoder = new SingleObjectEncoder(1, evicted::incrementAndGet);
        IndexedRecord first = subject(1);
        IndexedRecord second = subject(2);
        byte[] before = encoder.encode(first);
        encoder.encode(second); // room for one: one of the two is evicted
        assertThat(evicted.get()).isEqualTo(1);
        byte[] after = encoder.encode(first);
        assertThat(after).isEqualTo(before);
        assertThat(encoder.fingerprint(first)).isEqualTo(SingleObjectEncoder.fingerprint(first.getSchema()));
        // and the bytes are what the schema reads back
        GenericRecord back = new GenericDatumReader<GenericRecord>(first.getSchema()).read(null, DecoderFactory.get()
                .binaryDecoder(after, SingleObjectEncoder.HEADER_LENGTH, after.length - SingleObjectEncoder.HEADER_LENGTH, null));
        assertThat(back.get("id")).isEqualTo(1_001L);
        assertThat(back.get("symbol").toString()).isEqualTo("SYM1");
    }

    @Test
    void theAppsOwnRecordsSurviveEvictionByteForByte() {
        var normalizer = Fixtures.normalizer();
        List<IndexedRecord> records = new ArrayList<>();
        for (int line : new int[]{12, 13, 22, 24, 34}) {
            records.add(normalizer.normalize(Fixtures.line(line), null, Fixtures.RECEIVED_AT).record());
        }
        List<byte[]> expected = records.stream().map(new SingleObjectEncoder()::encode).toList();
        AtomicLong evicted = new AtomicLong();
        SingleObjectEncoder tiny = new SingleObjectEncoder(1, evicted::incrementAndGet);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < records.size(); i++) {
                assertThat(tiny.encode(records.get(i))).isEqualTo(expected.get(i));
            }
        }
        assertThat(evicted.get()).isPositive();
        assertThat(tiny.cachedSchemas()).isEqualTo(1);
    }

    @Test
    void memoryStaysFlatWithManySubjects() {
        int max = 10;
        int count = 150;
        AtomicLong evicted = new AtomicLong();
        SingleObjectEncoder encoder = new SingleObjectEncoder(max, evicted::incrementAndGet);
        List<IndexedRecord> subjects = subjects(count);
        for (IndexedRecord r : subjects) {
            encoder.encode(r);
            assertThat(encoder.cachedSchemas()).isLessThanOrEqualTo(max);
        }
        assertThat(encoder.cachedSchemas()).isEqualTo(max);
        assertThat(evicted.get()).isEqualTo(count - max);
    }

    @Test
    void severalThreadsWithManySubjectsNeverFailAndStayBounded() throws Exception {
        int max = 10;
        List<IndexedRecord> subjects = subjects(120);
        SingleObjectEncoder reference = new SingleObjectEncoder();
        List<byte[]> expected = subjects.stream().map(reference::encode).toList();
        AtomicLong evicted = new AtomicLong();
        SingleObjectEncoder shared = new SingleObjectEncoder(max, evicted::incrementAndGet);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 7;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        // every other record walks all subjects (misses), the rest hit four hot ones
                        int k = i % 2 == 0 ? (i / 2 + offset) % subjects.size() : (i + offset) % 4;
                        if (!Arrays.equals(shared.encode(subjects.get(k)), expected.get(k))
                                || !shared.fingerprintHex(subjects.get(k)).equals(
                                        SingleObjectEncoder.fingerprintHex(subjects.get(k).getSchema()))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        shared.encode(subjects.get(0)); // a last miss or hit on a quiet cache runs any maintenance left
        assertThat(shared.cachedSchemas()).isLessThanOrEqualTo(max);
        assertThat(evicted.get()).isGreaterThanOrEqualTo(subjects.size() - max);
    }

    @Test
    void aBoundOutsideOneToAHundredIsRefused() {
        assertThatThrownBy(() -> new SingleObjectEncoder(0, () -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SingleObjectEncoder(101, () -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
