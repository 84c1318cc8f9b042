package io.k2.binance.component;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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
 * <p>Back-pressure instead of loss: at most {@code maxInflight} frames may await their Kafka outcome;
 * when that is reached the thread waits, the queue grows, and above the high watermark the caller pauses
 * the socket (TCP pushes back to the exchange). Nothing is ever dropped here.
 */
final class FrameDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(FrameDispatcher.class);

    interface Sink {
        /**
         * Delivers frames in arrival order (one exchange); must call {@code done.run()} exactly once when
         * their outcome is final.
         */
        void deliver(java.util.List<BinanceFrame> frames, Runnable done);
    }

    private final BlockingQueue<BinanceFrame> queue = new LinkedBlockingQueue<>();
    private final Semaphore inflight;
    private final int maxInflight;
    private final int highWatermark;
    private final int lowWatermark;
    private final Sink sink;
    private final int batchSize;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean paused;
    private volatile Runnable resumeAction = () -> { };
    /** Frames the thread had taken but not delivered when it was interrupted. */
    private volatile java.util.List<BinanceFrame> held = java.util.List.of();

    /**
     * @param batchSize at most this many frames per exchange: the ones already queued, never waiting for
     *                  more, so batching costs no latency and only kicks in when frames arrive faster than
     *                  one exchange at a time can carry them
     */
    FrameDispatcher(String name, int queueCapacity, int maxInflight, int batchSize, Sink sink) {
        this.batchSize = batchSize;
        this.maxInflight = maxInflight;
        this.inflight = new Semaphore(maxInflight);
        this.highWatermark = queueCapacity;
        this.lowWatermark = Math.max(1, queueCapacity / 4);
        this.sink = sink;
        this.thread = new Thread(this::run, "k2-dispatch-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Queues a frame. Called on the socket's event loop.
     *
     * @param resume what to run (from the dispatcher thread) once the queue has drained, if this call asks
     *               for a pause
     * @return true when the caller must pause reading: the queue is above its high watermark
     */
    boolean offer(BinanceFrame frame, Runnable resume) {
        queue.add(frame);
        if (!paused && queue.size() >= highWatermark) {
            paused = true;
            resumeAction = resume;
            return true;
        }
        return false;
    }

    int queued() {
        return queue.size();
    }

    int inflight() {
        return maxInflight - inflight.availablePermits();
    }

    /** Frames queued plus exchanges awaiting Kafka: what a graceful shutdown must wait for. */
    int pending() {
        return queued() + inflight();
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            java.util.List<BinanceFrame> frames = null;
            try {
                BinanceFrame first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                frames = new java.util.ArrayList<>(Math.min(batchSize, 64));
                frames.add(first);
                if (batchSize > 1) {
                    queue.drainTo(frames, Math.min(batchSize - 1, Math.max(0, inflight.availablePermits() - 1)));
                }
                inflight.acquire(frames.size());
            } catch (InterruptedException e) {
                // stop() gave up waiting: what this thread took off the queue goes back to it, in front
                if (frames != null) {
                    held = frames;
                }
                Thread.currentThread().interrupt();
                return;
            }
            if (paused && queue.size() <= lowWatermark) {
                paused = false;
                resumeAction.run();
            }
            int permits = frames.size();
            try {
                sink.deliver(frames, () -> inflight.release(permits));
            } catch (RuntimeException e) {
                // the sink accounts for its own failures; reaching here is a bug, but keep the stream going
                inflight.release(permits);
                LOG.error("Unexpected failure handing {} frame(s) to the route; first frame: {}", permits,
                        frames.get(0).text(), e);
            }
        }
    }

    /**
     * Stops after the queue is drained, waiting at most {@code timeoutMillis}.
     *
     * @return the frames that were still queued when the wait ran out (empty after a clean drain); the
     * caller must account for them
     */
    java.util.List<BinanceFrame> stop(long timeoutMillis) {
        running = false;
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Dispatcher {} still had {} frames queued after {} ms; interrupting", thread.getName(),
                    queue.size(), timeoutMillis);
            thread.interrupt();
        }
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        java.util.List<BinanceFrame> left = new java.util.ArrayList<>(held);
        queue.drainTo(left);
        return left;
    }
}
