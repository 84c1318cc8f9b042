package io.k2.binance.pipeline;

import java.util.List;

import io.k2.binance.component.BinanceHeaders;
import io.k2.binance.connection.BinanceFrame;
import io.k2.binance.normalize.Timestamps;
import io.k2.binance.observe.PipelineMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Route step {@code delivered}, after the Kafka send: the route only gets there once Kafka has acked
 * every record of the exchange, so this counts them: data records as acked (with their receive-to-ack
 * latency), dead letters by stream and reason.
 */
public class DeliveryAccounting implements Processor {

    private final CamelContext context;
    private volatile PipelineMetrics metrics;

    public DeliveryAccounting(CamelContext context) {
        this.context = context;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        long now = Timestamps.nowMicros();
        for (Exchange record : (List<Exchange>) exchange.getMessage().getBody(List.class)) {
            count(record, now);
        }
    }

    /** Counts one record Kafka has acked. */
    void count(Exchange record, long nowMicros) {
        Message m = record.getIn();
        String stream = m.getHeader(BinanceHeaders.STREAM, String.class);
        Object outcome = record.getProperty(RecordOutcome.PROPERTY);
        if (outcome == RecordOutcome.DEAD_LETTER) {
            metrics().deadLettered(stream, m.getHeader(PipelineHeaders.REASON, String.class));
        } else if (outcome == RecordOutcome.GAP) {
            metrics().gapRecordAcked(m.getHeader(PipelineHeaders.GAP_RECORD, String.class));
        } else if (record.getProperty(PipelineHeaders.RAW_FRAME_PROPERTY) instanceof BinanceFrame f && !f.live()) {
            // backfilled events and snapshots were never received off a socket: counted apart, so that
            // received = acked + dead-lettered + ... still balances
            metrics().restRecordAcked(stream, f.origin().name().toLowerCase(java.util.Locale.ROOT));
        } else {
            Long receivedAt = record.getProperty(BinanceHeaders.RECEIVED_AT_MICROS_PROPERTY, Long.class);
            metrics().acked(stream, m.getHeader(PipelineHeaders.EVENT_TYPE, String.class),
                    receivedAt == null ? 0 : receivedAt, nowMicros);
        }
    }

    PipelineMetrics metrics() {
        PipelineMetrics m = metrics;
        if (m == null) {
            m = PipelineMetrics.of(context);
            metrics = m;
        }
        return m;
    }

}
