package io.k2.binance.pipeline;

import java.util.ArrayList;
import java.util.List;

import io.k2.binance.connection.BinanceFrame;
import io.k2.binance.connection.FrameOrigin;
import io.k2.binance.gap.GapNotice;
import io.k2.binance.component.BinanceHeaders;
import io.k2.binance.normalize.BadInputException;
import io.k2.binance.normalize.BadInputReason;
import io.k2.binance.normalize.BinanceNormalizer;
import io.k2.binance.normalize.ControlFrameException;
import io.k2.binance.normalize.NormalizedEvent;
import io.k2.binance.observe.LogText;
import io.k2.binance.observe.PipelineMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route step {@code normalize}: the frames of one exchange in, one Kafka record per frame out (body
 * {@code List<Exchange>}, which camel-kafka sends as one record each, with its own key, topic and headers).
 * Each record is an Avro record for its event topic, or, for bad input, a dead letter with the raw frame
 * and the reason. Frames that are not events (subscription responses, serverShutdown) are counted and
 * dropped here. One bad frame never fails the others.
 */
public class NormalizeStep implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(NormalizeStep.class);

    private final CamelContext context;
    private final BinanceNormalizer normalizer;
    private final Topics topics;
    private final DeadLetters deadLetters;
    private volatile PipelineMetrics metrics;

    public NormalizeStep(CamelContext context, BinanceNormalizer normalizer, Topics topics, DeadLetters deadLetters) {
        this.context = context;
        this.normalizer = normalizer;
        this.topics = topics;
        this.deadLetters = deadLetters;
    }

    @Override
    public void process(Exchange exchange) {
        List<BinanceFrame> frames = frames(exchange);
        List<Exchange> records = new ArrayList<>(frames.size());
        for (BinanceFrame frame : frames) {
            Exchange record = newRecord(frame);
            try {
                if (frame.oversized()) {
                    throw new BadInputException(BadInputReason.OVERSIZED_FRAME, "message of " + frame.oversizedBytes()
                            + " characters is larger than k2.binance.max-frame-bytes");
                }
                if (frame.origin() == FrameOrigin.GAP_RECORD) {
                    gapRecord(record, frame);
                    records.add(record);
                    continue;
                }
                NormalizedEvent event = frame.origin() == FrameOrigin.SNAPSHOT
                        ? normalizer.restSnapshot(frame.text(), frame.stream(), frame.receivedAtMicros())
                        : normalizer.normalize(frame.text(), frame.stream(), frame.receivedAtMicros());
                Message m = record.getIn();
                if (frame.origin() == FrameOrigin.BACKFILL) {
                    m.setHeader(PipelineHeaders.BACKFILLED, "true");
                }
                if (!frame.live()) {
                    m.setHeader(PipelineHeaders.ORIGIN, frame.origin().name().toLowerCase(java.util.Locale.ROOT));
                }
                m.setHeader(BinanceHeaders.STREAM, event.stream());
                m.setHeader(PipelineHeaders.EVENT_TYPE, event.type().streamType());
                m.setHeader(PipelineHeaders.EVENT_ID, event.messageId());
                m.setHeader(KafkaConstants.KEY, event.symbol());
                m.setHeader(KafkaConstants.OVERRIDE_TOPIC, topics.of(event.type()));
                m.setBody(event.record());
                record.setProperty(RecordOutcome.PROPERTY, RecordOutcome.DATA);
            } catch (ControlFrameException control) {
                metrics().control(control.kind().name());
                continue;
            } catch (BadInputException bad) {
                deadLetters.make(record, frame, bad.reason().tag(), bad.getMessage());
            } catch (RuntimeException bug) {
                // the stream name and the message may come from the frame: escaped (the stack trace is kept
                // on the same line by the log layout)
                LOG.error("Normalizing a frame from {} failed unexpectedly ({}); it is dead-lettered as internal_error",
                        LogText.escape(frame.streamOrUnknown()), LogText.escape(DeadLetters.describe(bug)), bug);
                deadLetters.make(record, frame, BadInputReason.INTERNAL_ERROR.tag(), DeadLetters.describe(bug));
            }
            records.add(record);
        }
        exchange.getMessage().setBody(records);
    }

    /** A gap closer's notice: a GapV1 record on the gaps topic, keyed by symbol like the stream's own records. */
    private void gapRecord(Exchange record, BinanceFrame frame) {
        GapNotice notice = GapNotice.parse(frame.text());
        Message m = record.getIn();
        m.setHeader(PipelineHeaders.EVENT_TYPE, "gap");
        m.setHeader(PipelineHeaders.EVENT_ID, GapRecords.messageId(notice));
        m.setHeader(PipelineHeaders.GAP_RECORD, notice.record());
        m.setHeader(KafkaConstants.KEY, notice.symbol());
        m.setHeader(KafkaConstants.OVERRIDE_TOPIC, topics.gaps());
        m.setBody(GapRecords.toAvro(notice));
        record.setProperty(RecordOutcome.PROPERTY, RecordOutcome.GAP);
    }

    private Exchange newRecord(BinanceFrame frame) {
        Exchange record = new DefaultExchange(context);
        record.setProperty(PipelineHeaders.RAW_FRAME_PROPERTY, frame);
        record.setProperty(BinanceHeaders.RECEIVED_AT_MICROS_PROPERTY, frame.receivedAtMicros());
        Message m = record.getIn();
        m.setHeader(BinanceHeaders.STREAM, frame.streamOrUnknown());
        m.setHeader(BinanceHeaders.CONNECTION_ID, frame.connectionId());
        // a decimal string, so any Kafka tool can read the record header
        m.setHeader(BinanceHeaders.RECEIVED_AT, Long.toString(frame.receivedAtMicros()));
        return record;
    }

    /** A batch from the endpoint (batchSize > 1), or the single frame of a batchSize=1 endpoint. */
    @SuppressWarnings("unchecked")
    static List<BinanceFrame> frames(Exchange exchange) {
        Message m = exchange.getMessage();
        Object body = m.getBody();
        if (body instanceof List<?> list) {
            return (List<BinanceFrame>) list;
        }
        BinanceFrame frame = exchange.getProperty(BinanceHeaders.FRAME_PROPERTY, BinanceFrame.class);
        if (frame != null) {
            return List.of(frame);
        }
        // an exchange that did not come from the binance endpoint (e.g. a test route feeding text)
        Long receivedAt = exchange.getProperty(BinanceHeaders.RECEIVED_AT_MICROS_PROPERTY, Long.class);
        String stream = m.getHeader(BinanceHeaders.STREAM, String.class);
        return List.of(new BinanceFrame(m.getBody(String.class), "unknown".equals(stream) ? null : stream,
                m.getHeader(BinanceHeaders.CONNECTION_ID, String.class),
                receivedAt != null ? receivedAt : System.currentTimeMillis() * 1000));
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
