package io.k2.binance.pipeline;

import java.util.List;

import io.k2.binance.avro.SingleObjectEncoder;
import io.k2.binance.connection.BinanceFrame;
import io.k2.binance.normalize.BadInputReason;
import io.k2.binance.observe.MetricNames;
import io.k2.binance.observe.PipelineMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route step {@code encode}: each data record's Avro record becomes single-object bytes ({@code C3 01} +
 * schema fingerprint + body), so any consumer holding the .avsc files can decode without a schema
 * registry. camel-avro's marshal writes plain binary without the fingerprint, hence this step
 * (docs/adr/0003).
 */
public class EncodeStep implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(EncodeStep.class);

    private final CamelContext context;
    private final int cacheMaxSize;
    private final DeadLetters deadLetters;
    private volatile SingleObjectEncoder encoder;

    /** @param cacheMaxSize schemas the encoder keeps writers for (k2.kafka.serializer-cache-max-size) */
    public EncodeStep(CamelContext context, int cacheMaxSize, DeadLetters deadLetters) {
        this.context = context;
        this.cacheMaxSize = cacheMaxSize;
        this.deadLetters = deadLetters;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        SingleObjectEncoder encoder = encoder();
        for (Exchange record : (List<Exchange>) exchange.getMessage().getBody(List.class)) {
            if (record.getProperty(RecordOutcome.PROPERTY) == RecordOutcome.DEAD_LETTER) {
                continue;
            }
            Message m = record.getIn();
            try {
                SpecificRecordBase avro = (SpecificRecordBase) m.getBody();
                m.setHeader(PipelineHeaders.SCHEMA_FINGERPRINT, encoder.fingerprintHex(avro));
                m.setBody(encoder.encode(avro));
            } catch (RuntimeException bug) {
                LOG.error("Encoding a record failed unexpectedly; its frame is dead-lettered as internal_error", bug);
                deadLetters.make(record, record.getProperty(PipelineHeaders.RAW_FRAME_PROPERTY, BinanceFrame.class),
                        BadInputReason.INTERNAL_ERROR.tag(), DeadLetters.describe(bug));
            }
        }
    }

    /**
     * Made on the first exchange, not in the constructor: its meters go to camel-main's registry, which exists
     * only once configuration is done (see {@link PipelineMetrics#of}). Only this step encodes, so no eviction
     * can happen before the meters are there.
     */
    private SingleObjectEncoder encoder() {
        SingleObjectEncoder e = encoder;
        if (e == null) {
            synchronized (this) {
                e = encoder;
                if (e == null) {
                    e = meteredEncoder(PipelineMetrics.of(context).registry(), cacheMaxSize);
                    encoder = e;
                }
            }
        }
        return e;
    }

    /**
     * An encoder whose schema cache is seen as {@code serializer_cache_size} and
     * {@code serializer_cache_evictions_total}. The gauge holds the encoder strongly: a weakly held one reads
     * NaN once the GC has collected its object. The evictions are a plain counter the cache increments.
     */
    static SingleObjectEncoder meteredEncoder(MeterRegistry registry, int cacheMaxSize) {
        Counter evictions = Counter.builder(MetricNames.SERIALIZER_CACHE_EVICTIONS)
                .description("Schema entries evicted from the encoder's cache; each is rebuilt on its next record")
                .register(registry);
        SingleObjectEncoder encoder = new SingleObjectEncoder(cacheMaxSize, evictions::increment);
        Gauge.builder(MetricNames.SERIALIZER_CACHE_SIZE, encoder, SingleObjectEncoder::cachedSchemas)
                .description("Schemas whose single-object writer the encoder holds now")
                .strongReference(true).register(registry);
        return encoder;
    }
}
