package io.k2.binance.component;

import java.time.Duration;
import java.util.List;

import io.k2.binance.connection.BinanceFrame;
import io.k2.binance.observe.PipelineMetrics;
import io.k2.binance.observe.ThrottledLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Frames the route could not settle at all (not even as a dead letter), counted exactly and logged within
 * limits: a broken dead-letter path or a shutdown with Kafka down can leave thousands, and the log must stay
 * readable. The counter {@code k2_records_dead_letter_failed_total} carries every one.
 */
final class UnsettledLog {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceConsumer.class);
    static final String UNACCOUNTED = "unaccounted";
    static final String SHUTDOWN_UNSETTLED = "shutdown_unsettled";
    private static final int EXCERPT_CHARS = 300;

    private final ThrottledLog failed = new ThrottledLog(LOG, Level.ERROR, 20,
            "k2_records_dead_letter_failed_total{reason=\"" + UNACCOUNTED + "\"}");

    /** The route failed these frames and its error policy could not dead-letter them. */
    void failed(List<BinanceFrame> frames, Throwable cause, PipelineMetrics metrics) {
        for (BinanceFrame f : frames) {
            metrics.deadLetterFailed(f.stream(), UNACCOUNTED);
        }
        BinanceFrame first = frames.get(0);
        String text = first.text();
        failed.log(UNACCOUNTED, "{} frame(s) neither written to Kafka nor dead-lettered ({}); counted in "
                        + "k2_records_dead_letter_failed_total{{reason=\"{}\"}}. First: stream={} connectionId={} receivedAt={} "
                        + "frame={}", frames.size(), cause.toString(), UNACCOUNTED, first.stream(), first.connectionId(),
                first.receivedAtMicros(), text.length() > EXCERPT_CHARS
                        ? text.substring(0, EXCERPT_CHARS) + "...(" + text.length() + " chars)" : text);
    }

    /** What a shutdown could not settle within its budget: counted, and one line with the counts. */
    void atShutdown(List<BinanceFrame> unsent, int awaitingKafka, Duration budget, PipelineMetrics metrics) {
        for (BinanceFrame f : unsent) {
            metrics.deadLetterFailed(f.stream(), SHUTDOWN_UNSETTLED);
        }
        if (!unsent.isEmpty() || awaitingKafka > 0) {
            LOG.error("Shutdown budget of {} s (k2.ingest.shutdown-drain-seconds) ran out: {} received frame(s) were "
                            + "never handed to Kafka (counted in k2_records_dead_letter_failed_total{{reason=\"{}\"}}) and {} "
                            + "were still awaiting Kafka's answer. Is Kafka reachable? See docs/runbooks/K2KafkaFallingBehind.md",
                    budget.toSeconds(), unsent.size(), SHUTDOWN_UNSETTLED, awaitingKafka);
        }
    }
}
