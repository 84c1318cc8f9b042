package io.k2.binance.pipeline;

import java.util.List;

import io.k2.binance.avro.SingleObjectEncoder;
import io.k2.binance.connection.BinanceFrame;
import io.k2.binance.normalize.BadInputReason;
import org.apache.avro.specific.SpecificRecordBase;
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

    private final SingleObjectEncoder encoder;
    private final DeadLetters deadLetters;

    public EncodeStep(SingleObjectEncoder encoder, DeadLetters deadLetters) {
        this.encoder = encoder;
        this.deadLetters = deadLetters;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        for (Exchange record : (List<Exchange>) exchange.getMessage().getBody(List.class)) {
            if (record.getProperty(RecordOutcome.PROPERTY) == RecordOutcome.DEAD_LETTER) {
                continue;
            }
            Message m = record.getIn();
            try {
                SpecificRecordBase avro = (SpecificRecordBase) m.getBody();
                m.setHeader(PipelineHeaders.SCHEMA_FINGERPRINT, encoder.fingerprintHex(avro.getClass()));
                m.setBody(encoder.encode(avro));
            } catch (RuntimeException bug) {
                LOG.error("Encoding a record failed unexpectedly; its frame is dead-lettered as internal_error", bug);
                deadLetters.make(record, record.getProperty(PipelineHeaders.RAW_FRAME_PROPERTY, BinanceFrame.class),
                        BadInputReason.INTERNAL_ERROR.tag(), DeadLetters.describe(bug));
            }
        }
    }
}
