package io.k2.binance.soak;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.k2.binance.normalize.MessageIds;

/**
 * Which trade and aggTrade ids were found in Kafka, per stream: one bit per id, so a day at 500 events/s
 * (some 16M trade and aggTrade records) costs a few MB, and a second sighting of an id is a duplicate.
 * Ids are contiguous per stream in the simulator (and at Binance), so every clear bit between the first id
 * seen and the last one generated is a missing event.
 *
 * <p>Records need not arrive in id order (a backfill lands after the live events that followed the hole), and
 * an id below the first one seen is possible, hence two bit sets, one growing up from the first id and one
 * down from it.
 */
final class IdLedger {

    private static final int MAX_LISTED = 20;

    private final Map<String, StreamIds> streams = new TreeMap<>();

    /**
     * Records the event named by a message id ({@code BINANCE:BTCUSDT:trade:123}); returns false for anything
     * else (other event types are not id-checked).
     */
    boolean recordMessageId(String messageId) {
        MessageIds.TradeSequence trade = MessageIds.tradeSequence(messageId);
        if (trade == null) {
            return false;
        }
        record(trade.symbol().toLowerCase(Locale.ROOT) + "@" + trade.streamType(), trade.id());
        return true;
    }

    void record(String stream, long id) {
        streams.computeIfAbsent(stream, s -> new StreamIds(id)).add(id);
    }

    /** Highest id seen on the stream, or {@code Long.MIN_VALUE} before the first. */
    long maxSeen(String stream) {
        StreamIds ids = streams.get(stream);
        return ids == null ? Long.MIN_VALUE : ids.max;
    }

    long records() {
        return streams.values().stream().mapToLong(s -> s.records).sum();
    }

    /** The check of one stream against the last id the simulator generated on it. */
    LedgerCheck check(String stream, long lastGenerated) {
        StreamIds ids = streams.get(stream);
        if (ids == null) {
            return new LedgerCheck(stream, null, lastGenerated, null, 0, 0, 0, List.of());
        }
        long missing = 0;
        List<Long> listed = new ArrayList<>();
        for (long id = ids.min; id <= lastGenerated; id++) {
            if (!ids.has(id)) {
                missing++;
                if (listed.size() < MAX_LISTED) {
                    listed.add(id);
                }
            }
        }
        return new LedgerCheck(stream, ids.min, lastGenerated, ids.max, ids.records, missing, ids.duplicates, listed);
    }

    private static final class StreamIds {
        final long base;
        final BitSet up = new BitSet();
        final BitSet down = new BitSet();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long records;
        long duplicates;

        StreamIds(long base) {
            this.base = base;
        }

        void add(long id) {
            records++;
            BitSet bits = id >= base ? up : down;
            int index = index(id);
            if (bits.get(index)) {
                duplicates++;
            } else {
                bits.set(index);
            }
            min = Math.min(min, id);
            max = Math.max(max, id);
        }

        boolean has(long id) {
            return (id >= base ? up : down).get(index(id));
        }

        private int index(long id) {
            long offset = id >= base ? id - base : base - 1 - id;
            if (offset > Integer.MAX_VALUE - 1) {
                throw new IllegalStateException("id " + id + " is more than 2^31 away from the first one seen (" + base
                        + "); the ledger cannot hold it");
            }
            return (int) offset;
        }
    }
}
