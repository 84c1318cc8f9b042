package io.k2.binance.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.k2.binance.observe.MetricNames;

/**
 * {@code bin/k2 bench}: drives the simulator at full rate through the app (full normalization, dead-letter
 * accounting and metrics on) into a fresh local broker for a fixed time, then measures a plain
 * KafkaProducer sending the same records to the same broker. Prints a Markdown report.
 */
public final class BenchCommand {

    /** After jvm.options (bin/k2 run): the benchmark's heap, then the variant's own flags (later flags win). */
    static List<String> jvmOptions(String heap, String variant) {
        List<String> options = new ArrayList<>();
        if (!heap.isBlank()) {
            options.add("-Xms" + heap);
            options.add("-Xmx" + heap);
        }
        if (!variant.isBlank()) {
            options.addAll(List.of(variant.trim().split("\\s+")));
        }
        return options;
    }

    /** What one app variant did over the measured window. */
    record AppRun(String variant, double received, double acked, double dead, double p50, double p99,
                  long peakRss, double queue) {
    }

    private static AppRun measureApp(LocalStack stack, String variant, String heap, String symbols, String streams,
                                     String rate, int warmup, int duration, PrintStream out) throws IOException {
        String name = variant.isBlank() ? "jvm.options" : variant;
        out.printf("[bench] app variant: %s%n", name);
        stack.startApp(Ports.free(), jvmOptions(heap, variant),
                Map.of("K2_BINANCE_SYMBOLS", symbols, "K2_BINANCE_STREAMS", streams,
                        "K2_INGEST_MAX_INFLIGHT", "100000"));
        ProcessMemory memory = new ProcessMemory();
        long peakRss = 0;
        out.printf("[bench] warming up for %d s at --rate %s ...%n", warmup, rate);
        peakRss = Math.max(peakRss, sampleFor(Duration.ofSeconds(warmup), stack, memory, out));
        MetricsScrape before = MetricsScrape.of(stack.metricsUrl());
        long t0 = System.nanoTime();
        out.printf("[bench] measuring the app for %d s ...%n", duration);
        peakRss = Math.max(peakRss, sampleFor(Duration.ofSeconds(duration), stack, memory, out));
        MetricsScrape after = MetricsScrape.of(stack.metricsUrl());
        double secs = (System.nanoTime() - t0) / 1e9;
        double received = (after.sum(prom(MetricNames.EVENTS_RECEIVED)) - before.sum(prom(MetricNames.EVENTS_RECEIVED))) / secs;
        double acked = (after.sum(prom(MetricNames.RECORDS_ACKED)) - before.sum(prom(MetricNames.RECORDS_ACKED))) / secs;
        double dead = after.sum(prom(MetricNames.DEAD_LETTERED)) - before.sum(prom(MetricNames.DEAD_LETTERED));
        String latency = "k2_ack_latency_seconds";
        double p50 = after.max(latency, "quantile=\"0.5\"") * 1000;
        double p99 = after.max(latency, "quantile=\"0.99\"") * 1000;
        double queue = after.sum("k2_ingest_queue_depth");
        out.println("[bench] stopping the app ...");
        stack.app().stop(Duration.ofSeconds(60));
        return new AppRun(name, received, acked, dead, p50, p99, peakRss, queue);
    }

