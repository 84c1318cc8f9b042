package io.k2.binance.connection;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.k2.binance.sequence.SequenceTracker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JMH-free microbenchmark: ns and bytes allocated per frame, for the fixture mix and for a large depth frame.
 * Run with {@code mvn -o test -Dtest=FrameScannerBenchTest -Dexcluded.test.groups=soak}; the numbers go to
 * the test's output file (target/surefire-reports/...-output.txt) and stdout.
 */
@Tag("bench")
class FrameScannerBenchTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void fixtureMix() {
        List<String> frames = JacksonFrameReference.fixtureLines();
        FrameScanner scanner = new FrameScanner();
        report("fixture mix (40 frames, avg " + frames.stream().mapToInt(String::length).sum() / frames.size()
                + " chars)", frames.toArray(String[]::new), scanner, 2_000_000);
    }

    @Test
    void largeDepthFrame() {
        StringBuilder levels = new StringBuilder();
        for (int i = 0; i < 547; i++) { // the largest diff in the 2025 BTCUSDT capture had 547 levels
            levels.append(i == 0 ? "" : ",").append("[\"").append(89218 + i).append(".34000000\",\"0.0").append(i)
                    .append("110000\"]");
        }
        String frame = "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1765107346014,"
                + "\"s\":\"BTCUSDT\",\"U\":82626886844,\"u\":82626886850,\"b\":[" + levels + "],\"a\":[" + levels + "]}}";
        FrameScanner scanner = new FrameScanner();
        assertThat(scanner.scan(frame).hasPosition()).isTrue();
        report("large depth frame (2 x 547 levels, " + frame.length() + " chars)", new String[] {frame}, scanner,
                100_000);
    }

    @Test
    void fixtureMixThroughTheTracker() {
        List<String> frames = JacksonFrameReference.fixtureLines();
        FrameScanner scanner = new FrameScanner();
        SequenceTracker tracker = new SequenceTracker(frames.stream().map(f -> scanner.scan(f).stream())
                .filter(java.util.Objects::nonNull).distinct().toList());
        String[] array = frames.toArray(String[]::new);
        long sink = 0;
        for (int i = 0; i < 2_000_000; i++) {
            FrameScan scan = scanner.scan(array[i % array.length]);
            sink += tracker.offer(scan.stream(), scan.position()).ordinal();
        }
        long start = System.nanoTime();
        int n = 2_000_000;
        for (int i = 0; i < n; i++) {
            FrameScan scan = scanner.scan(array[i % array.length]);
            sink += tracker.offer(scan.stream(), scan.position()).ordinal();
        }
        long ns = System.nanoTime() - start;
        System.out.printf("FrameScanner+SequenceTracker, fixture mix: %.1f ns/frame (sink %d)%n", (double) ns / n, sink);
    }

    private static void report(String what, String[] frames, FrameScanner scanner, int iterations) {
        long sink = 0;
        for (int round = 0; round < 3; round++) { // warm-up, then measure twice
            long bytes0 = THREADS.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                FrameScan scan = scanner.scan(frames[i % frames.length]);
                sink += scan.kind().ordinal() + (scan.hasPosition() ? scan.position().last() : 0);
            }
            long ns = System.nanoTime() - start;
            long bytes = THREADS.getCurrentThreadAllocatedBytes() - bytes0;
            if (round > 0) {
                System.out.printf("FrameScanner, %s: %.1f ns/frame, %.1f bytes allocated/frame (sink %d)%n", what,
                        (double) ns / iterations, (double) bytes / iterations, sink);
            }
        }
        long jacksonStart = System.nanoTime();
        int jacksonIterations = Math.max(1, iterations / 10);
        for (int i = 0; i < jacksonIterations; i++) {
            sink += JacksonFrameReference.parse(frames[i % frames.length]).size();
        }
        System.out.printf("  for scale, Jackson readTree on the same: %.1f ns/frame (sink %d)%n",
                (double) (System.nanoTime() - jacksonStart) / jacksonIterations, sink);
    }
}
