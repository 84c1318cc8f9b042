package io.k2.binance.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.k2.binance.connection.BinanceFrame;
import io.k2.binance.component.BinanceHeaders;
import io.k2.binance.normalize.Timestamps;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultExchange;
import io.k2.binance.observe.ThrottledLog;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Route steps of the {@code dead-letter} route, which the ingest route's error policy calls when an
 * exchange failed, in practice because Kafka refused some of its records after the producer's retries.
 * {@link #prepare} counts the records Kafka did ack (camel-kafka marks them with their RecordMetadata)
 * and turns every other one into a dead letter with the raw frame; {@link #written} counts those once
 * Kafka has them; {@link #failed} is the last resort: the frame in full at ERROR (throttled per reason), and a
 * counter for every one.
 */
public class DeadLetterStep {

    /**
     * The last-resort log: in a long outage every frame fails here, so at most this many full frames per
     * reason per minute are logged; k2_records_dead_letter_failed_total counts all of them.
     */
    private final ThrottledLog failedLog = new ThrottledLog(LoggerFactory.getLogger(DeadLetterStep.class), Level.ERROR,
            DeadLetters.LINES_PER_MINUTE, "k2_records_dead_letter_failed_total");

    private final CamelContext context;
    private final DeadLetters deadLetters;
    private final DeliveryAccounting accounting;

    public DeadLetterStep(CamelContext context, DeadLetters deadLetters, DeliveryAccounting accounting) {
        this.context = context;
        this.deadLetters = deadLetters;
        this.accounting = accounting;
    }

    @SuppressWarnings("unchecked")
    public void prepare(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Message message = exchange.getMessage();
        List<?> body = message.getBody(List.class);
        List<Exchange> letters = new ArrayList<>();
        long now = Timestamps.nowMicros();
        if (body != null && !body.isEmpty() && body.get(0) instanceof Exchange) {
            for (Exchange record : (List<Exchange>) body) {
                if (acked(record)) {
                    accounting.count(record, now);
                    continue;
                }
                Throwable why = record.getException() != null ? record.getException() : cause;
                String reason = DeadLetters.reasonOf(why);
                String error = DeadLetters.describe(why);
                if (record.getProperty(RecordOutcome.PROPERTY) == RecordOutcome.DEAD_LETTER) {
                    // a dead letter that could not be written: try once more, with its original reason
                    reason = record.getIn().getHeader(PipelineHeaders.REASON, String.class);
                    error = record.getIn().getHeader(PipelineHeaders.ERROR, String.class) + " (first write failed: "
                            + DeadLetters.describe(why) + ")";
                }
                letters.add(letter(record.getIn().getHeader(BinanceHeaders.STREAM, String.class),
                        record.getIn().getHeader(BinanceHeaders.CONNECTION_ID, String.class),
                        record.getProperty(BinanceHeaders.RECEIVED_AT_MICROS_PROPERTY, Long.class),
                        record.getProperty(PipelineHeaders.RAW_FRAME_PROPERTY, BinanceFrame.class),
                        record.getIn().getHeader(PipelineHeaders.EVENT_ID, String.class), reason, error));
            }
        } else {
            // failed before records were built: every frame of the exchange is dead-lettered
            for (BinanceFrame f : NormalizeStep.frames(exchange)) {
                letters.add(letter(f.streamOrUnknown(), f.connectionId(), f.receivedAtMicros(), f, null,
                        DeadLetters.reasonOf(cause), cause == null ? "unknown" : DeadLetters.describe(cause)));
            }
        }
        message.setBody(letters);
    }

    /** camel-kafka sets RecordMetadata on every completed record, failed ones too (offset -1): check both. */
    private static boolean acked(Exchange record) {
        return record.getException() == null && record.getIn().getHeader(KafkaConstants.KAFKA_RECORD_META) != null;
    }

    private Exchange letter(String stream, String connectionId, Long receivedAt, BinanceFrame raw, String eventId,
                            String reason, String error) {
        Exchange letter = new DefaultExchange(context);
        Message m = letter.getIn();
        m.setHeader(BinanceHeaders.STREAM, stream == null ? "unknown" : stream);
        m.setHeader(BinanceHeaders.CONNECTION_ID, connectionId);
        if (receivedAt != null) {
            m.setHeader(BinanceHeaders.RECEIVED_AT, Long.toString(receivedAt));
            letter.setProperty(BinanceHeaders.RECEIVED_AT_MICROS_PROPERTY, receivedAt);
        }
        if (eventId != null) {
            m.setHeader(PipelineHeaders.EVENT_ID, eventId);
        }
        letter.setProperty(PipelineHeaders.RAW_FRAME_PROPERTY, raw);
        deadLetters.make(letter, raw, reason, error);
        return letter;
    }

    /** The dead letters are in Kafka. */
    @SuppressWarnings("unchecked")
    public void written(Exchange exchange) {
        long now = Timestamps.nowMicros();
        for (Exchange letter : (List<Exchange>) exchange.getMessage().getBody(List.class)) {
            accounting.count(letter, now);
        }
    }

    /** Even the dead-letter write failed: log each unwritten frame in full, so it is not lost, and count it. */
    @SuppressWarnings("unchecked")
    public void failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        long now = Timestamps.nowMicros();
        for (Exchange letter : (List<Exchange>) exchange.getMessage().getBody(List.class)) {
            Message m = letter.getIn();
            if (acked(letter)) {
                accounting.count(letter, now);
                continue;
            }
            String stream = m.getHeader(BinanceHeaders.STREAM, String.class);
            String reason = m.getHeader(PipelineHeaders.REASON, String.class);
            accounting.metrics().deadLetterFailed(stream, reason);
            byte[] body = m.getBody(byte[].class);
            failedLog.log(reason, "Could not write to the dead-letter topic ({}); the frame is logged here so it is not "
                            + "lost. stream={} reason={} error=\"{}\" receivedAt={} frame={}", cause, stream, reason,
                    m.getHeader(PipelineHeaders.ERROR), m.getHeader(BinanceHeaders.RECEIVED_AT),
                    body == null ? "" : new String(body, StandardCharsets.UTF_8));
        }
    }
}
