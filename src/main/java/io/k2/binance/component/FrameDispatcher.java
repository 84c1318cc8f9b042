package io.k2.binance.component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import io.k2.binance.connection.BinanceFrame;
import io.k2.binance.connection.FrameSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands frames to the route on one dedicated thread, in arrival order, without waiting for Kafka.
 *
 * <p>Why a thread of its own: the route must not run on the Vert.x event loop (a Kafka {@code send} can
 * block on metadata or a full buffer, and the event loop also answers pings), and it must not run on a
 * pool (order would be lost, see docs/adr/0001). The route is called asynchronously: the thread moves on
 * as soon as the record is handed to the Kafka producer, and the Kafka outcome arrives later on the
 * {@code done} callback. Per-symbol order holds because the producer keeps send order per partition.
 *
 * <p>Back-pressure instead of loss: at most {@code maxInflight} frames may await their Kafka outcome, and
 * frames are handed over only while the delivery gate is open (the Kafka producer has its metadata, so a
 * send cannot block). Otherwise frames wait in the queue; above the high watermark the connection group
 * pauses its sockets, for a bounded time. The queue itself has a hard limit a little above the high
 * watermark, for the frames Vert.x still delivers after a pause; past it {@link #offer} refuses and the
 * group sheds the frame, counted. Nothing is ever dropped here silently.
 */
final class FrameDispatcher implements FrameSink {

    private static final Logger LOG = LoggerFactory.getLogger(FrameDispatcher.class);
    private static final long GATE_POLL_MILLIS = 50;

    interface Sink {
        /**
         * Delivers frames in arrival order (one exchange); must call {@code done.run()} exactly once when
         * their outcome is final.
         */
        void deliver(List<BinanceFrame> frames, Runnable done);
    }

    /** What a stop could not settle within its deadline; the caller counts and logs it. */
    record Leftover(List<BinanceFrame> unsent, int awaitingKafka) {
    }

    private final BlockingQueue<BinanceFrame> queue = new LinkedBlockingQueue<>();
    private final Semaphore inflight;
    private final int maxInflight;
    private final int highWatermark;
    private final int lowWatermark;
    private final int hardLimit;
    private final Sink sink;
    private final BooleanSupplier gate;
    private final int batchSize;
    private final Thread thread;
    private final AtomicBoolean pressure = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile Runnable onDrained = () -> { };
    /** Frames the thread had taken but not delivered when it was interrupted. */
    private volatile List<BinanceFrame> held = List.of();
    /** System.nanoTime() when the current hand-over to the route began, or 0 between hand-overs. */
    private volatile long handOverSince;
    private volatile boolean gateClosed;

    /**
     * @param batchSize at most this many frames per exchange: the ones already queued, never waiting for
     *                  more, so batching costs no latency and only kicks in when frames arrive faster than
     *                  one exchange at a time can carry them
     * @param gate      frames are handed over only while it answers true; null = always
     */
    FrameDispatcher(String name, int queueCapacity, int maxInflight, int batchSize, BooleanSupplier gate, Sink sink) {
        this.batchSize = batchSize;
        this.maxInflight = maxInflight;
        this.inflight = new Semaphore(maxInflight);
        this.highWatermark = queueCapacity;
        this.lowWatermark = Math.max(1, queueCapacity / 4);
        this.hardLimit = queueCapacity + Math.max(1024, queueCapacity / 4);
        this.gate = gate == null ? () -> true : gate;
        this.sink = sink;
        this.thread = new Thread(this::run, "k2-dispatch-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public boolean offer(BinanceFrame frame) {
        if (queue.size() >= hardLimit) {
            return false;
        }
        queue.add(frame);
        return true;
    }

    @Override
    public void offerHeld(BinanceFrame frame) {
        // past the hard limit if need be: the group's held buffer, where the frame was, is bounded too
        queue.add(frame);
    }

    @Override
    public boolean saturated() {
        if (queue.size() >= highWatermark) {
            pressure.set(true);
            return true;
        }
        return false;
    }

    @Override
    public boolean drained() {
        return queue.size() <= lowWatermark;
    }

    @Override
    public void onDrained(Runnable action) {
        this.onDrained = action;
    }

    int queued() {
        return queue.size();
    }

    int inflight() {
        return maxInflight - inflight.availablePermits();
    }

    /** Millis the current hand-over to the route has been running, or 0: what liveness judges. */
    long handOverMillis() {
        long since = handOverSince;
        return since == 0 ? 0 : (System.nanoTime() - since) / 1_000_000;
    }

    boolean isGateClosed() {
        return gateClosed;
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            List<BinanceFrame> frames = null;
            try {
                if (!awaitGate()) {
                    continue;
                }
                BinanceFrame first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                frames = new ArrayList<>(Math.min(batchSize, 64));
                frames.add(first);
                if (batchSize > 1) {
                    queue.drainTo(frames, Math.min(batchSize - 1, Math.max(0, inflight.availablePermits() - 1)));
                }
                inflight.acquire(frames.size());
            } catch (InterruptedException e) {
                // stop() gave up waiting: what this thread took off the queue goes back to the caller, in order
                if (frames != null) {
                    held = frames;
                }
                Thread.currentThread().interrupt();
                return;
            }
            if (queue.size() <= lowWatermark && pressure.compareAndSet(true, false)) {
                onDrained.run();
            }
            int permits = frames.size();
            handOverSince = System.nanoTime();
            try {
                sink.deliver(frames, () -> inflight.release(permits));
            } catch (RuntimeException e) {
                // the sink accounts for its own failures; reaching here is a bug, but keep the stream going
                inflight.release(permits);
                LOG.error("Unexpected failure handing {} frame(s) to the route", permits, e);
            } finally {
                handOverSince = 0;
            }
        }
    }

    /** True when the gate is open; otherwise waits one poll and says false, so the caller looks again. */
    private boolean awaitGate() throws InterruptedException {
        if (gate.getAsBoolean()) {
            gateClosed = false;
            return true;
        }
        if (!gateClosed) {
            gateClosed = true;
            LOG.warn("Kafka is not ready yet (no metadata for the topics): frames wait in the ingest queue");
        }
        Thread.sleep(GATE_POLL_MILLIS); // polling a cheap flag; the gate has no callback to wait on
        return false;
    }

    /**
     * Stops after the queue is drained and every handed-over frame has its Kafka outcome, waiting at most
     * until {@code deadlineNanos} (System.nanoTime) for both together.
     */
    Leftover stop(long deadlineNanos) {
        running = false;
        joinUntil(deadlineNanos);
        if (thread.isAlive()) {
            thread.interrupt();
            joinUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        }
        List<BinanceFrame> unsent = new ArrayList<>(held);
        queue.drainTo(unsent);
        int awaiting = 0;
        try {
            long left = Math.max(0, deadlineNanos - System.nanoTime());
            if (inflight.tryAcquire(maxInflight, left, TimeUnit.NANOSECONDS)) {
                inflight.release(maxInflight);
            } else {
                awaiting = inflight();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            awaiting = inflight();
        }
        return new Leftover(unsent, awaiting);
    }

    private void joinUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
