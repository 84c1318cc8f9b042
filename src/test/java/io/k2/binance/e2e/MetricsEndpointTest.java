package io.k2.binance.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /observe/metrics serves Prometheus text with the pipeline's counters, the ack latency quantiles, the
 * connection gauge, the memory monitor's gauges, Camel route metrics and JVM metrics, and the scraped values
 * equal the app's counters and the simulator's ledger.
 */
class MetricsEndpointTest extends PipelineTestSupport {

    private static final List<String> STREAMS = List.of("btcusdt@trade", "ethusdt@trade");


    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder()
                .symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(100)
                .seed(5)
                .build());
    }

    @Override protected String topicPrefix() { return "metrics"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }
    @Override protected String streams() { return "trade"; }

    /** One sample line: name, labels, value. */
    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.trim());
            assertThat(m.matches()).as("a Prometheus sample line: " + line).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return samples;
    }

    /** The samples of this name whose labels include these (name, value, name, value...). */
    private static List<Sample> find(List<Sample> samples, String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    private static double single(List<Sample> samples, String name, String... labels) {
        List<Sample> found = find(samples, name, labels);
        assertThat(found).as(name + " " + String.join(",", labels)).hasSize(1);
        return found.get(0).value();
    }

    @Test
    void prometheusEndpointShowsPipelineRouteAndJvmMetricsMatchingTheCounters() {
        await().atMost(Duration.ofSeconds(20)).until(() -> metrics().total(MetricNames.RECORDS_ACKED) >= 100);
        simulator.stallData(true);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> allAccountedFor()
                && metrics().total(MetricNames.RECORDS_ACKED) == simulator.ledger().count());

        HttpResponse<String> response = observe("/observe/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        List<Sample> samples = parse(response.body());

        // pipeline counters, per stream, equal to the app's counters and to what the simulator sent
        double acked = 0;
        for (String stream : STREAMS) {
            long sent = simulator.ledger().countFor(stream);
            assertThat(sent).isPositive();
            assertThat(single(samples, "k2_events_received_total", "stream", stream))
                    .isEqualTo(counter(MetricNames.EVENTS_RECEIVED, "stream", stream)).isEqualTo(sent);
            assertThat(single(samples, "k2_records_acked_total", "stream", stream))
                    .isEqualTo(counter(MetricNames.RECORDS_ACKED, "stream", stream)).isEqualTo(sent);
            acked += sent;
        }
        assertThat(find(samples, "k2_records_dead_lettered_total")).allMatch(s -> s.value() == 0);

        // ack latency: a summary with quantiles, one observation per acked record
        assertThat(find(samples, "k2_ack_latency_seconds", "type", "trade"))
                .extracting(s -> s.labels().get("quantile")).contains("0.5", "0.99");
        assertThat(find(samples, "k2_ack_latency_seconds", "type", "trade", "quantile", "0.99"))
                .allMatch(s -> s.value() > 0 && s.value() < 30);
        assertThat(single(samples, "k2_ack_latency_seconds_count", "type", "trade")).isEqualTo(acked);
        assertThat(single(samples, "k2_ack_latency_seconds_sum", "type", "trade")).isPositive();

        // the open exchange connection
        assertThat(single(samples, "k2_binance_connections_open")).isEqualTo(1);
        assertThat(single(samples, "k2_binance_connects_total")).isEqualTo(1);

        // the connection lifecycle, under the names the service this replaces used, from the start (dashboards
        // and alerts need the series before the first rotation or reconnect)
        assertThat(find(samples, "binance_connection_lifetime_seconds")).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsKeys("route", "shard", "connection"));
        assertThat(find(samples, "binance_last_pong_timestamp_seconds")).hasSize(1);
        assertThat(single(samples, "binance_pong_timeouts_total")).isZero();
        assertThat(find(samples, "binance_connection_rotations_total")).extracting(s -> s.labels().get("reason"))
                .contains("lifetime", "server_shutdown", "pong_timeout", "stale", "stream_stale", "near_cutoff");
        assertThat(find(samples, "binance_reconnects_total")).extracting(s -> s.labels().get("reason"))
                .contains("close_1006", "connect_failed", "http_429");
        for (String stream : STREAMS) {
            double lastMessage = single(samples, "binance_last_message_timestamp_seconds", "stream", stream);
            assertThat(lastMessage).as("epoch seconds of the last message on " + stream)
                    .isGreaterThan(System.currentTimeMillis() / 1000.0 - 120);
        }
        assertThat(find(samples, "k2_events_duplicates_total")).allMatch(s -> s.value() == 0);

        // gaps (docs/gaps.md): the series exist from the start, at 0, so alerts and panels see them
        for (String stream : STREAMS) {
            assertThat(single(samples, "binance_sequence_gaps_total", "stream", stream)).isZero();
            assertThat(single(samples, "binance_missing_events_total", "stream", stream)).isZero();
        }
        assertThat(single(samples, "binance_gaps_open")).isZero();
        assertThat(single(samples, "binance_gaps_oldest_open_age_seconds")).isZero();
        assertThat(single(samples, "binance_gap_held_frames")).isZero();
        assertThat(single(samples, "binance_rest_banned_until_timestamp_seconds")).isZero();
        assertThat(single(samples, "binance_rest_weight_limit")).isEqualTo(3000);
        assertThat(single(samples, "binance_rest_queue")).isZero();

        // Camel route metrics: one exchange per hand-over of queued frames (k2.ingest.batch-size), so at
        // least one and at most one per frame
        assertThat(single(samples, "camel_exchanges_total", "routeId", "binance-ingest"))
                .isPositive().isLessThanOrEqualTo(metrics().total(MetricNames.EVENTS_RECEIVED));
        assertThat(single(samples, "camel_exchanges_failed_total", "routeId", "binance-ingest")).isZero();
        assertThat(find(samples, "camel_route_policy_seconds_count", "routeId", "binance-ingest")).isNotEmpty();
        // ingest, dead-letter, the two connection-lifecycle timers, the memory monitor and the heap give-back
        // (docs/metrics.md)
        assertThat(single(samples, "camel_routes_running_routes")).isEqualTo(6);
        assertThat(single(samples, "k2_heap_give_backs_total")).as("registered at start, at 0").isZero();

        // the memory monitor, exported under exactly the names of the service this replaces (docs/memory.md):
        // no unit suffix added twice, none missing
        double rss = single(samples, "process_memory_rss_bytes");
        assertThat(rss).isGreaterThan(10_000_000);
        assertThat(single(samples, "process_memory_vms_bytes")).isGreaterThanOrEqualTo(rss);
        assertThat(single(samples, "memory_leak_detection_score")).isBetween(0.0, 1.0);
        assertThat(single(samples, "memory_leak_r2")).isBetween(0.0, 1.0);
        assertThat(find(samples, "memory_leak_slope_mb_per_hour")).hasSize(1);
        assertThat(single(samples, "k2_jvm_heap_after_gc_bytes")).isNotNegative();
        assertThat(single(samples, "k2_process_resident_memory_bytes")).isEqualTo(rss);
        assertThat(samples).extracting(Sample::name)
                .noneMatch(n -> n.startsWith("process_memory_rss_bytes_") || n.startsWith("memory_leak_detection_score_"));

        // JVM metrics from the configured binders
        assertThat(find(samples, "jvm_memory_used_bytes")).isNotEmpty().anyMatch(s -> s.value() > 0);
        assertThat(find(samples, "jvm_threads_live_threads")).isNotEmpty();
        assertThat(find(samples, "process_uptime_seconds")).isNotEmpty();
    }
}
