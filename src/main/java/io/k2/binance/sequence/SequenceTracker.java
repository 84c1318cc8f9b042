package io.k2.binance.sequence;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Per-stream high-water marks that turn "the same event arrived twice" (two connections overlapping during a
 * make-before-break rotation, or a replayed event) into a {@link Verdict#DUPLICATE} and report holes in the
 * contiguous streams.
 *
 * <p>State is one mark per configured stream and nothing else: no per-id sets, so memory is bounded by the
 * stream set and does not grow with time or traffic. Streams outside the set, and streams of kind
 * {@link SequenceKind#NONE}, are {@link Verdict#UNTRACKED}: they pass through and leave no state.
 *
 * <p>Rules, per kind (see {@link SequenceKind} for why):
 * <ul>
 *   <li>duplicate when the event is at or below the mark in {@link Position#compareTo} order; for a diff that
 *       means {@code u <= mark.u}. A diff that only partly overlaps ({@code U <= mark.u < u}) is delivered:
 *       its quantities are absolute, and Binance's book procedure applies it too.</li>
 *   <li>a delivered event raises the mark to itself.</li>
 *   <li>gap (see {@link #gapped()}): trade {@code t > mark + 1}; aggTrade {@code a > mark.a + 1} or
 *       {@code f > mark.l + 1}; diff {@code U > mark.u + 1}. bookTicker, partial depth and klines never report
 *       gaps: their ids are not contiguous.</li>
 * </ul>
 *
 * <p>Not thread-safe by design: it lives on the one Vert.x event loop that reads the connections it
 * de-duplicates, so a lock would only cost time.
 */
public final class SequenceTracker {

    public enum Verdict {
        /** New: hand it on. The mark has moved to it. */
        DELIVER,
        /** At or below the mark: already delivered. Drop it. */
        DUPLICATE,
        /** Not a tracked stream or no order is known for it: hand it on, nothing was recorded. */
        UNTRACKED
    }

    private static final class Slot {
        final SequenceKind kind;
        Position mark;

        Slot(SequenceKind kind) {
            this.kind = kind;
        }
    }

    private final Map<String, Slot> slots = new HashMap<>();
    private boolean gapped;
    private Gap gap;
    private String gapStream;
    private Position gapPrevious;
    private Position gapNext;

    public SequenceTracker(Collection<String> streams) {
        retain(streams);
    }

    /**
     * Makes the tracked set exactly {@code streams}: added streams start with no mark, removed ones lose theirs
     * (if a stream comes back later it starts afresh, as nothing of its past is known then), kept ones keep it.
     * Streams of kind NONE are ignored, they have nothing to track.
     */
    public void retain(Collection<String> streams) {
        Set<String> wanted = new HashSet<>();
        for (String stream : streams) {
            if (SequenceKind.of(stream) != SequenceKind.NONE) {
                wanted.add(stream);
            }
        }
        slots.keySet().retainAll(wanted);
        for (String stream : wanted) {
            slots.computeIfAbsent(stream, s -> new Slot(SequenceKind.of(s)));
        }
    }

    /**
     * Decides what to do with one event and records it.
     *
     * @param position the event's ids, or null when they could not be read (the event then passes through as
     *                 UNTRACKED: the normalizer dead-letters it, the mark stays)
     * @throws IllegalArgumentException when the position's kind is not the stream's: a caller bug
     */
    public Verdict offer(String stream, Position position) {
        gapped = false;
        Slot slot = slots.get(stream);
        if (slot == null || position == null) {
            return Verdict.UNTRACKED;
        }
        if (position.kind() != slot.kind) {
            throw new IllegalArgumentException(stream + " is " + slot.kind + ", got a " + position.kind() + " position");
        }
        Position mark = slot.mark;
        if (mark == null) {
            slot.mark = position;
            return Verdict.DELIVER;
        }
        if (position.compareTo(mark) <= 0) {
            return Verdict.DUPLICATE;
        }
        if (holeBetween(slot.kind, mark, position)) {
            gapped = true;
            gap = null; // built on demand: the normal path allocates nothing
            gapStream = stream;
            gapPrevious = mark;
            gapNext = position;
        }
        slot.mark = position;
        return Verdict.DELIVER;
    }

    private static boolean holeBetween(SequenceKind kind, Position mark, Position next) {
        switch (kind) {
            case TRADE:
            case DEPTH_DIFF:
                return next.first() > mark.last() + 1;
            case AGG_TRADE:
                return next.first() > mark.last() + 1 || next.firstTradeId() > mark.lastTradeId() + 1;
            default:
                return false;
        }
    }

    /** True when the last {@link #offer} delivered an event after a hole. Cheap: a field read. */
    public boolean gapped() {
        return gapped;
    }

    /** The hole the last {@link #offer} found, or null when it found none. */
    public Gap gap() {
        if (!gapped) {
            return null;
        }
        if (gap == null) {
            SequenceKind kind = gapNext.kind();
            long firstTrade = 1;
            long lastTrade = 0;
            if (kind == SequenceKind.AGG_TRADE && gapNext.firstTradeId() > gapPrevious.lastTradeId() + 1) {
                firstTrade = gapPrevious.lastTradeId() + 1;
                lastTrade = gapNext.firstTradeId() - 1;
            }
            gap = new Gap(gapStream, kind, gapPrevious.last() + 1, gapNext.first() - 1, firstTrade, lastTrade);
        }
        return gap;
    }

    /**
     * Whether the events delivered so far on {@code stream} reach a new connection's first event there, so the
     * old connection can be closed without losing anything in between (make-before-break rotation):
     * <ul>
     *   <li>contiguous kinds (trade, aggTrade, diff depth): {@code first.first <= mark.last + 1}, that is the
     *       new connection starts at or before the id right after the last one delivered (trade {@code t},
     *       aggTrade {@code a}, diff {@code U} against the mark's {@code u});</li>
     *   <li>bookTicker, partial depth, kline: the mark is at or past {@code first}, i.e. the old connection has
     *       delivered that very event. Their ids have holes by nature, so only reaching the event itself proves
     *       nothing in between was skipped. For klines only the content (t, L, x) counts, not the event time:
     *       an event repeating delivered content adds nothing that could be lost.</li>
     *   <li>no mark yet, an untracked stream, or kind NONE: true, as nothing was delivered there that an
     *       overlap could protect.</li>
     * </ul>
     */
    public boolean covers(String stream, Position first) {
        Objects.requireNonNull(first, "first");
        Slot slot = slots.get(stream);
        if (slot == null || slot.mark == null) {
            return true;
        }
        if (first.kind() != slot.kind) {
            throw new IllegalArgumentException(stream + " is " + slot.kind + ", got a " + first.kind() + " position");
        }
        Position mark = slot.mark;
        if (slot.kind.contiguous()) {
            return first.first() <= mark.last() + 1;
        }
        return mark.compareContent(first) >= 0;
    }

    /** The stream's high-water mark, or null when nothing was delivered on it or it is not tracked. */
    public Position mark(String stream) {
        Slot slot = slots.get(stream);
        return slot == null ? null : slot.mark;
    }

    /** Number of tracked streams. */
    public int size() {
        return slots.size();
    }
}
