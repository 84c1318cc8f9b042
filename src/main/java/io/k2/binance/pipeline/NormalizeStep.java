package io.k2.binance.pipeline;

import io.k2.binance.component.BinanceHeaders;
import io.k2.binance.normalize.BadInputException;
import io.k2.binance.normalize.BadInputReason;
import io.k2.binance.normalize.BinanceNormalizer;
import io.k2.binance.normalize.ControlFrameException;
import io.k2.binance.normalize.NormalizedEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Route step {@code normalize}: JSON frame in, Avro record out, with the headers the rest of the route
 * and the Kafka record need. Bad input throws {@link BadInputException}; the route's error policy
 * dead-letters it.
 */
public class NormalizeStep {

    private final BinanceNormalizer normalizer;

    public NormalizeStep(BinanceNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Handler
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String frame = message.getBody(String.class);
        exchange.setProperty(PipelineHeaders.RAW_FRAME_PROPERTY, frame);
        if (Boolean.TRUE.equals(message.getHeader(BinanceHeaders.OVERSIZED))) {
            throw new BadInputException(BadInputReason.OVERSIZED_FRAME, "frame of " + frame.length()
                    + " characters is larger than k2.binance.max-frame-bytes");
        }
        String stream = message.getHeader(BinanceHeaders.STREAM, String.class);
        Long receivedAt = exchange.getProperty(BinanceHeaders.RECEIVED_AT_MICROS_PROPERTY, Long.class);
        NormalizedEvent event;
        try {
            event = normalizer.normalize(frame, "unknown".equals(stream) ? null : stream,
                    receivedAt != null ? receivedAt : System.currentTimeMillis() * 1000);
        } catch (ControlFrameException control) {
            message.setHeader(PipelineHeaders.CONTROL, control.kind().name());
            return;
        }
        message.setHeader(BinanceHeaders.STREAM, event.stream());
        message.setHeader(PipelineHeaders.EVENT_TYPE, event.type().streamType());
        message.setHeader(PipelineHeaders.EVENT_ID, event.messageId());
        message.setHeader(KafkaConstants.KEY, event.symbol());
        message.setBody(event.record());
    }
}
