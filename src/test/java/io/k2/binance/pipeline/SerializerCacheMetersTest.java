package io.k2.binance.pipeline;

import java.lang.ref.WeakReference;

import io.k2.binance.avro.SingleObjectEncoder;
import io.k2.binance.observe.MetricNames;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The encoder's cache is exported under the exact Prometheus names, and its gauge survives a GC. */
class SerializerCacheMetersTest {

    private static GenericRecord subject(int n) {
        Schema schema = SchemaBuilder.record("Metered" + n).namespace("io.k2.test").fields().requiredInt("n").endRecord();
        GenericRecord r = new GenericData.Record(schema);
        r.put("n", n);
        return r;
    }

    @Test
    void sizeAndEvictionsAreScrapedUnderTheirExactNames() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SingleObjectEncoder encoder = EncodeStep.meteredEncoder(registry, 10);
        for (int i = 0; i < 15; i++) {
            encoder.encode(subject(i));
        }
        String scrape = registry.scrape();
        assertThat(scrape).containsPattern("(?m)^serializer_cache_size 10\\.0$")
                .containsPattern("(?m)^serializer_cache_evictions_total 5\\.0$");
    }

    @Test
    void theSizeGaugeStillReadsAfterTheEncoderIsOnlyHeldByTheRegistry() throws InterruptedException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SingleObjectEncoder encoder = EncodeStep.meteredEncoder(registry, 10);
        encoder.encode(subject(1));
        encoder.encode(subject(2));
        WeakReference<SingleObjectEncoder> ref = new WeakReference<>(encoder);
        encoder = null;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }
        // a gauge holding its object weakly would read NaN here (the bug of the old RSS gauge)
        assertThat(ref.get()).as("the gauge keeps the encoder alive").isNotNull();
        assertThat(registry.get(MetricNames.SERIALIZER_CACHE_SIZE).gauge().value()).isEqualTo(2.0);
    }
}
