package io.k2.binance.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.BookState;
import io.k2.binance.simulator.SimulatorConfig;
import io.k2.marketdata.DepthKind;
import io.k2.marketdata.DepthUpdateV1;
import io.k2.marketdata.GapOutcome;
import io.k2.marketdata.GapRecordType;
import io.k2.marketdata.GapV1;
import io.k2.marketdata.PriceLevel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange skips diff-depth ids: the app publishes the gap, fetches a REST snapshot and puts it on the
 * depth topic at its place, and a consumer that knows only the topic rebuilds the book with Binance's own
 * procedure (docs/gaps.md): from the snapshot on, after every diff, its book equals the simulator's own book at
 * that update id, level for level.
 */
class SkippedDepthIdsGetASnapshotAndTheBookRebuildsTest extends GapTestSupport {

    private static final String STREAM = "btcusdt@depth@100ms";

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(List.of("btcusdt")).ratePerSecond(300)
                .bookHistory(20_000).seed(71).build());
    }

    /** The start-up snapshot too, so the topic has one before the stream's first diff. */
    @Override
    protected void settings(java.util.Properties p) {
        p.setProperty("k2.gaps.depth-snapshot-on-start", "true");
    }

    @Override protected String topicPrefix() { return "gap-depth"; }
    @Override protected String symbols() { return "btcusdt"; }
    @Override protected String streams() { return "depth@100ms"; }

    @Test
    void aDepthGapIsPublishedSnapshottedAndTheBookRebuildsFromTheTopic() {
        awaitAllStreamsDeliver(Duration.ofSeconds(30));
        simulator.skipEvents(STREAM, 3);
        List<GapV1> records = awaitClosedGaps(1, Duration.ofSeconds(30));
        awaitMoreAcked(100, Duration.ofSeconds(10));
        settle();

        assertThat(records).extracting(GapV1::getRecord).containsExactly(GapRecordType.DETECTED, GapRecordType.CLOSED);
        GapV1 closed = records.get(1);
        assertThat(closed.getStream()).isEqualTo(STREAM);
        assertThat(closed.getOutcome()).isEqualTo(GapOutcome.SNAPSHOT_PUBLISHED);
        assertThat(closed.getInOrder()).isTrue();
        assertThat(gapsClosed(STREAM, "snapshot_published")).isEqualTo(1);

        List<DepthUpdateV1> topic = depthRecords();
        int at = -1;
        int snapshots = 0;
        for (int i = 0; i < topic.size(); i++) {
            DepthUpdateV1 r = topic.get(i);
            if (r.getKind() == DepthKind.SNAPSHOT && "rest".equals(r.getVendorData().get("source"))) {
                snapshots++;
                if (r.getFinalUpdateId() == closed.getSnapshotUpdateId()) {
                    at = i;
                }
            }
        }
        assertThat(snapshots).as("REST snapshots: one before the stream's first diff, one after the gap").isEqualTo(2);
        DepthUpdateV1 startup = topic.stream().filter(r -> r.getKind() == DepthKind.SNAPSHOT).findFirst().orElseThrow();
        assertThat(topic.subList(0, topic.indexOf(startup))).as("diffs before the start-up snapshot are covered by it")
                .allSatisfy(r -> assertThat(r.getFinalUpdateId()).isLessThanOrEqualTo(startup.getFinalUpdateId()));
        assertThat(at).as("the gap's REST snapshot is on the depth topic").isNotNegative();
        DepthUpdateV1 snapshot = topic.get(at);
        assertThat(snapshot.getFinalUpdateId()).isEqualTo(closed.getSnapshotUpdateId());
        assertThat(snapshot.getFinalUpdateId()).as("the snapshot covers the gap")
                .isGreaterThanOrEqualTo(closed.getLastMissingId() + 1);

        // the consumer: the snapshot, then Binance's update procedure (docs/gaps.md, "Rebuilding the book")
        TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        apply(bids, snapshot.getBids());
        apply(asks, snapshot.getAsks());
        long bookId = snapshot.getFinalUpdateId();
        boolean first = true;
        int compared = 0;
        for (DepthUpdateV1 diff : topic.subList(at + 1, topic.size())) {
            assertThat(diff.getKind()).isEqualTo(DepthKind.DIFF);
            if (diff.getFinalUpdateId() <= bookId) {
                continue; // already in the snapshot
            }
            if (first) {
                assertThat(diff.getFirstUpdateId()).as("the first diff straddles the snapshot")
                        .isLessThanOrEqualTo(bookId + 1);
                first = false;
            } else {
                assertThat(diff.getFirstUpdateId()).as("contiguous after the snapshot").isEqualTo(bookId + 1);
            }
            apply(bids, diff.getBids());
            apply(asks, diff.getAsks());
            bookId = diff.getFinalUpdateId();
            BookState truth = simulator.bookAt("btcusdt", bookId);
            assertThat(truth).as("the simulator's book at " + bookId).isNotNull();
            assertThat(bids).as("bids at " + bookId).isEqualTo(levels(truth.bids(), true));
            assertThat(asks).as("asks at " + bookId).isEqualTo(levels(truth.asks(), false));
            compared++;
        }
        assertThat(compared).as("books compared after the snapshot").isGreaterThan(10);
    }

    private List<DepthUpdateV1> depthRecords() {
        List<DepthUpdateV1> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka().consumeAll(topic("depth"), 0, Duration.ofSeconds(30))) {
            try {
                out.add(DepthUpdateV1.getDecoder().decode(r.value()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static void apply(TreeMap<BigDecimal, BigDecimal> side, List<PriceLevel> levels) {
        for (PriceLevel l : levels) {
            if (l.getQuantity().signum() == 0) {
                side.remove(l.getPrice());
            } else {
                side.put(l.getPrice(), l.getQuantity());
            }
        }
    }

    private static TreeMap<BigDecimal, BigDecimal> levels(List<BookState.Level> levels, boolean bids) {
        TreeMap<BigDecimal, BigDecimal> out = bids ? new TreeMap<>(Comparator.reverseOrder()) : new TreeMap<>();
        for (BookState.Level l : levels) {
            out.put(new BigDecimal(l.price()).setScale(8), new BigDecimal(l.qty()).setScale(8));
        }
        return out;
    }
}
