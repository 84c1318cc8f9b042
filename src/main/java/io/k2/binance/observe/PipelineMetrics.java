package io.k2.binance.observe;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;

/**
 * The per-event counters of the pipeline. Meters are cached per tag value because a registry lookup on
 * every event costs more than the rest of the counting. Stream tags are limited to the configured
 * streams (anything else counts as "other"), so a misbehaving server cannot blow up the series count.
 */
public final class PipelineMetrics {

    public static final String OTHER_STREAM = "other";

    private final MeterRegistry registry;
    private final Set<String> knownStreams = ConcurrentHashMap.newKeySet();
    private final Map<String, Counter> received = new ConcurrentHashMap<>();
    private final Map<String, Counter> acked = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetterFailed = new ConcurrentHashMap<>();
    private final Map<String, Timer> ackLatency = new ConcurrentHashMap<>();
    private final Map<String, Counter> control = new ConcurrentHashMap<>();
    private final Map<String, Counter> duplicates = new ConcurrentHashMap<>();

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registry name of the shared instance. */
    public static final String BEAN_NAME = "k2PipelineMetrics";

    /**
     * The context's instance, created on first use over the Micrometer registry that camel-main binds
     * (the Prometheus one), or over a simple in-memory registry when metrics are switched off. Looked up
     * lazily because camel-main creates its registry after configuration classes have run.
     */
    public static PipelineMetrics of(CamelContext context) {
        synchronized (context) {
            PipelineMetrics existing = context.getRegistry().lookupByNameAndType(BEAN_NAME, PipelineMetrics.class);
            if (existing != null) {
                return existing;
            }
            MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
            PipelineMetrics created = new PipelineMetrics(registry != null ? registry : new SimpleMeterRegistry());
            context.getRegistry().bind(BEAN_NAME, created);
            return created;
        }
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Streams outside this set are tagged "other". Called by each endpoint with its streams. */
    public void registerStreams(Iterable<String> streams) {
        for (String s : streams) {
            knownStreams.add(s);
        }
    }

    public String streamTag(String stream) {
        return stream != null && knownStreams.contains(stream) ? stream : OTHER_STREAM;
    }

    public void received(String stream) {
        received.computeIfAbsent(streamTag(stream),
                s -> Counter.builder(MetricNames.EVENTS_RECEIVED).description("Frames read off a Binance socket")
                        .tag(MetricNames.TAG_STREAM, s).register(registry)).increment();
    }

    public void acked(String stream, String type, long receivedAtMicros, long nowMicros) {
        acked.computeIfAbsent(streamTag(stream),
                s -> Counter.builder(MetricNames.RECORDS_ACKED).description("Records acknowledged by Kafka")
                        .tag(MetricNames.TAG_STREAM, s).register(registry)).increment();
        if (receivedAtMicros > 0) {
            ackLatency.computeIfAbsent(type == null ? "unknown" : type,
                    t -> Timer.builder(MetricNames.ACK_LATENCY).description("Receive-to-Kafka-ack latency")
                            .tag(MetricNames.TAG_TYPE, t).publishPercentiles(0.5, 0.99)
                            // quantiles over roughly the last minute, not Micrometer's default two
                            .distributionStatisticExpiry(java.time.Duration.ofMinutes(1))
                            .publishPercentileHistogram(false).register(registry))
                    .record(Math.max(0, nowMicros - receivedAtMicros), TimeUnit.MICROSECONDS);
        }
    }

    public void deadLettered(String stream, String reason) {
        deadLettered.computeIfAbsent(streamTag(stream) + '|' + reason,
                k -> Counter.builder(MetricNames.DEAD_LETTERED).description("Records written to the dead-letter topic")
                        .tag(MetricNames.TAG_STREAM, streamTag(stream)).tag(MetricNames.TAG_REASON, reason)
                        .register(registry)).increment();
    }

    public void deadLetterFailed(String stream, String reason) {
        deadLetterFailed.computeIfAbsent(streamTag(stream) + '|' + reason,
                k -> Counter.builder(MetricNames.DEAD_LETTER_FAILED)
                        .description("Frames that could not be written even to the dead-letter topic")
                        .tag(MetricNames.TAG_STREAM, streamTag(stream)).tag(MetricNames.TAG_REASON, reason)
                        .register(registry)).increment();
    }

    public void control(String kind) {
        control.computeIfAbsent(kind == null ? "unknown" : kind,
                k -> Counter.builder(MetricNames.CONTROL_FRAMES)
                        .description("Frames that are not events: subscription responses, serverShutdown")
                        .tag(MetricNames.TAG_KIND, k).register(registry)).increment();
    }

    /** A record made from a REST answer (backfill, snapshot) Kafka acked on its data topic. */
    public void restRecordAcked(String stream, String origin) {
        registry.counter(MetricNames.RECORDS_ACKED_FROM_REST, MetricNames.TAG_STREAM, stream == null ? "unknown" : stream,
                MetricNames.TAG_ORIGIN, origin).increment();
    }

    /** A gap record Kafka acked on the gaps topic; {@code record} is DETECTED or CLOSED. */
    public void gapRecordAcked(String record) {
        registry.counter(MetricNames.GAP_RECORDS, MetricNames.TAG_RECORD,
                record == null ? "unknown" : record.toLowerCase(java.util.Locale.ROOT)).increment();
    }

    public void duplicate(String stream) {
        duplicates.computeIfAbsent(streamTag(stream),
                s -> Counter.builder(MetricNames.DUPLICATES)
                        .description("Frames dropped because the same event was already delivered")
                        .tag(MetricNames.TAG_STREAM, s).register(registry)).increment();
    }

    /** Sum over all tags, for status lines and tests. */
    public double total(String meterName) {
        return registry.find(meterName).counters().stream().mapToDouble(Counter::count).sum();
    }
}
