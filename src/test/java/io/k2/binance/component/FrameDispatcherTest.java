package io.k2.binance.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.k2.binance.connection.BinanceFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatcher's contract: order, batch bounds, the in-flight limit, the watermarks and the hard limit, the
 * delivery gate, and one shutdown budget for queued and in-flight frames together.
 */
class FrameDispatcherTest {

    private final List<List<BinanceFrame>> batches = new CopyOnWriteArrayList<>();
    private final List<Runnable> pendingDone = Collections.synchronizedList(new ArrayList<>());
    private FrameDispatcher dispatcher;

    @AfterEach
    void stop() {
        new ArrayList<>(pendingDone).forEach(Runnable::run);
        dispatcher.stop(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
    }

    private static BinanceFrame frame(int i) {
        return new BinanceFrame("f" + i, "btcusdt@trade", "c-1", i);
    }

    @Test
    void deliversEveryFrameInOrderInBatchesNoLargerThanTheLimit() {
        dispatcher = new FrameDispatcher("t", 100_000, 100_000, 7, null, (frames, done) -> {
            batches.add(List.copyOf(frames));
            done.run();
        });
        for (int i = 0; i < 5_000; i++) {
            dispatcher.offer(frame(i));
        }
        dispatcher.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.stream().mapToInt(List::size).sum() == 5_000);
        List<BinanceFrame> all = batches.stream().flatMap(List::stream).toList();
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).text()).isEqualTo("f" + i);
        }
        assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeBetween(1, 7));
        assertThat(batches.stream().anyMatch(b -> b.size() == 7)).as("queued frames travel together").isTrue();
    }

    @Test
    void neverHasMoreFramesInFlightThanTheLimit() {
        dispatcher = new FrameDispatcher("t", 100_000, 10, 4, null, (frames, done) -> {
            batches.add(List.copyOf(frames));
            pendingDone.add(done); // outcomes arrive later, as Kafka acks do
        });
        for (int i = 0; i < 50; i++) {
            dispatcher.offer(frame(i));
        }
        dispatcher.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.inflight() == 10);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> dispatcher.inflight() == 10);
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(10);

        List<Runnable> done = new ArrayList<>(pendingDone);
        pendingDone.clear();
        done.forEach(Runnable::run);
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.stream().mapToInt(List::size).sum() == 20);
    }

    @Test
    void saysSaturatedAtTheHighWatermarkAndCallsBackOnceDrained() {
        AtomicInteger drained = new AtomicInteger();
        dispatcher = new FrameDispatcher("t", 100, 1_000_000, 10, null, (frames, done) -> done.run());
        dispatcher.onDrained(drained::incrementAndGet);
        for (int i = 0; i < 150; i++) {
            assertThat(dispatcher.offer(frame(i))).isTrue();
        }
        assertThat(dispatcher.saturated()).isTrue();
        assertThat(dispatcher.drained()).isFalse();
        dispatcher.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> drained.get() == 1 && dispatcher.queued() == 0);
        assertThat(dispatcher.drained()).isTrue();
    }

    @Test
    void refusesFramesPastTheHardLimitInsteadOfGrowingWithoutBound() {
        dispatcher = new FrameDispatcher("t", 100, 1_000_000, 10, null, (frames, done) -> done.run());
        int taken = 0;
        for (int i = 0; i < 5_000; i++) {
            if (dispatcher.offer(frame(i))) {
                taken++;
            }
        }
        // 100 queued up to the high watermark, plus 1024 of slack for frames Vert.x delivers after a pause
        assertThat(taken).isEqualTo(100 + 1024);
        assertThat(dispatcher.queued()).isEqualTo(taken);
    }

    @Test
    void takesARotationsHeldFramesPastTheHardLimitAndDeliversThemInOrder() {
        List<String> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        dispatcher = new FrameDispatcher("t", 100, 1_000_000, 10, null, (frames, done) -> {
            frames.forEach(f -> got.add(f.text()));
            done.run();
        });
        int i = 0;
        while (dispatcher.offer(frame(i))) {
            i++;
        }
        // full: a held frame is the only copy of its event at the cut-over (the old socket is closed), so it is taken
        int full = i;
        for (int held = 0; held < 500; held++) {
            dispatcher.offerHeld(frame(full + held));
        }
        assertThat(dispatcher.queued()).isEqualTo(full + 500);
        dispatcher.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == full + 500);
        assertThat(got.get(full)).isEqualTo(frame(full).text());
        assertThat(got.get(full + 499)).isEqualTo(frame(full + 499).text());
    }

    @Test
    void holdsFramesInTheQueueWhileTheGateIsClosed() {
        AtomicBoolean open = new AtomicBoolean(false);
        dispatcher = new FrameDispatcher("t", 100_000, 100_000, 10, open::get, (frames, done) -> {
            batches.add(List.copyOf(frames));
            done.run();
        });
        for (int i = 0; i < 20; i++) {
            dispatcher.offer(frame(i));
        }
        dispatcher.start();
        await().atMost(Duration.ofSeconds(5)).until(dispatcher::isGateClosed);
        // 500 ms is 10 gate polls: a dispatcher ignoring the gate would have delivered within the first one
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> batches.isEmpty());
        assertThat(dispatcher.queued()).isEqualTo(20);
        open.set(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.stream().mapToInt(List::size).sum() == 20);
    }

    @Test
    void stopReturnsWhatCouldNotBeDeliveredWithinOneBudgetForQueueAndKafka() {
        dispatcher = new FrameDispatcher("t", 100_000, 1, 1, null, (frames, done) -> pendingDone.add(done));
        for (int i = 0; i < 5; i++) {
            dispatcher.offer(frame(i));
        }
        dispatcher.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.inflight() == 1);
        long started = System.nanoTime();
        FrameDispatcher.Leftover left = dispatcher.stop(started + TimeUnit.MILLISECONDS.toNanos(300));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(left.unsent()).extracting(BinanceFrame::text).containsExactly("f1", "f2", "f3", "f4");
        assertThat(left.awaitingKafka()).isEqualTo(1);
        assertThat(took).as("queue drain and in-flight wait share the one deadline").isLessThan(2_000);
    }
}
