package io.k2.binance.pipeline;

import io.k2.binance.connection.BinanceFrame;

import java.util.ArrayList;
import java.util.List;

import io.k2.binance.component.BinanceHeaders;
import io.k2.binance.observe.MetricNames;
import io.k2.binance.observe.PipelineMetrics;
import io.k2.binance.testing.CapturedLog;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When even the dead-letter write fails for many frames, the frames are logged in full at ERROR only up to
 * the per-reason limit per minute, then one line says the rest is left out; the failure counter still
 * counts every frame.
 */
class DeadLetterFailureLogIsThrottledTest {

    private static final int FRAMES = 100;

    private final DefaultCamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void fullFrameErrorLinesAreLimitedPerReasonAndTheCounterIsExact() {
        DeadLetters deadLetters = new DeadLetters("dl");
        DeliveryAccounting accounting = new DeliveryAccounting(context);
        DeadLetterStep step = new DeadLetterStep(context, deadLetters, accounting);
        List<Exchange> letters = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            Exchange letter = new DefaultExchange(context);
            letter.getIn().setHeader(BinanceHeaders.STREAM, "btcusdt@trade");
            deadLetters.make(letter, new BinanceFrame("{\"frame\":" + i + "}", "btcusdt@trade", "c-1", 1), "kafka_rejected", "Timeout");
            letters.add(letter);
        }
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new TimeoutException("Topic dl not present in metadata"));
        exchange.getMessage().setBody(letters);

        List<String> errors;
        try (CapturedLog log = CapturedLog.withAppLayout()) {
            step.failed(exchange);
            errors = log.formatted(Level.ERROR);
        }

        List<String> frameLines = errors.stream().filter(l -> l.contains("frame={\"frame\":")).toList();
        assertThat(frameLines).hasSize(20);
        assertThat(errors).hasSize(21); // the 20 frames and one line saying the rest is left out
        assertThat(errors.get(20)).contains("left out").contains("kafka_rejected")
                .contains("k2_records_dead_letter_failed_total");
        assertThat(PipelineMetrics.of(context).total(MetricNames.DEAD_LETTER_FAILED)).isEqualTo(FRAMES);
    }
}
