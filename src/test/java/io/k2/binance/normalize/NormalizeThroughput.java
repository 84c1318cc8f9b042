package io.k2.binance.normalize;

import io.k2.binance.avro.SingleObjectEncoder;

import java.util.List;

/**
 * Rough per-event cost of normalize + encode on one thread, over the fixture events (a deliberately crude
 * loop, not JMH, and not a unit test: timing assertions would be flaky). Run:
 * <pre>
 * mvn -o -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.k2.binance.normalize.NormalizeThroughput [seconds]
 * </pre>
 */
public final class NormalizeThroughput {

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        BinanceNormalizer normalizer = Fixtures.normalizer();
        SingleObjectEncoder encoder = new SingleObjectEncoder();
        List<String> events = Fixtures.sampleLines().stream().filter(line -> {
            try {
                normalizer.normalize(line, null, Fixtures.RECEIVED_AT);
                return true;
            } catch (RuntimeException notAnEvent) {
                return false;
            }
        }).toList();
        String trade = Fixtures.line(24);

        run("warm-up  mixed", normalizer, encoder, events, seconds / 2);
        run("measured mixed (" + events.size() + " fixture events)", normalizer, encoder, events, seconds);
        run("measured trade only", normalizer, encoder, List.of(trade), seconds);
    }

    private static void run(String label, BinanceNormalizer normalizer, SingleObjectEncoder encoder,
                            List<String> events, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long count = 0;
        long bytes = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime(); // CPU time is less distorted by other load on the box
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            for (String frame : events) {
                bytes += encoder.encode(normalizer.normalize(frame, null, Fixtures.RECEIVED_AT).record()).length;
                count++;
            }
        }
        double nanos = System.nanoTime() - start;
        double cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
        System.out.printf("%s: %d events, %.2f µs wall / %.2f µs CPU per event, %.0f events/s (%d bytes encoded)%n",
                label, count, nanos / count / 1000, cpuNanos / count / 1000, count / (nanos / 1e9), bytes);
    }
}
