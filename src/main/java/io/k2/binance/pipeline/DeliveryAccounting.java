package io.k2.binance.pipeline;

import io.k2.binance.component.BinanceHeaders;
import io.k2.binance.observe.PipelineMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;

/**
 * Route step {@code delivered}, after the Kafka send: the route only gets there once Kafka has acked, so
 * this counts acked records and their receive-to-ack latency. Also counts control frames.
 */
public class DeliveryAccounting {

    private final CamelContext context;
    private volatile PipelineMetrics metrics;

    public DeliveryAccounting(CamelContext context) {
        this.context = context;
    }

    @Handler
    public void acked(Exchange exchange) {
        Long receivedAt = exchange.getProperty(BinanceHeaders.RECEIVED_AT_MICROS_PROPERTY, Long.class);
        metrics().acked(exchange.getMessage().getHeader(BinanceHeaders.STREAM, String.class),
                exchange.getMessage().getHeader(PipelineHeaders.EVENT_TYPE, String.class),
                receivedAt == null ? 0 : receivedAt, nowMicros());
    }

    /** Frames that are not events (subscription responses, serverShutdown): counted, not sent anywhere. */
    public void control(Exchange exchange) {
        metrics().control(exchange.getMessage().getHeader(PipelineHeaders.CONTROL, String.class));
    }

    private PipelineMetrics metrics() {
        PipelineMetrics m = metrics;
        if (m == null) {
            m = PipelineMetrics.of(context);
            metrics = m;
        }
        return m;
    }

    private static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
