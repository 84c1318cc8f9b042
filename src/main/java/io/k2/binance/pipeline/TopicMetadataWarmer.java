package io.k2.binance.pipeline;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.k2.binance.observe.LogText;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every Kafka producer's metadata for our topics (each data topic and the dead-letter topic) fetched
 * and fresh, and says whether it is: bean {@code kafkaReadiness}, the ingest's delivery gate.
 *
 * <p>Why: a producer fetches a topic's metadata only on its first send to it, and {@code send()} blocks the
 * caller up to {@code max.block.ms} until it has it. So with the broker down at start, the single ingest
 * thread blocked 60 s on its first frame; and the dead-letter topic, rarely written, had no metadata when an
 * outage needed it ("Topic binance.dead-letter not present in metadata after 60000 ms"), or had it evicted
 * after {@code metadata.max.idle.ms} of disuse. Here, each producer (handed over by
 * {@link MetadataWarmingClientFactory}) gets {@code partitionsFor(topic)} for all topics on a background
 * thread, retried until the broker answers, then repeated every fifth of {@code metadata.max.idle.ms} (at most
 * every minute), which marks the topics as used so they are never evicted. Kafka has no setting that
 * pre-fetches or pins topics, hence this class.
 *
 * <p>{@link #getAsBoolean()} is true once every live producer has the metadata of every topic. It stays true in
 * a later outage: cached metadata does not expire, so a send then goes straight to the producer's buffer
 * instead of blocking. A closed producer (its route stopped) is dropped.
 */
public final class TopicMetadataWarmer implements BooleanSupplier, Service {

    private static final Logger LOG = LoggerFactory.getLogger(TopicMetadataWarmer.class);
    private static final long DEFAULT_METADATA_MAX_IDLE_MS = 300_000;
    private static final long MAX_TOUCH_INTERVAL_MS = 60_000;
    private static final long RETRY_DELAY_MS = 1_000;

    private final CamelContext context;
    private final List<String> topics;
    private final List<Warmed> producers = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService executor;

    /** One producer and what is known about its metadata. */
    private final class Warmed {
        final Producer<?, ?> producer;
        final String clientId;
        final long touchIntervalMs;
        final Set<String> fetched = ConcurrentHashMap.newKeySet();
        /** Set while it has warned and not yet got everything: one warning per producer per outage. */
        volatile boolean warned;
        volatile boolean warm;

        Warmed(Producer<?, ?> producer, Properties props) {
            this.producer = producer;
            this.clientId = clientId(producer, props);
            long idle = parse(props.getProperty(ProducerConfig.METADATA_MAX_IDLE_CONFIG), DEFAULT_METADATA_MAX_IDLE_MS);
            this.touchIntervalMs = Math.max(1_000, Math.min(MAX_TOUCH_INTERVAL_MS, idle / 5));
        }
    }

    /** @param topics every topic the producers may write: the data topics and the dead-letter topic */
    public TopicMetadataWarmer(CamelContext context, List<String> topics) {
        this.context = context;
        this.topics = List.copyOf(topics);
    }

    /** True once every producer created so far (and not closed) has metadata for every topic; false with none. */
    @Override
    public boolean getAsBoolean() {
        if (producers.isEmpty()) {
            return false;
        }
        for (Warmed w : producers) {
            if (!w.warm) {
                return false;
            }
        }
        return true;
    }

    /** Starts fetching and keeping the topics' metadata of a new producer. */
    void register(Producer<?, ?> producer, Properties props) {
        Warmed w = new Warmed(producer, props);
        producers.add(w);
        executor().execute(() -> visit(w));
    }

    /** One round for one producer: fetch what is missing, or touch all; then schedule the next round. */
    private void visit(Warmed w) {
        boolean allFetched = true;
        for (String topic : topics) {
            try {
                if (w.producer.partitionsFor(topic).isEmpty()) {
                    throw new IllegalArgumentException("no partitions");
                }
                w.fetched.add(topic);
            } catch (IllegalStateException closed) {
                // "Cannot perform operation after producer has been closed": its route stopped
                producers.remove(w);
                return;
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted() || e instanceof InterruptException) {
                    return; // stopping
                }
                // TimeoutException after max.block.ms: broker down, or topic missing
                allFetched = false;
                w.fetched.remove(topic);
                if (!w.warned) {
                    w.warned = true;
                    LOG.warn("Kafka producer {} has no metadata for topic {} yet ({}); frames wait for it in the ingest "
                                    + "queue (kafkaReadiness is false). Check that the broker is reachable and every "
                                    + "k2.kafka.topic.* topic exists; retrying until it answers.",
                            w.clientId, topic, LogText.escape(e.toString()));
                }
            }
        }
        boolean wasWarm = w.warm;
        w.warm = allFetched;
        if (allFetched && !wasWarm) {
            w.warned = false;
            LOG.info("Kafka producer {} has the metadata of all {} topics {}", w.clientId, topics.size(), topics);
        }
        ScheduledExecutorService ex = executor;
        if (ex != null && !ex.isShutdown()) {
            ex.schedule(() -> visit(w), allFetched ? w.touchIntervalMs : RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized ScheduledExecutorService executor() {
        if (executor == null) {
            // two threads: a fetch blocks its thread up to max.block.ms while the broker is down, and there are
            // two producers (ingest and dead-letter routes)
            executor = context.getExecutorServiceManager().newScheduledThreadPool(this, "k2-kafka-metadata", 2);
        }
        return executor;
    }

    @Override
    public void start() {
        executor();
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            context.getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        producers.clear();
    }

    /** The producer's client.id: Kafka names producers producer-1, producer-2... when Camel sets none. */
    private static String clientId(Producer<?, ?> producer, Properties props) {
        String configured = props.getProperty(ProducerConfig.CLIENT_ID_CONFIG);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return producer.metrics().keySet().stream().map(m -> m.tags().get("client-id")).filter(java.util.Objects::nonNull)
                .findFirst().orElse("(unnamed)");
    }

    private static long parse(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
