package io.k2.binance.gap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.k2.binance.connection.BinanceFrame;
import io.k2.binance.connection.FrameSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streams waiting for their start-up depth snapshot are the configured depth-diff streams, kept in step
 * with live changes: frames naming other streams add nothing, removed streams leave, added ones join.
 */
class AwaitingFirstSnapshotIsBoundedTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    private static final class Collected implements FrameSink {
        final List<BinanceFrame> frames = new ArrayList<>();
        @Override public boolean offer(BinanceFrame frame) { frames.add(frame); return true; }
        @Override public void offerHeld(BinanceFrame frame) { frames.add(frame); }
        @Override public boolean saturated() { return false; }
        @Override public boolean drained() { return true; }
        @Override public void onDrained(Runnable action) { }
    }

    private GapCloser closer(Collected downstream) {
        GapSettings settings = new GapSettings("http://127.0.0.1:1", true, Duration.ofSeconds(5), 20_000, 100_000,
                Duration.ofMinutes(10), 3000, Duration.ofMinutes(1), 4, Duration.ofSeconds(10), 1000, true, false,
                true, "");
        return new GapCloser(downstream, settings, vertx, new SimpleMeterRegistry(), "test", "i");
    }

    @Test
    void framesOfOtherStreamsAddNothingAndLiveChangesKeepItInStep() {
        Collected downstream = new Collected();
        GapCloser gaps = closer(downstream);
        gaps.registerStreams(List.of("btcusdt@depth@100ms", "btcusdt@trade", "btcusdt@depth5"));
        assertThat(gaps.awaitingFirstSnapshot()).as("only the diff-depth stream waits").isEqualTo(1);

        for (int i = 0; i < 500; i++) {
            gaps.offer(new BinanceFrame("{\"e\":\"depthUpdate\",\"U\":1,\"u\":2}", "s" + i + "usdt@depth", "c1", 1));
        }
        assertThat(downstream.frames).as("not configured: passed on at once, no snapshot").hasSize(500);
        assertThat(gaps.awaitingFirstSnapshot()).isEqualTo(1);

        gaps.streamsChanged(List.of("ethusdt@depth"), List.of("btcusdt@depth@100ms"));
        assertThat(gaps.awaitingFirstSnapshot()).as("removed left, added joined").isEqualTo(1);
        gaps.streamsChanged(List.of(), List.of("ethusdt@depth"));
        assertThat(gaps.awaitingFirstSnapshot()).isZero();
        gaps.stopped();
    }
}
