package io.k2.binance.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.k2.binance.component.BinanceHeaders;
import io.k2.binance.connection.BinanceFrame;
import io.k2.binance.normalize.BadInputException;
import io.k2.binance.normalize.BadInputReason;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import io.k2.binance.observe.ThrottledLog;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Turns a record exchange into a dead letter: value = the raw frame, headers = why. Used for bad input
 * (at normalize time) and for records Kafka refused (in the dead-letter route).
 */
public final class DeadLetters {

    /** Kafka's default max.request.size is 1 MiB; an oversized frame is cut to this so its record still fits. */
    static final int MAX_FRAME_IN_RECORD = 256 * 1024;
    private static final int MAX_ERROR_CHARS = 1_000;

    /** One clear WARN line per dead-lettered frame, at most this many per reason per minute. */
    static final int LINES_PER_MINUTE = 20;

    private final String topic;
    private final ThrottledLog log = new ThrottledLog(LoggerFactory.getLogger("io.k2.binance.deadletter"), Level.WARN,
            LINES_PER_MINUTE, "k2_records_dead_lettered_total");

    public DeadLetters(String topic) {
        this.topic = topic;
    }

    /**
     * Makes {@code record} a dead letter for {@code frame}. The value is what arrived, byte for byte (the
     * original bytes of a binary or non-UTF-8 message, never its U+FFFD-decoded text), cut to
     * {@value #MAX_FRAME_IN_RECORD} bytes with {@code k2.truncated} and the full size in {@code k2.frameBytes}.
     * Keeps the stream, connection id and receive time headers; drops everything a data record had.
     */
    public void make(Exchange record, BinanceFrame frame, String reason, String error) {
        String rawFrame = frame == null ? null : frame.text();
        Message m = record.getIn();
        String stream = m.getHeader(BinanceHeaders.STREAM, String.class);
        m.removeHeaders("kafka.*");
        m.removeHeader(PipelineHeaders.SCHEMA_FINGERPRINT);
        m.removeHeader(PipelineHeaders.EVENT_TYPE);
        byte[] value = frame == null ? new byte[0] : frame.originalBytes() != null ? frame.originalBytes()
                : rawFrame.getBytes(StandardCharsets.UTF_8);
        long fullSize = frame != null && frame.oversized() ? frame.oversizedBytes() : value.length;
        String errorText = error == null ? "" : error.length() <= MAX_ERROR_CHARS ? error
                : error.substring(0, MAX_ERROR_CHARS) + "...";
        m.setHeader(PipelineHeaders.REASON, reason);
        m.setHeader(PipelineHeaders.ERROR, errorText);
        if (fullSize > value.length || value.length > MAX_FRAME_IN_RECORD) {
            m.setHeader(PipelineHeaders.TRUNCATED, "true");
            m.setHeader(PipelineHeaders.FRAME_BYTES, Long.toString(fullSize));
            value = Arrays.copyOf(value, Math.min(value.length, MAX_FRAME_IN_RECORD));
        }
        // keyed by stream, so one stream's dead letters share a partition. Bad input keeps arrival order;
        // Kafka rejections arrive in the order their sends finally failed, which can differ.
        m.setHeader(KafkaConstants.KEY, stream == null ? "unknown" : stream);
        m.setHeader(KafkaConstants.OVERRIDE_TOPIC, topic);
        m.setBody(value);
        record.setProperty(RecordOutcome.PROPERTY, RecordOutcome.DEAD_LETTER);
        // every argument is escaped by ThrottledLog: a frame cannot forge log lines
        log.log(reason, "Dead-lettered a frame from {}: reason={} error=\"{}\" frame={}", stream, reason, errorText,
                rawFrame == null ? "" : rawFrame.length() > 300
                        ? rawFrame.substring(0, 300) + "...(" + rawFrame.length() + " chars)" : rawFrame);
    }

    /** The reason tag for a failure: the bad-input reason, kafka_rejected, or internal_error. */
    public static String reasonOf(Throwable cause) {
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

    public static String describe(Throwable cause) {
        return cause instanceof BadInputException ? cause.getMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
