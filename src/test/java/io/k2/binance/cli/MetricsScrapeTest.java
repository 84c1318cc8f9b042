package io.k2.binance.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsScrapeTest {

    @Test
    void sumsEachMetricOverItsLabelSetsAndFindsLabelledSamples() {
        MetricsScrape s = MetricsScrape.parse("""
                # HELP k2_events_received_total Frames read off a Binance socket
                # TYPE k2_events_received_total counter
                k2_events_received_total{stream="btcusdt@trade"} 10.0
                k2_events_received_total{stream="ethusdt@trade"} 5.0
                k2_ack_latency_seconds{type="trade",quantile="0.5"} 0.002
                k2_ack_latency_seconds{type="depth",quantile="0.99"} 0.05
                k2_ack_latency_seconds{type="trade",quantile="0.99"} 0.01
                garbage line
                """);
        assertThat(s.sum("k2_events_received_total")).isEqualTo(15.0);
        assertThat(s.sum("absent")).isZero();
        assertThat(s.first("k2_ack_latency_seconds", "quantile=\"0.5\"")).isEqualTo(0.002);
        assertThat(s.max("k2_ack_latency_seconds", "quantile=\"0.99\"")).isEqualTo(0.05);
    }

    @Test
    void sumsPerValueOfOneLabel() {
        MetricsScrape s = MetricsScrape.parse("""
                binance_reconnects_total{reason="close_1006",route="binance-ingest"} 2.0
                binance_reconnects_total{route="other",reason="close_1006"} 1.0
                binance_reconnects_total{route="binance-ingest",reason="connect_failed"} 0.0
                binance_reconnects_total{route="binance-ingest",close_reason="x"} 7.0
                """);
        assertThat(s.sumBy("binance_reconnects_total", "reason"))
                .containsOnly(java.util.Map.entry("close_1006", 3.0), java.util.Map.entry("connect_failed", 0.0));
        assertThat(s.sumBy("absent_total", "reason")).isEmpty();
    }
}