    private static final String HELP = """
            Usage: bin/k2 bench [options]

            1. starts a fresh Kafka broker (data in .k2/bench/kafka), the simulator and the app, each its own JVM;
            2. streams at --rate for --warmup + --duration seconds; measures over --duration:
               events/s acked by Kafka, receive-to-ack latency p50/p99, the app's peak RSS;
               with --app-jvm-options given more than once, repeats 2 for each variant with a fresh app;
            3. stops the app, reads back up to 500k of the records it wrote, and sends them with a plain
               KafkaProducer (same serializers, acks=all, idempotence, linger, batch, compression) for
               --duration seconds: the baseline.
            Prints a Markdown report (also written to .k2/bench/report.md). Takes about
            2 x duration + warmup + 60 s.

            Options:
              --duration S      measured seconds per phase (default 60)
              --warmup S        seconds before measuring the app (default 15)
              --rate N          simulator messages/s over all streams (default 200000)
              --symbols LIST    (default btcusdt,ethusdt,bnbusdt,solusdt,xrpusdt)
              --streams LIST    (default trade,aggTrade,bookTicker,depth@100ms)
              --app-heap SIZE   the app's -Xms and -Xmx (default: those of jvm.options, as bin/k2 run has them)
              --app-jvm-options "FLAGS"
                                extra JVM flags for the app, after jvm.options and the heap (they win);
                                repeat it to measure several variants one after the other in the same run,
                                against the same simulator, broker and baseline. "" is jvm.options as shipped.
                                To switch the collector turn jvm.options' one off first, e.g. "-XX:-UseG1GC -XX:+UseSerialGC".
              --help            this text
            """;

