package io.k2.binance.pipeline;

import io.k2.binance.avro.SingleObjectEncoder;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.apache.camel.Message;

/**
 * Route step {@code encode}: Avro record in, single-object bytes out ({@code C3 01} + schema fingerprint +
 * body), so any consumer holding the .avsc files can decode without a schema registry. camel-avro's
 * marshal writes plain binary without the fingerprint, hence this step (docs/adr/0003).
 */
public class EncodeStep {

    private final SingleObjectEncoder encoder;

    public EncodeStep(SingleObjectEncoder encoder) {
        this.encoder = encoder;
    }

    @Handler
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        SpecificRecordBase record = message.getBody(SpecificRecordBase.class);
        message.setHeader(PipelineHeaders.SCHEMA_FINGERPRINT, encoder.fingerprintHex(record.getSchema()));
        message.setBody(encoder.encode(record));
    }
}
