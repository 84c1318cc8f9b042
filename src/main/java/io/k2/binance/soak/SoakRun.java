package io.k2.binance.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.k2.binance.cli.LocalStack;
import io.k2.binance.cli.OperatorSettings;
import io.k2.binance.cli.Ports;

/**
 * One soak: start the stack, sample until the duration is up (injecting faults in the short mode), then check
 * the ledger and write the profile. Fails fast, with the profile written, when the RSS passes the cap or the
 * app exits.
 */
final class SoakRun {

    static final Path WORK_DIR = Path.of(".k2", "soak");
    /** A drop waits this long for a rotation's overlap to end, then drops the first connection anyway. */
    private static final Duration DROP_PATIENCE = Duration.ofSeconds(15);
    /**
     * Bound of the wait for the app to ack through the simulator's last ids once the read-back has caught up:
     * a gap is backfilled within seconds here, and the quiet end of the short mode has given it a minute already.
     */
    private static final Duration ACK_WAIT = Duration.ofMinutes(3);
    private static final Duration READ_TO_END = Duration.ofMinutes(10);

    private final SoakOptions options;
    private final SoakLimits limits;
    private final String command;
    private final PrintStream out;
    private final PrintStream err;
    private final List<SoakSample> samples = Collections.synchronizedList(new ArrayList<>());
    private final List<InjectedFault> faults = Collections.synchronizedList(new ArrayList<>());
    // from the moment the app is ready: the start-up is not part of the soak
    private Instant startedAt = Instant.now();
    private long startNanos = System.nanoTime();
    private boolean finished;
    private boolean stallOn;

    SoakRun(SoakOptions options, String command, PrintStream out, PrintStream err) {
        this.options = options;
        this.limits = options.limits();
        this.command = command;
        this.out = out;
        this.err = err;
    }

    /** The app's JVM flags for the metadata: what bin/k2 run will give it, then what it was started with. */
    private volatile List<String> jvmFlags = fallbackJvmFlags();

