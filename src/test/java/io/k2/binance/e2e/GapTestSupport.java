package io.k2.binance.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.k2.binance.observe.MetricNames;
import io.k2.marketdata.GapOutcome;
import io.k2.marketdata.GapRecordType;
import io.k2.marketdata.GapV1;
import io.k2.marketdata.TradeV2;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import static org.awaitility.Awaitility.await;

/** What gap tests read back: the gap records, and the trade ids per symbol in topic order. */
abstract class GapTestSupport extends FaultTestSupport {

    /** Every gap record on the gaps topic, in topic order per partition (one partition here). */
    protected List<GapV1> gapRecords() {
        List<GapV1> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka().consumeAll(topic("gaps"), 0, Duration.ofSeconds(30))) {
            try {
                out.add(GapV1.getDecoder().decode(r.value()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Waits until the gaps topic has a CLOSED record for every DETECTED one and at least {@code gaps} of them. */
    protected List<GapV1> awaitClosedGaps(int gaps, Duration atMost) {
        List<List<GapV1>> last = new ArrayList<>(List.of(List.of()));
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            List<GapV1> all = gapRecords();
            last.set(0, all);
            long detected = all.stream().filter(g -> g.getRecord() == GapRecordType.DETECTED).count();
            long closed = all.stream().filter(g -> g.getRecord() == GapRecordType.CLOSED).count();
            return detected >= gaps && closed == detected;
        });
        return last.get(0);
    }

    protected static List<GapV1> closed(List<GapV1> records) {
        return records.stream().filter(g -> g.getRecord() == GapRecordType.CLOSED).toList();
    }

    protected static long closedWith(List<GapV1> records, GapOutcome outcome) {
        return closed(records).stream().filter(g -> g.getOutcome() == outcome).count();
    }

    /** Per symbol, the ids (trade_id) on a TradeV2 topic in topic order, and which of them were backfilled. */
    protected Map<String, List<Long>> idsInTopicOrder(String type, Map<String, List<Long>> backfilledOut) {
        Map<String, List<Long>> ids = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka().consumeAll(topic(type), 0, Duration.ofSeconds(30))) {
            TradeV2 t;
            try {
                t = TradeV2.getDecoder().decode(r.value());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ids.computeIfAbsent(t.getSymbol(), s -> new ArrayList<>()).add(t.getTradeId());
            var h = r.headers().lastHeader("k2.backfilled");
            if (h != null && "true".equals(new String(h.value(), StandardCharsets.UTF_8)) && backfilledOut != null) {
                backfilledOut.computeIfAbsent(t.getSymbol(), s -> new ArrayList<>()).add(t.getTradeId());
            }
        }
        return ids;
    }

    /**
     * Logs how long live frames were held behind gaps in this run (binance_gap_hold_seconds): the cost of keeping
     * the topics in id order, quoted in docs/benchmarks.md. Returns the longest hold, ms.
     */
    protected double logHoldTime(String what) {
        long count = 0;
        double totalMs = 0;
        double maxMs = 0;
        for (io.micrometer.core.instrument.Timer t : metrics().registry().find(MetricNames.GAP_HOLD).timers()) {
            count += t.count();
            totalMs += t.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS);
            maxMs = Math.max(maxMs, t.max(java.util.concurrent.TimeUnit.MILLISECONDS));
        }
        LOG.info("gap hold ({}): {} hold(s), mean {} ms, max {} ms", what, count,
                count == 0 ? 0 : Math.round(totalMs / count), Math.round(maxMs));
        return maxMs;
    }

    protected double gapsClosed(String stream, String outcome) {
        return counter(MetricNames.GAPS_CLOSED, MetricNames.TAG_STREAM, stream, MetricNames.TAG_OUTCOME, outcome);
    }
}