    private BenchCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        int duration = 60;
        int warmup = 15;
        String rate = "200000";
        String symbols = "btcusdt,ethusdt,bnbusdt,solusdt,xrpusdt";
        String streams = "trade,aggTrade,bookTicker,depth@100ms";
        String heap = "";
        List<String> variants = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        out.print(HELP);
                        return 0;
                    }
                    case "--duration" -> duration = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--rate" -> rate = Integer.toString(Integer.parseInt(args[++i]));
                    case "--symbols" -> symbols = args[++i];
                    case "--streams" -> streams = args[++i];
                    case "--app-heap" -> heap = args[++i];
                    case "--app-jvm-options" -> variants.add(args[++i].trim());
                    default -> {
                        err.println("k2 bench: unknown option '" + args[i] + "'. See bin/k2 bench --help.");
                        return 2;
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            err.println("k2 bench: an option is missing its value or it is not a number. See --help.");
            return 2;
        }
        if (variants.isEmpty()) {
            variants.add("");
        }
        Path work = Path.of(".k2", "bench");
        int kafkaPort = Ports.free();
        try (LocalStack stack = new LocalStack(work, out)) {
            String brokers = stack.startOrReuseBroker(kafkaPort, true);
            // the simulator's market produces exactly the app's streams, so --rate is what the app is offered
            stack.startSimulator(Ports.free(), List.of("--symbols", symbols, "--streams", streams, "--rate", rate,
                    "--burst-factor", "1"));
            List<AppRun> runs = new ArrayList<>();
            for (String variant : variants) {
                runs.add(measureApp(stack, variant, heap, symbols, streams, rate, warmup, duration, out));
            }
            stack.simulator().stop(Duration.ofSeconds(10));

            out.println("[bench] baseline: reading back the app's records ...");
            List<String> topics = new ArrayList<>(List.of("binance.trade", "binance.aggtrade", "binance.bookticker",
                    "binance.depth"));
            List<BaselineProducer.Sample> samples = BaselineProducer.readBack(brokers, topics, 500_000);
            if (samples.isEmpty()) {
                err.println("k2 bench: the app wrote no records; see " + stack.app().log());
                return 1;
            }
            out.printf("[bench] baseline: plain KafkaProducer, %,d distinct records, %d s ...%n", samples.size(),
                    duration);
            double baseline = BaselineProducer.run(brokers, samples, "baseline.", Duration.ofSeconds(duration),
                    producerSettingsOfTheApp());

            String report = report(rate, symbols, streams, heap, duration, warmup, runs, baseline);
            out.println();
            out.println(report);
            Files.createDirectories(work);
            Files.writeString(work.resolve("report.md"), report);
            return 0;
        } catch (LocalStack.LauncherException e) {
            err.println("k2 bench: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("k2 bench: " + e);
            return 1;
        }
    }

    /** The producer settings of application.properties (acks=all, idempotence, linger, batch, compression). */
    static Properties producerSettingsOfTheApp() throws IOException {
        Properties app = new Properties();
        try (var r = Files.newBufferedReader(Path.of("application.properties"))) {
            app.load(r);
        }
        Properties p = new Properties();
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("max.in.flight.requests.per.connection", "5");
        p.put("linger.ms", app.getProperty("k2.kafka.linger-ms"));
        p.put("batch.size", app.getProperty("k2.kafka.batch-size"));
        p.put("compression.type", app.getProperty("k2.kafka.compression"));
        return p;
    }

    private static long sampleFor(Duration d, LocalStack stack, ProcessMemory memory, PrintStream out) {
        long peak = 0;
        long end = System.nanoTime() + d.toNanos();
        long nextProgress = System.nanoTime();
        while (System.nanoTime() < end) {
            if (!stack.app().isAlive()) {
                throw new LocalStack.LauncherException("the app exited during the benchmark; last lines of "
                        + stack.app().log() + ":\n" + stack.app().logTail(20));
            }
            peak = Math.max(peak, memory.rssBytes(stack.app().pid()));
            if (System.nanoTime() >= nextProgress) {
                try {
                    MetricsScrape m = MetricsScrape.of(stack.metricsUrl());
                    out.printf("[bench] %s  received %,.0f  acked %,.0f  queued %,.0f  RSS %s%n", Instant.now(),
                            m.sum(prom(MetricNames.EVENTS_RECEIVED)), m.sum(prom(MetricNames.RECORDS_ACKED)),
                            m.sum("k2_ingest_queue_depth"), ProcessMemory.mib(peak));
                } catch (IOException e) {
                    out.println("[bench] metrics not answering: " + e.getMessage());
                }
                nextProgress = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            try {
                Thread.sleep(1000); // RSS sampling cadence
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return peak;
    }

    private static String prom(String micrometerCounter) {
        return DevCommand.prom(micrometerCounter);
    }

    private static String report(String rate, String symbols, String streams, String heap, int duration, int warmup,
                                 List<AppRun> runs, double baseline) {
        StringBuilder variants = new StringBuilder();
        for (AppRun r : runs) {
            variants.append(" --app-jvm-options \"").append(r.variant().equals("jvm.options") ? "" : r.variant())
                    .append('"');
        }
        StringBuilder t = new StringBuilder("| measure |");
        StringBuilder rule = new StringBuilder("|---|");
        for (AppRun r : runs) {
            t.append(" `").append(r.variant()).append("` |");
            rule.append("---|");
        }
        t.append('\n').append(rule).append('\n');
        row(t, runs, "events/s received by the app", r -> String.format("%,.0f", r.received()));
        row(t, runs, "**events/s acked by Kafka (app)**", r -> String.format("**%,.0f**", r.acked()));
        row(t, runs, "receive-to-ack latency p50 / p99", r -> String.format("%.1f ms / %.1f ms", r.p50(), r.p99()));
        row(t, runs, "app peak RSS", r -> ProcessMemory.mib(r.peakRss()));
        row(t, runs, "frames still queued at the end", r -> String.format("%,.0f", r.queue()));
        row(t, runs, "dead-lettered while measured", r -> String.format("%,.0f", r.dead()));
        row(t, runs, "plain KafkaProducer baseline, records/s acked", r -> String.format("%,.0f", baseline));
        row(t, runs, "**app / baseline**", r -> String.format("**%.0f %%**", 100.0 * r.acked() / baseline));
        return String.format("""
                ### Run %s

                Command: `bin/k2 bench --rate %s --duration %d --warmup %d%s` (symbols %s; streams %s; app heap %s)
                Machine: %d cores, %s, Java %s

                %s""", Instant.now(), rate, duration, warmup, runs.size() > 1 ? variants : "", symbols, streams, heap.isBlank() ? "of jvm.options" : "-Xms/-Xmx" + heap,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), t);
    }

    private static void row(StringBuilder t, List<AppRun> runs, String measure,
                            java.util.function.Function<AppRun, String> value) {
        t.append("| ").append(measure).append(" |");
        for (AppRun r : runs) {
            t.append(' ').append(value.apply(r)).append(" |");
        }
        t.append('\n');
    }
}
