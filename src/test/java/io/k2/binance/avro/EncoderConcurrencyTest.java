package io.k2.binance.avro;

import io.k2.binance.normalize.Fixtures;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** One encoder shared by several threads produces the same bytes as a single thread does. */
class EncoderConcurrencyTest {

    @Test
    void sharedEncoderIsThreadSafe() throws Exception {
        SingleObjectEncoder shared = new SingleObjectEncoder();
        var normalizer = Fixtures.normalizer();
        List<SpecificRecordBase> records = new ArrayList<>();
        for (int line : new int[]{12, 13, 22, 24, 34}) {
            records.add(normalizer.normalize(Fixtures.line(line), null, Fixtures.RECEIVED_AT).record());
        }
        SingleObjectEncoder reference = new SingleObjectEncoder();
        List<byte[]> expected = records.stream().map(reference::encode).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        int k = (i + offset) % records.size();
                        if (!java.util.Arrays.equals(shared.encode(records.get(k)), expected.get(k))) {
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
    }
}
