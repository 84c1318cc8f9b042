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
 * <p>Back-pressure instead of loss: at most {@code maxInflight} exchanges may await their Kafka outcome;
 * when that is reached the thread waits, the queue grows, and above the high watermark the caller pauses
 * the socket (TCP pushes back to the exchange). Nothing is ever dropped here.
 */
final class FrameDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(FrameDispatcher.class);

    interface Sink {
        /** Delivers one frame; must call {@code done.run()} exactly once when its outcome is final. */
        void deliver(ReceivedFrame frame, Runnable done);
    }

    private final BlockingQueue<ReceivedFrame> queue = new LinkedBlockingQueue<>();
    private final Semaphore inflight;
    private final int maxInflight;
    private final int highWatermark;
    private final int lowWatermark;
    private final Sink sink;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean paused;
    private volatile Runnable resumeAction = () -> { };

    FrameDispatcher(String name, int queueCapacity, int maxInflight, Sink sink) {
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
    boolean offer(ReceivedFrame frame, Runnable resume) {
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
            try {
                ReceivedFrame frame = queue.poll(200, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    continue;
                }
                inflight.acquire();
                if (paused && queue.size() <= lowWatermark) {
                    paused = false;
                    resumeAction.run();
                }
                try {
                    sink.deliver(frame, inflight::release);
                } catch (RuntimeException e) {
                    // the sink accounts for its own failures; reaching here is a bug, but keep the stream going
                    inflight.release();
                    LOG.error("Unexpected failure handing a frame from {} to the route; frame: {}", frame.stream(),
                            frame.text(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Stops after the queue is drained, waiting at most {@code timeoutMillis}.
     *
     * @return the frames that were still queued when the wait ran out (empty after a clean drain); the
     * caller must account for them
     */
    java.util.List<ReceivedFrame> stop(long timeoutMillis) {
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
        java.util.List<ReceivedFrame> left = new java.util.ArrayList<>();
        queue.drainTo(left);
        return left;
    }
}
