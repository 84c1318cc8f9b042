package io.k2.binance.connection;

import io.k2.binance.sequence.Gap;
import io.k2.binance.sequence.GapCause;

/**
 * Where a connection group hands the frames it keeps, in arrival order: the component's ordered dispatcher.
 * Called on the group's event loop only, so it must never block.
 */
public interface FrameSink {

    /**
     * Queues a frame for the route.
     *
     * @return false when the queue is past its hard limit: the frame was not taken and the caller sheds it
     *         (counts and logs it); only happens after a back-pressure pause ran out
     */
    boolean offer(BinanceFrame frame);

    /**
     * Queues a frame a rotation held back, even past the hard limit. Such a frame is in memory already (the
     * held buffer is bounded), so taking it costs nothing more, and at the cut-over it is the only copy of
     * its event: the old socket is closed. Refusing it (as {@link #offer} does past the hard limit) shed
     * events under load although nothing had run out.
     */
    void offerHeld(BinanceFrame frame);

    /**
     * Queues the first frame delivered after a hole in its stream's ids. A sink that closes gaps takes it in
     * any case (it holds it until the hole is filled, within its own bounds), hence no shedding here; this
     * default just queues it like a held frame.
     *
     * @param gap   the missing ids
     * @param cause what ended the connection that delivered the stream's previous event
     */
    default void offerAfterGap(Gap gap, GapCause cause, BinanceFrame frame) {
        offerHeld(frame);
    }

    /** Streams were added or removed while running (live SUBSCRIBE/UNSUBSCRIBE). On the event loop. */
    default void streamsChanged(java.util.Collection<String> added, java.util.Collection<String> removed) {
    }

    /** The group stopped reading (shutdown): whatever the sink holds back must go on now. On the event loop. */
    default void stopped() {
    }

    /** Above the high watermark: the group pauses its sockets (TCP back-pressure). */
    boolean saturated();

    /** At or below the low watermark: sockets paused for back-pressure may read again. */
    boolean drained();

    /**
     * Registers what to run, on any thread, when the queue falls to its low watermark; the group hops onto its
     * event loop from there.
     */
    void onDrained(Runnable action);
}
