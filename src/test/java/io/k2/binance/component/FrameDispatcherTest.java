package io.k2.binance.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dispatcher's contract: order, batch bounds, the in-flight limit, and pause/resume around the watermarks. */
class FrameDispatcherTest {

    private final List<List<BinanceFrame>> batches = new CopyOnWriteArrayList<>();
    private final List<Runnable> pendingDone = Collections.synchronizedList(new ArrayList<>());
    private FrameDispatcher dispatcher;

    @AfterEach
    void stop() {
        new ArrayList<>(pendingDone).forEach(Runnable::run);
        dispatcher.stop(1_000);
    }

    private static BinanceFrame frame(int i) {
        return new BinanceFrame("f" + i, "btcusdt@trade", "c-1", i, false);
    }

    @Test
    void deliversEveryFrameInOrderInBatchesNoLargerThanTheLimit() {
        dispatcher = new FrameDispatcher("t", 100_000, 100_000, 7, (frames, done) -> {
            batches.add(List.copyOf(frames));
            done.run();
        });
        for (int i = 0; i < 5_000; i++) {
            dispatcher.offer(frame(i), () -> { });
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
        dispatcher = new FrameDispatcher("t", 100_000, 10, 4, (frames, done) -> {
            batches.add(List.copyOf(frames));
            pendingDone.add(done); // outcomes arrive later, as Kafka acks do
        });
        for (int i = 0; i < 50; i++) {
            dispatcher.offer(frame(i), () -> { });
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
    void asksForAPauseAtTheHighWatermarkAndResumesOnceDrained() {
        AtomicInteger resumes = new AtomicInteger();
        dispatcher = new FrameDispatcher("t", 100, 1_000_000, 10, (frames, done) -> done.run());
        int pauses = 0;
        for (int i = 0; i < 150; i++) {
            if (dispatcher.offer(frame(i), resumes::incrementAndGet)) {
                pauses++;
            }
        }
        assertThat(pauses).as("one pause request when the queue reaches 100").isEqualTo(1);
        assertThat(resumes).hasValue(0);
        dispatcher.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> resumes.get() == 1 && dispatcher.queued() == 0);
    }

    @Test
    void stopReturnsWhatCouldNotBeDeliveredInTime() {
        dispatcher = new FrameDispatcher("t", 100_000, 1, 1, (frames, done) -> pendingDone.add(done));
        for (int i = 0; i < 5; i++) {
            dispatcher.offer(frame(i), () -> { });
        }
        dispatcher.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.inflight() == 1);
        List<BinanceFrame> left = dispatcher.stop(200);
        assertThat(left).extracting(BinanceFrame::text).containsExactly("f1", "f2", "f3", "f4");
    }
}
