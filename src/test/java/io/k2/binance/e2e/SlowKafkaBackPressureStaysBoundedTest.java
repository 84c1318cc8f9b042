package io.k2.binance.e2e;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import io.micrometer.core.instrument.Gauge;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A slow Kafka, for real: the broker throttles the app's producers with a client quota ({@code producer_byte_rate}
 * on their client id), far below the 2,000 events/s that stream in. The in-flight limit fills, then the queue,
 * the sockets pause, the pause runs out and frames that do not fit are shed and counted; this lasts longer than
 * the simulator's pong timeout, and the simulator closes nothing (pings are answered), so the connection stays.
 * The queue never holds more than its hard limit (capacity + 1,024) and the heap after GC grows by less than
 * 64 MB. Once the quota is lifted everything drains, and the accounting identity holds exactly: every frame the
 * simulator wrote was received and is acked or shed.
 *
 * <p>Why the short run proves what the long one does: both keep the back-pressure on for several times the
 * simulator's pong timeout with the pause well below it. Long ({@link SlowKafkaBackPressureSoakTest}): 90 s of
 * throttling, the default 10 s pause, 10,000 queue and 50,000 in flight, Binance's 60 s pong timeout. Short:
 * 20 s, a 2 s pause, 2,000 queued and 2,000 in flight (so they fill within a second or two), a 4 s pong timeout.
 */
class SlowKafkaBackPressureStaysBoundedTest extends KafkaFaultTestSupport {

    private static final int RATE = 2_000;
    private static final String CLIENT_ID = "k2-slow-kafka-test";
    /** Bytes/s the broker lets the app's producers write: a few hundred records a second. */
    private static final double PRODUCER_BYTE_RATE = 20_000;
    private static final long HEAP_GROWTH_BOUND = 64L << 20;

    protected int slowSeconds() { return 20; }
    protected int maxPauseSeconds() { return 2; }
    protected int pongTimeoutSeconds() { return 4; }
    protected int pingIntervalSeconds() { return 1; }
    protected int queueCapacity() { return 2_000; }
    protected int maxInflight() { return 2_000; }

    @Override protected String topicPrefix() { return "slow-kafka"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }
    @Override protected String streams() { return "trade,bookTicker,depth@100ms"; }

    /** Started on first use, with this variant's heartbeat; no in-memory ledger, so the heap is the app's. */
    @Override
    protected BinanceSimulator simulator() {
        if (simulator == null) {
            simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt", "ethusdt"))
                    .streams(List.of("trade", "bookTicker", "depth@100ms")).ratePerSecond(RATE).seed(71)
                    .ledgerEnabled(false).historySize(0)
                    .pingInterval(Duration.ofSeconds(pingIntervalSeconds()))
                    .pongTimeout(Duration.ofSeconds(pongTimeoutSeconds())).build());
        }
        return simulator;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = super.useOverridePropertiesWithPropertiesComponent();
        p.setProperty("camel.component.kafka.clientId", CLIENT_ID);
        p.setProperty("k2.ingest.max-pause-seconds", Integer.toString(maxPauseSeconds()));
        p.setProperty("k2.ingest.queue-capacity", Integer.toString(queueCapacity()));
        p.setProperty("k2.ingest.max-inflight", Integer.toString(maxInflight()));
        return p;
    }

    @Test
    void backPressureLongerThanThePongTimeoutKeepsTheConnectionAndStaysBounded() throws Exception {
        BinanceSimulator sim = simulator();
        await().atMost(Duration.ofSeconds(60)).until(() -> metrics().total(MetricNames.RECORDS_ACKED) >= 2L * RATE);
        long heapBefore = heapAfterGc();
        int hardLimit = queueCapacity() + Math.max(1024, queueCapacity() / 4);
        Gauge queue = metrics().registry().find(MetricNames.INGEST_QUEUE).gauge();
        assertThat(queue).isNotNull();

        quota(PRODUCER_BYTE_RATE);
        long heapPeak = heapBefore;
        try {
            // the pipeline falls behind: the sockets pause
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> metrics().total(MetricNames.BACKPRESSURE_PAUSES) > 0);
            double[] maxQueue = {0};
            // throttled for several pong timeouts: the simulator closes nothing, the queue stays within its limit
            await().during(Duration.ofSeconds(slowSeconds())).atMost(Duration.ofSeconds(slowSeconds() + 5L))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        maxQueue[0] = Math.max(maxQueue[0], queue.value());
                        return sim.connectionCount() == 1 && sim.closedConnections().isEmpty()
                                && queue.value() <= hardLimit;
                    });
            assertThat(maxQueue[0]).as("the queue filled up to its high watermark").isGreaterThanOrEqualTo(queueCapacity());
            heapPeak = heapAfterGc();
        } finally {
            quota(null);
        }
        assertThat(heapPeak - heapBefore).as("heap after GC grew by (bytes)").isLessThan(HEAP_GROWTH_BOUND);

        sim.stallData(true); // nothing is written after this returns
        long written = sim.framesSent();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> dataFramesReceived() == written && allAccountedFor());

        double shed = metrics().registry().find(MetricNames.DEAD_LETTER_FAILED).tag("reason", "ingest_overflow").counters()
                .stream().mapToDouble(c -> c.count()).sum();
        assertThat(metrics().total(MetricNames.DEAD_LETTER_FAILED)).as("only shed frames failed; " + accounting(metrics()))
                .isEqualTo(shed);
        assertThat(metrics().total(MetricNames.DEAD_LETTERED)).as(accounting(metrics())).isZero();
        assertThat(metrics().total(MetricNames.RECORDS_ACKED) + shed).as("every frame written acked or shed")
                .isEqualTo(written);
        System.out.println("slow Kafka: " + accounting(metrics()) + ", heap after GC grew by "
                + (heapPeak - heapBefore) / (1 << 20) + " MB");

        assertThat(sim.closedConnections()).isEmpty();
        assertThat(metrics().total(MetricNames.RECONNECTS)).isZero();
    }

    /** Sets (or with null removes) the producer byte-rate quota of the app's client id. */
    private void quota(Double bytesPerSecond) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(
                    new ClientQuotaEntity(Map.of(ClientQuotaEntity.CLIENT_ID, CLIENT_ID)),
                    List.of(new ClientQuotaAlteration.Op("producer_byte_rate", bytesPerSecond))))).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static long heapAfterGc() {
        System.gc(); // a measurement: heap in use after a full collection
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
