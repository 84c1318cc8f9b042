package io.k2.binance.connection;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.k2.binance.observe.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator reads when back-pressure ran out and frames are shed: one WARN when it starts, one line a
 * minute with the count while it lasts, one when it ends. Every shed frame is also counted in
 * {@code k2_records_dead_letter_failed_total{reason="ingest_overflow"}}, so the log never has to carry them one
 * by one.
 */
final class ShedLog {

    static final String REASON = "ingest_overflow";
    private static final Logger LOG = LoggerFactory.getLogger(ShedLog.class);
    private static final long EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final String route;
    private final AtomicLong shedSinceLine = new AtomicLong();
    private long lastLineNanos;

    ShedLog(String route) {
        this.route = route;
    }

    void pauseRanOut(Duration maxPause) {
        LOG.warn("{}: the pipeline has not drained its queue within the longest pause ({} s): reading again so that "
                + "Binance's pings are answered; frames that do not fit the queue are shed and counted in "
                + "k2_records_dead_letter_failed_total{{reason=\"{}\"}}. Kafka is too slow or down: see "
                + "docs/runbooks/K2KafkaFallingBehind.md", route, maxPause.toSeconds(), REASON);
    }

    void shed(BinanceFrame frame) {
        shedSinceLine.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastLineNanos >= EVERY_NANOS) {
            lastLineNanos = now;
            LOG.warn("{}: shed {} frame(s) in the last minute because the ingest queue is full (latest from {})", route,
                    shedSinceLine.getAndSet(0), LogText.escape(frame.streamOrUnknown()));
        }
    }

    void recovered() {
        long n = shedSinceLine.getAndSet(0);
        LOG.info("{}: the ingest queue drained; no longer shedding ({} more frame(s) were shed since the last line)",
                route, n);
    }
}