    int run() {
        Map<String, String> appEnv = appEnv();
        List<String> simulatorArgs = simulatorArgs();
        LocalStack stack = new LocalStack(WORK_DIR, out);
        Thread hook = new Thread(() -> {
            out.println();
            out.println("[soak] interrupted: writing what there is and stopping app, simulator and broker ...");
            finish(appEnv, simulatorArgs, "interrupted (Ctrl-C)", List.of(), lastGaps());
            stack.close();
        }, "k2-soak-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            String brokers = stack.startOrReuseBroker(Ports.free(), true);
            int simPort = Ports.free();
            stack.startSimulator(simPort, simulatorArgs);
            stack.startApp(Ports.free(), List.of(), appEnv);
            jvmFlags = startedJvmFlags(stack.app().pid(), jvmFlags);
            startedAt = Instant.now();
            startNanos = System.nanoTime();
            SimulatorControl control = new SimulatorControl(simPort);
            SoakSampler sampler = new SoakSampler(stack.metricsUrl(), stack.app().pid(), startNanos);
            out.printf(Locale.ROOT, "[soak] mode %s: %s at %,d ev/s, sample every %d s, warm-up %s; limits %s%n",
                    options.mode().id(), clock(options.duration().toSeconds()), options.rate(), options.sampleSeconds(),
                    clock(options.warmup().toSeconds()), limits);
            String failedFast = soak(stack, sampler, control);
            List<LedgerCheck> ledger = List.of();
            long gaps = lastGaps();
            if (failedFast == null) {
                stopInjecting(control);
                LedgerOutcome outcome = checkLedger(stack, brokers, control, sampler);
                ledger = outcome.checks();
                gaps = outcome.gaps();
            } else {
                stopInjecting(control);
                stack.app().stop(Duration.ofSeconds(30));
            }
            SoakSummary summary = finish(appEnv, simulatorArgs, failedFast, ledger, gaps);
            if (failedFast != null) {
                err.println("k2 soak: FAILED FAST: " + failedFast + ". Read " + stack.app().log() + " (last lines below)"
                        + " and the profile in " + options.outDir() + "; docs/memory.md 'How to read it' says where"
                        + " memory goes.\n" + stack.app().logTail(15));
                return 1;
            }
            if (!summary.passed()) {
                err.println("k2 soak: FAILED: see the table above, " + options.outDir().resolve(MemoryProfile.FILE)
                        + " and " + stack.app().log() + " (missing ids: grep them in the app log and the gaps topic,"
                        + " bin/k2 tail binance.gaps --from-beginning)");
                return 1;
            }
            out.println("[soak] PASSED");
            return 0;
        } catch (LocalStack.LauncherException e) {
            err.println("k2 soak: " + e.getMessage());
            finish(appEnv, simulatorArgs, "could not run: " + firstLine(e.getMessage()), List.of(), lastGaps());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("k2 soak: " + e + " (logs in " + WORK_DIR.resolve("logs") + ")");
            finish(appEnv, simulatorArgs, "harness error: " + e, List.of(), lastGaps());
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                stack.close();
            } catch (IllegalStateException shuttingDown) {
                // the hook is stopping everything already
            }
        }
    }

    /** Samples until the duration is up; returns why it stopped early, or null. */
    private String soak(LocalStack stack, SoakSampler sampler, SimulatorControl control) throws IOException {
        FaultSchedule schedule = options.mode().injectsFaults() ? FaultSchedule.forRun(options.duration())
                : FaultSchedule.none();
        double total = options.duration().toMillis() / 1000.0;
        double nextSample = 0;
        // every sample in the short mode, about once a minute otherwise
        int samplesPerProgress = options.mode() == SoakMode.SHORT ? 1 : Math.max(1, 60 / options.sampleSeconds());
        long samplesSinceProgress = 0;
        double dropPendingSince = -1;
        SoakSample previousProgress = null;
        double capBytes = limits.rssCapMb() * SoakSummary.BYTES_PER_MB;
        while (true) {
            double elapsed = sampler.elapsedSeconds();
            if (!stack.app().isAlive()) {
                return "the app exited (code " + stack.app().exitCode() + ") at " + clock((long) elapsed);
            }
            long rss = sampler.rssBytes();
            if (rss > capBytes) {
                samples.add(sampler.sample(faults.size()));
                return String.format(Locale.ROOT, "RSS %.0f MB passed the cap of %.0f MB at %s", rss / SoakSummary.BYTES_PER_MB,
                        limits.rssCapMb(), clock((long) elapsed));
            }
            if (elapsed >= total) {
                samples.add(sampler.sample(faults.size()));
                return null;
            }
            FaultSchedule.Step step = schedule.due(elapsed);
            if (step != null) {
                if (step.action() == FaultSchedule.Action.DROP && !dropNow(control, elapsed, dropPendingSince)) {
                    dropPendingSince = dropPendingSince < 0 ? elapsed : dropPendingSince;
                    schedule.retryLast();
                } else {
                    dropPendingSince = -1;
                    inject(control, step, elapsed, schedule);
                }
            }
            if (elapsed >= nextSample) {
                SoakSample s = sampler.sample(faults.size());
                samples.add(s);
                nextSample += options.sampleSeconds();
                if (samplesSinceProgress++ % samplesPerProgress == 0) {
                    progress(s, previousProgress, total, schedule.plannedFaults());
                    previousProgress = s;
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(1000); // the harness's own cadence: liveness and the RSS cap every second
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }

    /** A drop hits one connection; during a rotation's overlap (two open) it waits, up to DROP_PATIENCE. */
    private boolean dropNow(SimulatorControl control, double elapsed, double pendingSince) throws IOException {
        int open = control.connectionIds().size();
        return open == 1 || (open > 1 && pendingSince >= 0 && elapsed - pendingSince >= DROP_PATIENCE.toSeconds());
    }

    private void inject(SimulatorControl control, FaultSchedule.Step step, double elapsed, FaultSchedule schedule) {
        try {
            switch (step.action()) {
                case DROP -> {
                    String connection = control.connectionIds().get(0);
                    control.drop(connection);
                    record("drop", "connection " + connection + " closed without a close frame (1006)", elapsed);
                }
                case STALL -> {
                    control.stall(true);
                    stallOn = true;
                    record("stall", "all data held back for " + schedule.stallLength().toSeconds() + " s (pings go on)",
                            elapsed);
                }
                case RESUME -> {
                    control.stall(false);
                    stallOn = false;
                    out.printf(Locale.ROOT, "[soak] %s stall over%n", clock((long) elapsed));
                }
            }
        } catch (IOException | IndexOutOfBoundsException e) {
            out.println("[soak] could not inject " + step.action() + ": " + e.getMessage());
        }
    }

    private void record(String kind, String detail, double elapsed) {
        faults.add(new InjectedFault(System.currentTimeMillis(), elapsed, kind, detail));
        out.printf(Locale.ROOT, "[soak] %s injected %s: %s%n", clock((long) elapsed), kind, detail);
    }

    private void stopInjecting(SimulatorControl control) {
        if (stallOn) {
            try {
                control.stall(false);
                stallOn = false;
            } catch (IOException e) {
                out.println("[soak] could not end the stall: " + e.getMessage());
            }
        }
    }

    private void progress(SoakSample s, SoakSample previous, double total, long plannedFaults) {
        String rate = "-";
        if (previous != null && s.eventsAcked() >= 0 && previous.eventsAcked() >= 0) {
            rate = String.format(Locale.ROOT, "%,.0f", (s.eventsAcked() - previous.eventsAcked())
                    / Math.max(0.001, s.elapsedSeconds() - previous.elapsedSeconds()));
        }
        long injectedDrops = faults.stream().filter(f -> f.kind().equals("drop")).count();
        out.printf(Locale.ROOT, "[soak] %s/%s  RSS %s  heap after GC %s  score %.2f  %s msg/s  drops %d (injected %d)"
                        + "  rotations %d  gaps %d  faults %d/%d%n", clock((long) s.elapsedSeconds()), clock((long) total),
                mb(s.rssBytes()), mb(s.heapAfterGcBytes()), Math.max(0, s.leakScore()), rate, s.reconnectsTotal(),
                injectedDrops, s.rotationsTotal(), Math.max(0, s.gaps()), faults.size(), plannedFaults);
    }

    private record LedgerOutcome(List<LedgerCheck> checks, long gaps) {
    }

    /**
     * Records the simulator's newest ids, waits until Kafka has them and no gap is open, stops the app
     * (it drains), then reads the topics to their end and checks every id.
     */
    private LedgerOutcome checkLedger(LocalStack stack, String brokers, SimulatorControl control, SoakSampler sampler)
            throws IOException {
        Map<String, Long> lastIds = new TreeMap<>();
        for (String stream : idStreams()) {
            OptionalLong last = control.lastId(stream);
            if (last.isPresent()) {
                lastIds.put(stream, last.getAsLong());
            } else {
                out.println("[soak] the simulator generated nothing on " + stream + "; not id-checked");
            }
        }
        if (lastIds.isEmpty()) {
            out.println("[soak] no trade or aggTrade stream in --streams: the ledger cannot check anything");
            return new LedgerOutcome(List.of(), lastGaps());
        }
        out.println("[soak] injecting stopped; last ids generated: " + lastIds);
        IdLedger ledger = new IdLedger();
        List<String> topics = List.of(OperatorSettings.resolve("k2.kafka.topic.trade", "binance.trade"),
                OperatorSettings.resolve("k2.kafka.topic.aggtrade", "binance.aggtrade"));
        try (TopicReadBack readBack = new TopicReadBack(brokers, topics, ledger)) {
            // Reading a day of records back takes minutes of its own: the wait for the app starts once the
            // read-back has caught up with what the topics held when injecting stopped.
            var caughtUpMark = readBack.endOffsets();
            long catchUpDeadline = System.nanoTime() + READ_TO_END.toNanos();
            long deadline = Long.MAX_VALUE;
            long nextReport = 0;
            long gapsOpen = -1;
            while (true) {
                readBack.poll(Duration.ofMillis(500));
                if (deadline == Long.MAX_VALUE && (readBack.reached(caughtUpMark) || System.nanoTime() > catchUpDeadline)) {
                    deadline = System.nanoTime() + ACK_WAIT.toNanos();
                }
                boolean through = lastIds.entrySet().stream().allMatch(e -> ledger.maxSeen(e.getKey()) >= e.getValue());
                if (through || System.nanoTime() >= nextReport) {
                    gapsOpen = sampler.gapsOpen();
                }
                if (through && gapsOpen == 0) {
                    out.printf(Locale.ROOT, "[soak] the app acked through the last ids; no gap open (%,d records read)%n",
                            ledger.records());
                    break;
                }
                if (System.nanoTime() >= deadline) {
                    out.println("[soak] gave up waiting " + ACK_WAIT.toSeconds() + " s after the read-back caught up (gaps open " + gapsOpen
                            + "); the ledger will say what is missing");
                    break;
                }
                if (!stack.app().isAlive()) {
                    out.println("[soak] the app exited while the ledger waited; see " + stack.app().log());
                    break;
                }
                if (System.nanoTime() >= nextReport) {
                    List<String> behind = new ArrayList<>();
                    lastIds.forEach((s, id) -> {
                        long seen = ledger.maxSeen(s);
                        if (seen < id) {
                            behind.add(s + " " + (seen == Long.MIN_VALUE ? "none" : seen) + "/" + id);
                        }
                    });
                    out.printf(Locale.ROOT, "[soak] ledger: %,d records read; behind: %s; gaps open %d%n",
                            ledger.records(), behind.isEmpty() ? "none" : String.join(", ", behind), gapsOpen);
                    nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                }
            }
            long gaps = sampler.sample(faults.size()).gaps();
            out.println("[soak] stopping the app (it drains in-flight records) ...");
            if (!stack.app().stop(Duration.ofSeconds(60))) {
                out.println("[soak] the app did not stop within 60 s and was killed; see " + stack.app().log());
            }
            out.println("[soak] reading the rest of the topics ...");
            readBack.readToEnd(READ_TO_END);
            if (readBack.undecodable() > 0) {
                out.printf(Locale.ROOT, "[soak] %,d records named no trade/aggTrade id%n", readBack.undecodable());
            }
            List<LedgerCheck> checks = new ArrayList<>();
            lastIds.forEach((s, id) -> checks.add(ledger.check(s, id)));
            return new LedgerOutcome(checks, gaps < 0 ? lastGaps() : gaps);
        }
    }

    /** The trade and aggTrade streams of the run, e.g. btcusdt@trade: the ones with contiguous ids. */
    List<String> idStreams() {
        List<String> out = new ArrayList<>();
        List<String> kinds = Arrays.stream(options.streams().split(",")).map(String::trim).toList();
        for (String symbol : options.symbols().split(",")) {
            for (String kind : List.of("trade", "aggTrade")) {
                if (kinds.contains(kind)) {
                    out.add(symbol.trim().toLowerCase(Locale.ROOT) + "@" + kind);
                }
            }
        }
        return out;
    }

    private synchronized SoakSummary finish(Map<String, String> appEnv,
                                            List<String> simulatorArgs, String failedFast, List<LedgerCheck> ledger,
                                            long gaps) {
        List<SoakSample> taken;
        List<InjectedFault> injected;
        synchronized (samples) {
            taken = List.copyOf(samples);
        }
        synchronized (faults) {
            injected = List.copyOf(faults);
        }
        SoakSummary summary = SoakSummary.of(taken, options.warmup().toSeconds(), injected, ledger, gaps, failedFast, limits);
        if (finished) {
            return summary;
        }
        finished = true;
        SoakMetadata metadata = metadata(appEnv, simulatorArgs);
        try {
            Path json = new MemoryProfile(metadata, summary, injected, taken).write(options.outDir());
            String title = "k2 soak, mode " + options.mode().id() + ", " + LocalDate.ofInstant(startedAt, ZoneOffset.UTC)
                    + (failedFast == null ? "" : " (stopped early)");
            Path svg = SoakChart.write(options.outDir(), title, taken, injected);
            out.println();
            out.print(summary.table());
            out.println("[soak] wrote " + json + " and " + svg);
        } catch (IOException e) {
            err.println("k2 soak: cannot write the profile to " + options.outDir() + ": " + e.getMessage());
        }
        return summary;
    }

    private SoakMetadata metadata(Map<String, String> appEnv, List<String> simulatorArgs) {
        Map<String, String> definitions = new LinkedHashMap<>();
        definitions.put("growth", SoakSummary.GROWTH_DEFINITION);
        definitions.put("slope", SoakSummary.SLOPE_DEFINITION);
        definitions.put("msgPerSecond", SoakSummary.MSG_RATE_DEFINITION);
        definitions.put("drops", SoakSummary.DROPS_DEFINITION);
        definitions.put("ledger", SoakSummary.LEDGER_DEFINITION);
        definitions.put("depth", SoakSummary.DEPTH_NOTE);
        definitions.put("rotations", "markers where binance_connection_rotations_total rose between two samples");
        definitions.put("units", "MB = 2^20 bytes; times in epoch ms (atMillis) and seconds since the app was ready");
        Map<String, String> logs = new LinkedHashMap<>();
        logs.put("app", WORK_DIR.resolve("logs/app.log").toString());
        logs.put("simulator", WORK_DIR.resolve("logs/simulator.log").toString());
        logs.put("kafka", WORK_DIR.resolve("kafka").toString());
        List<String> flags = jvmFlags;
        return new SoakMetadata(options.mode().id(), command, startedAt.toString(), options.duration().toSeconds(),
                (System.nanoTime() - startNanos) / 1e9, options.rate(), options.symbols(), options.streams(),
                options.sampleSeconds(), options.warmup().toSeconds(), flags, appEnv, simulatorArgs,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(), gitCommit(), limits, definitions, logs);
    }

    /** What bin/k2 run gives the app, before it has started: jvm.options, then K2_JAVA_OPTS (which wins). */
    private static List<String> fallbackJvmFlags() {
        List<String> flags = new ArrayList<>(argumentFileFlags(Path.of("jvm.options")));
        String extra = System.getenv("K2_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            flags.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        return flags;
    }

    /**
     * The JVM flags the app really started with, from its command line (/proc), an argument file expanded: what
     * bin/k2 run added (the class-data archive) included. {@code fallback} where /proc cannot tell.
     */
    static List<String> startedJvmFlags(long pid, List<String> fallback) {
        try {
            String[] args = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8)
                    .split("\0");
            List<String> flags = new ArrayList<>();
            for (int i = 1; i < args.length && !args[i].equals("-cp"); i++) {
                flags.addAll(args[i].startsWith("@") ? argumentFileFlags(Path.of(args[i].substring(1))) : List.of(args[i]));
            }
            return flags.isEmpty() ? fallback : flags;
        } catch (IOException e) {
            return fallback;
        }
    }

    private static List<String> argumentFileFlags(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            return List.of("(" + file + " unreadable: " + e.getMessage() + ")");
        }
    }

    private Map<String, String> appEnv() {
        Map<String, String> env = new TreeMap<>();
        env.put("K2_BINANCE_SYMBOLS", options.symbols());
        env.put("K2_BINANCE_STREAMS", options.streams());
        if (options.mode() == SoakMode.SHORT) {
            // a day's rotations in minutes: a lifetime of 60 s, checked often enough to rotate close to it
            env.put("K2_BINANCE_CONNECTION_MAX_LIFETIME_TEST_SECONDS", "60");
            env.put("K2_BINANCE_ROTATION_CHECK_INTERVAL_SECONDS", "5");
            // the app's own memory sample (heap after GC, leak score) as often as the harness's
            env.put("K2_OBSERVE_MEMORY_SAMPLE_SECONDS", Integer.toString(options.sampleSeconds()));
            // the heap give-back compressed like the rest of the day: an oversized heap is given back a minute
            // after it stopped being needed instead of three, so within the run
            env.put("K2_OBSERVE_HEAP_GIVE_BACK_CHECK_SECONDS", Integer.toString(FaultSchedule.GIVE_BACK_CHECK_SECONDS));
        }
        return env;
    }

    private List<String> simulatorArgs() {
        List<String> args = new ArrayList<>(List.of("--symbols", options.symbols(), "--streams", options.streams(),
                "--rate", Integer.toString(options.rate()), "--burst-factor", "1"));
        if (options.mode() == SoakMode.SHORT) {
            args.addAll(List.of("--ping-interval", "5s"));
        }
        return args;
    }

    private long lastGaps() {
        synchronized (samples) {
            for (int i = samples.size() - 1; i >= 0; i--) {
                if (samples.get(i).gaps() >= 0) {
                    return samples.get(i).gaps();
                }
            }
        }
        return 0;
    }

    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? text : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.0f MB", bytes / SoakSummary.BYTES_PER_MB);
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
