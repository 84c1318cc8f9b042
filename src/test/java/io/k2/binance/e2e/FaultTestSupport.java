package io.k2.binance.e2e;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k2.binance.component.BinanceComponent;
import io.k2.binance.connection.GroupStatus;
import io.k2.binance.connection.ShardStatus;
import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.HistoryEvent;
import io.k2.binance.simulator.LedgerEntry;
import io.k2.binance.testing.EventKey;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the connection fault tests share: the real app against the simulator and the real broker (see
 * {@link PipelineTestSupport}) with short reconnect delays, and the one question every fault test asks
 * afterwards: <b>which events are in Kafka, how often, and which of the market's events are not</b>, judged
 * by the simulator's ledger (what it wrote to which connection) and its history (everything the market
 * generated, with how many connections were written each event).
 *
 * <p>A test runs its fault, then {@link #settle()}s (the market's delivery to every connection stops and the
 * app settles every frame it read), then asks {@link #delivery()} and asserts on it:
 * <ul>
 *   <li>{@link Delivery#duplicates()}: keys in Kafka more than once; always empty;</li>
 *   <li>{@link Delivery#unknown()}: keys in Kafka that no connection was ever sent; always empty;</li>
 *   <li>{@link Delivery#missingFromLedger()}: events written to one of our connections but not in Kafka;</li>
 *   <li>{@link Delivery#missing()}: per stream, the market's events between the first and the last one in
 *       Kafka that are not in Kafka, and {@link Delivery#sentToNobody()} those of them the simulator wrote to
 *       no connection at all (generated while no connection of ours was open, or took data).</li>
 * </ul>
 */
abstract class FaultTestSupport extends PipelineTestSupport {

    protected static final Logger LOG = LoggerFactory.getLogger(FaultTestSupport.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stream kinds of every symbol: the simulator's default market, all five kinds of dedup rule. */
    protected static final String STREAM_KINDS = "trade,aggTrade,bookTicker,depth@100ms,kline_1m";
    private static final List<String> DATA_TOPICS = List.of("trade", "aggtrade", "bookticker", "depth", "kline");

    private final List<ReadinessWatch> watches = new CopyOnWriteArrayList<>();

    @Override
    protected String streams() {
        return STREAM_KINDS;
    }

    /** This class's settings on top of the fast defaults; override and call super if needed. */
    protected void settings(Properties p) {
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = super.useOverridePropertiesWithPropertiesComponent();
        // reconnect within a second instead of Binance-grade backoff: the bounds below assume these
        p.setProperty("k2.binance.reconnect-initial-delay-ms", "200");
        p.setProperty("k2.binance.reconnect-max-delay-ms", "1000");
        p.setProperty("k2.binance.rotation-catch-up-timeout-seconds", "10");
        settings(p);
        return p;
    }

    @AfterEach
    void stopWatches() {
        watches.forEach(ReadinessWatch::close);
    }

    /** The configured stream names, {@code symbol@kind}, as the simulator and the app name them. */
    protected List<String> subscribedStreams() {
        List<String> out = new ArrayList<>();
        for (String s : symbols().split(",")) {
            for (String k : streams().split(",")) {
                out.add(s.trim().toLowerCase() + "@" + k.trim());
            }
        }
        return out;
    }

    // ---- waiting ------------------------------------------------------------------------------

    /** Waits until every configured stream has reached Kafka at least once (acked). */
    protected void awaitAllStreamsDeliver(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> subscribedStreams().stream()
                .allMatch(s -> counter(MetricNames.RECORDS_ACKED, MetricNames.TAG_STREAM, s) > 0));
    }

    /** Waits until the app has acked this many more records than it had when called. */
    protected void awaitMoreAcked(long more, Duration atMost) {
        double start = metrics().total(MetricNames.RECORDS_ACKED);
        await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> metrics().total(MetricNames.RECORDS_ACKED) >= start + more);
    }

    /** The simulator's open connections, waiting until there are {@code count}. */
    protected List<String> awaitConnections(int count, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> simulator().connectionIds().size() == count);
        return simulator().connectionIds();
    }

    /**
     * Stops the market's delivery to every connection (the market goes on, the history records it as sent
     * to nobody), then waits until the app has settled every frame it read and reads nothing more.
     */
    protected void settle() {
        simulator().stallData(true);
        double[] last = {-1};
        long[] stableSince = {System.nanoTime()};
        // settled: every frame has its outcome, and nothing new came for 1 s (frames on the wire have landed)
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            double received = metrics().total(MetricNames.EVENTS_RECEIVED);
            if (received != last[0]) {
                last[0] = received;
                stableSince[0] = System.nanoTime();
                return false;
            }
            return allAccountedFor() && noGapOpen() && System.nanoTime() - stableSince[0] >= 1_000_000_000L;
        });
    }

    /** Every gap has its outcome and no frame is held behind one. */
    protected boolean noGapOpen() {
        double open = metrics().registry().find(MetricNames.GAPS_OPEN).gauges().stream().mapToDouble(g -> g.value()).sum();
        double held = metrics().registry().find(MetricNames.GAP_HELD_FRAMES).gauges().stream().mapToDouble(g -> g.value()).sum();
        return open == 0 && held == 0;
    }

    // ---- status ---------------------------------------------------------------------------------

    protected GroupStatus group() {
        return context.getComponent("binance", BinanceComponent.class).connectionStatuses().get(0);
    }

    protected ShardStatus shard(int index) {
        return group().shards().get(index);
    }

    /** {@code binance_reconnects_total{reason}} of the ingest route. */
    protected double reconnects(String reason) {
        return counter(MetricNames.RECONNECTS, MetricNames.TAG_REASON, reason);
    }

    /** {@code binance_connection_rotations_total{reason}}. */
    protected double rotations(String reason) {
        return counter(MetricNames.ROTATIONS, MetricNames.TAG_REASON, reason);
    }

    /** Every rotation, whatever the reason. */
    protected double rotations() {
        return metrics().total(MetricNames.ROTATIONS);
    }

    /** Every reconnect, whatever the reason. */
    protected double reconnects() {
        return metrics().total(MetricNames.RECONNECTS);
    }

    // ---- readiness ------------------------------------------------------------------------------

    /** Polls readiness every 100 ms from now until the test ends (or {@link ReadinessWatch#close()}). */
    protected ReadinessWatch watchReadiness() {
        return watchReadiness(100);
    }

    /** Polls readiness every {@code periodMillis} from now until the test ends. */
    protected ReadinessWatch watchReadiness(long periodMillis) {
        ReadinessWatch w = new ReadinessWatch(periodMillis);
        watches.add(w);
        return w;
    }

    /** One readiness sample. */
    record Sample(long atMillis, int status, String body) {
        JsonNode json() {
            return parse(body);
        }
    }

    /** A background poller of {@code /observe/health/ready?data=true}. */
    final class ReadinessWatch implements AutoCloseable {
        private final List<Sample> samples = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;
        private final Thread thread;

        ReadinessWatch(long periodMillis) {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        HttpResponse<String> r = observe("/observe/health/ready?data=true");
                        samples.add(new Sample(System.currentTimeMillis(), r.statusCode(), r.body()));
                        Thread.sleep(periodMillis); // the period of a sampler, not a synchronization
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        if (!running) {
                            return; // close() interrupted the request: not an answer of the app
                        }
                        samples.add(new Sample(System.currentTimeMillis(), -1, e.toString()));
                    }
                }
            }, "readiness-watch");
            thread.setDaemon(true);
            thread.start();
        }

        List<Sample> samples() {
            return List.copyOf(samples);
        }

        List<Sample> notReady() {
            return samples.stream().filter(s -> s.status() != 200).toList();
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** The named check of a readiness answer. */
    static JsonNode check(JsonNode health, String name) {
        for (JsonNode c : health.path("checks")) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no check named " + name + " in " + health);
    }

    // ---- what reached Kafka ---------------------------------------------------------------------

    /** Reads every data topic and compares with the ledger and the history. Call after {@link #settle()}. */
    protected Delivery delivery() {
        assertThat(metrics().total(MetricNames.DEAD_LETTERED)).as("dead letters (none expected from these faults)").isZero();
        assertThat(metrics().total(MetricNames.DEAD_LETTER_FAILED)).as("dead-letter-failed frames").isZero();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> backfilled = new LinkedHashSet<>();
        List<String> snapshots = new ArrayList<>();
        int records = 0;
        for (String type : DATA_TOPICS) {
            // acked means committed on the broker: reading each topic to its end sees every one
            for (ConsumerRecord<byte[], byte[]> r : kafka().consumeAll(topic(type), 0, Duration.ofSeconds(30))) {
                records++;
                Header origin = r.headers().lastHeader("k2.origin");
                if (origin != null && "snapshot".equals(new String(origin.value(), StandardCharsets.UTF_8))) {
                    snapshots.add(header(r, "k2.eventId")); // a REST book, not an event of the stream
                    continue;
                }
                String key = EventKey.ofRecord(header(r, "k2.stream"), header(r, "k2.eventId"));
                counts.merge(key, 1, Integer::sum);
                if (origin != null) {
                    backfilled.add(key);
                }
            }
        }
        assertThat((double) records).as("records in Kafka = records acked")
                .isEqualTo(metrics().total(MetricNames.RECORDS_ACKED) + metrics().total(MetricNames.RECORDS_ACKED_FROM_REST));
        return new Delivery(counts, backfilled, snapshots, simulator().ledger().entries(), subscribedStreams());
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        assertThat(h).as("header " + name + " on a record of " + r.topic()).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }

    /** What reached Kafka, against what the simulator sent and what its market generated. */
    final class Delivery {
        final Map<String, Integer> counts;
        /** Keys in Kafka that came from the REST backfill, not off a socket. */
        final Set<String> backfilled;
        /** Message ids of the REST depth snapshots on the depth topic. */
        final List<String> snapshots;
        final List<LedgerEntry> ledger;
        /** Distinct keys the ledger has, in first-written order. */
        final Set<String> ledgerKeys = new LinkedHashSet<>();
        /** Per stream: the market's events from the first to the last one in Kafka, in generation order. */
        final Map<String, List<HistoryEvent>> span = new TreeMap<>();
        private final Map<HistoryEvent, String> keyOf = new HashMap<>();

        Delivery(Map<String, Integer> counts, Set<String> backfilled, List<String> snapshots, List<LedgerEntry> ledger,
                 List<String> streams) {
            this.counts = counts;
            this.backfilled = backfilled;
            this.snapshots = snapshots;
            this.ledger = ledger;
            for (LedgerEntry e : ledger) {
                ledgerKeys.add(EventKey.of(e.stream(), e.payload()));
            }
            for (String stream : streams) {
                List<HistoryEvent> events = simulator().history().events(stream);
                assertThat(events.isEmpty() ? 1 : events.get(0).seq()).as("the history of " + stream
                        + " still holds the whole run (make it bigger or the run shorter)").isEqualTo(1);
                int first = -1;
                int last = -1;
                for (int i = 0; i < events.size(); i++) {
                    String key = EventKey.of(stream, events.get(i).payload());
                    keyOf.put(events.get(i), key);
                    if (counts.containsKey(key)) {
                        last = i;
                        if (first < 0) {
                            first = i;
                        }
                    }
                }
                if (first < 0 && events.isEmpty()) {
                    continue; // a market that never moved (weight 0): nothing to miss
                }
                assertThat(first).as("events of " + stream + " in Kafka").isNotNegative();
                span.put(stream, events.subList(first, last + 1));
            }
        }

        String key(HistoryEvent e) {
            return keyOf.get(e);
        }

        /** Keys in Kafka more than once, with their count. */
        Map<String, Integer> duplicates() {
            return counts.entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        }

        /** Keys in Kafka that were never written to any connection and are not a backfill of a generated event. */
        Set<String> unknown() {
            Set<String> generated = new java.util.HashSet<>(keyOf.values());
            return counts.keySet().stream().filter(k -> !ledgerKeys.contains(k) && !(backfilled.contains(k) && generated.contains(k)))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        /** Events written to a connection of ours that are not in Kafka. */
        Set<String> missingFromLedger() {
            return ledgerKeys.stream().filter(k -> !counts.containsKey(k)).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        /** The market's events within each stream's span that are not in Kafka. */
        List<HistoryEvent> missing() {
            List<HistoryEvent> out = new ArrayList<>();
            span.values().forEach(events -> events.stream().filter(e -> !counts.containsKey(key(e))).forEach(out::add));
            return out;
        }

        /** The market's events within the spans that the simulator wrote to no connection. */
        List<HistoryEvent> sentToNobody() {
            List<HistoryEvent> out = new ArrayList<>();
            span.values().forEach(events -> events.stream().filter(e -> e.receivers() == 0).forEach(out::add));
            return out;
        }

        /** Events in Kafka. */
        int delivered() {
            return counts.size();
        }

        /** The ledger's entries written to this connection, in write order. */
        List<LedgerEntry> sentTo(String connectionId) {
            return ledger.stream().filter(e -> e.connectionId().equals(connectionId)).toList();
        }

        /**
         * The ledger entries of the connection that are not in Kafka must be the very last ones written to it:
         * frames still in the server's buffers when the TCP connection went, which the client never read (as on a
         * real network drop). Returns their keys.
         */
        Set<String> lostInFlightOn(String connectionId) {
            List<LedgerEntry> sent = sentTo(connectionId);
            int firstMissing = -1;
            Set<String> lost = new LinkedHashSet<>();
            for (int i = 0; i < sent.size(); i++) {
                String key = EventKey.of(sent.get(i).stream(), sent.get(i).payload());
                if (!counts.containsKey(key) || backfilled.contains(key)) {
                    lost.add(key);
                    if (firstMissing < 0) {
                        firstMissing = i;
                    }
                } else if (firstMissing >= 0) {
                    throw new AssertionError("connection " + connectionId + " lost " + lost + " but a later frame of it, "
                            + key + ", is in Kafka: a loss in the middle of a connection's frames, not its last ones in flight");
                }
            }
            return lost;
        }

        String summary() {
            return "delivered " + delivered() + " events, ledger " + ledger.size() + " frames (" + ledgerKeys.size()
                    + " distinct), missing in the spans " + missing().size() + " (sent to nobody " + sentToNobody().size()
                    + "), duplicates " + duplicates().size();
        }

        /** Zero loss and zero duplicates: Kafka holds every event the market generated in each stream's span, once. */
        void assertEveryEventOnce() {
            LOG.info("delivery: {}", summary());
            assertThat(duplicates()).as("events in Kafka more than once").isEmpty();
            assertThat(unknown()).as("events in Kafka no connection was sent").isEmpty();
            assertThat(missingFromLedger()).as("events written to a connection but not in Kafka").isEmpty();
            assertThat(keys(missing())).as("the market's events missing from Kafka").isEmpty();
        }

        /**
         * Missing is exactly what the exchange generated while no connection of ours took data, plus (for a
         * dropped TCP connection) only the dead connection's very last frames still in flight, except every trade
         * and aggTrade among them, which the REST backfill put in Kafka; no duplicates.
         */
        void assertMissingExactlySentToNobody(Collection<String> lostInFlight) {
            LOG.info("delivery: {}", summary());
            assertThat(duplicates()).as("events in Kafka more than once").isEmpty();
            assertThat(unknown()).as("events in Kafka no connection was sent").isEmpty();
            Set<String> missed = new LinkedHashSet<>(keys(sentToNobody()));
            missed.addAll(lostInFlight);
            Set<String> expected = new LinkedHashSet<>();
            Set<String> backfillable = new LinkedHashSet<>();
            for (String k : missed) {
                (backfillable(k) ? backfillable : expected).add(k);
            }
            assertThat(backfilled).as("backfilled = every missed trade and aggTrade, and nothing else")
                    .containsExactlyInAnyOrderElementsOf(backfillable);
            // as sets: a kline may be pushed twice with the same content in one ms, one key for both
            assertThat(new LinkedHashSet<>(keys(missing()))).as("missing from Kafka = generated while no connection took data"
                    + (lostInFlight.isEmpty() ? "" : " + the dead connection's last frames in flight " + lostInFlight))
                    .containsExactlyInAnyOrderElementsOf(expected);
            Set<String> missingWritten = missingFromLedger();
            assertThat(missingWritten).as("events written to a live connection but not in Kafka")
                    .isSubsetOf(lostInFlight);
        }

        /** Trade and aggTrade events: what the REST backfill recovers. */
        boolean backfillable(String key) {
            return key.contains("@trade#") || key.contains("@aggTrade#");
        }

        List<String> keys(List<HistoryEvent> events) {
            return events.stream().map(this::key).toList();
        }

        /**
         * The outages as the exchange saw them: over all streams, in generation order, each run of events written
         * to no connection, as [from, to] epoch ms from the last event some connection got before the run to the
         * first one after it.
         */
        List<long[]> outages() {
            List<HistoryEvent> all = new ArrayList<>();
            span.values().forEach(all::addAll);
            all.sort(java.util.Comparator.comparingLong(HistoryEvent::generatedMicros));
            List<long[]> out = new ArrayList<>();
            long lastReceived = -1;
            boolean inRun = false;
            for (HistoryEvent e : all) {
                long at = e.generatedMicros() / 1000;
                if (e.receivers() == 0) {
                    inRun = true;
                } else {
                    if (inRun && lastReceived >= 0) {
                        out.add(new long[] {lastReceived, at});
                    }
                    inRun = false;
                    lastReceived = at;
                }
            }
            return out;
        }

        /** Generation times of the events, first and last, epoch ms. */
        long[] generatedBetween(List<HistoryEvent> events) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (HistoryEvent e : events) {
                min = Math.min(min, e.generatedMicros() / 1000);
                max = Math.max(max, e.generatedMicros() / 1000);
            }
            return new long[] {min, max};
        }
    }
}
