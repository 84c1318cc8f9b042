package io.k2.binance.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.k2.binance.component.BinanceHeaders;
import io.k2.binance.normalize.BadInputException;
import io.k2.binance.normalize.BadInputReason;
import io.k2.binance.observe.PipelineMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route steps of the {@code dead-letter} route: {@link #prepare} turns a failed exchange into a
 * dead-letter record (value = the raw frame, headers = why), {@link #written} counts it once Kafka has it,
 * {@link #failed} is the last resort when even that write fails.
 */
public class DeadLetterStep {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterStep.class);
    /** Kafka's default max.request.size is 1 MiB; an oversized frame is cut to this so its record still fits. */
    static final int MAX_FRAME_IN_RECORD = 256 * 1024;
    private static final int MAX_ERROR_CHARS = 1_000;

    private final CamelContext context;
    private final DeadLetterLog log = new DeadLetterLog();
    private volatile PipelineMetrics metrics;

    public DeadLetterStep(CamelContext context) {
        this.context = context;
    }

    public void prepare(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = reasonOf(cause);
        String error = cause == null ? "unknown" : abbreviate(describe(cause));
        String raw = exchange.getProperty(PipelineHeaders.RAW_FRAME_PROPERTY, String.class);
        Message message = exchange.getMessage();
        if (raw == null) {
            Object body = message.getBody();
            raw = body instanceof String s ? s : "";
        }
        byte[] value = raw.getBytes(StandardCharsets.UTF_8);
        // the failed attempt's routing headers must not leak into the dead-letter record
        message.removeHeaders("kafka.*");
        message.removeHeader(PipelineHeaders.SCHEMA_FINGERPRINT);
        message.removeHeader(BinanceHeaders.OVERSIZED);
        String stream = message.getHeader(BinanceHeaders.STREAM, String.class);
        message.setHeader(PipelineHeaders.REASON, reason);
        message.setHeader(PipelineHeaders.ERROR, error);
        if (value.length > MAX_FRAME_IN_RECORD) {
            message.setHeader(PipelineHeaders.TRUNCATED, "true");
            message.setHeader(PipelineHeaders.FRAME_BYTES, Integer.toString(value.length));
            value = Arrays.copyOf(value, MAX_FRAME_IN_RECORD);
        }
        // keyed by stream, so one stream's dead letters share a partition. Bad input keeps arrival order;
        // Kafka rejections arrive in the order their sends finally failed, which can differ.
        message.setHeader(KafkaConstants.KEY, stream == null ? "unknown" : stream);
        message.setBody(value);
        log.warn(reason, stream, error, raw.length() > 300 ? raw.substring(0, 300) + "...(" + raw.length() + " chars)" : raw);
    }

    public void written(Exchange exchange) {
        Message message = exchange.getMessage();
        metrics().deadLettered(message.getHeader(BinanceHeaders.STREAM, String.class),
                message.getHeader(PipelineHeaders.REASON, String.class));
    }

    public void failed(Exchange exchange) {
        Message message = exchange.getMessage();
        String stream = message.getHeader(BinanceHeaders.STREAM, String.class);
        String reason = message.getHeader(PipelineHeaders.REASON, String.class);
        metrics().deadLetterFailed(stream, reason);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        byte[] body = message.getBody(byte[].class);
        LOG.error("Could not write to the dead-letter topic ({}); the frame is logged here so it is not lost. "
                        + "stream={} reason={} error=\"{}\" receivedAt={} frame={}", cause, stream, reason,
                message.getHeader(PipelineHeaders.ERROR), message.getHeader(BinanceHeaders.RECEIVED_AT),
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    static String reasonOf(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BadInputException bad) {
                return bad.reason().tag();
            }
            if (t.getClass().getName().startsWith("org.apache.kafka.")) {
                return BadInputReason.KAFKA_REJECTED.tag();
            }
        }
        return BadInputReason.INTERNAL_ERROR.tag();
    }

    private static String describe(Throwable cause) {
        return cause instanceof BadInputException ? cause.getMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= MAX_ERROR_CHARS ? s : s.substring(0, MAX_ERROR_CHARS) + "...";
    }

    private PipelineMetrics metrics() {
        PipelineMetrics m = metrics;
        if (m == null) {
            m = PipelineMetrics.of(context);
            metrics = m;
        }
        return m;
    }
}
