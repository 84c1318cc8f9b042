package io.k2.binance.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.k2.binance.kafkalocal.LocalKafkaBroker;
import io.k2.binance.simulator.SimulatorMain;

/**
 * Broker + simulator + app on loopback, as {@code bin/k2 dev} and {@code bin/k2 bench} run them: each a
 * process of its own (the app exactly as {@code bin/k2 run} starts it), logs under one folder, stopped in
 * reverse order so the app drains into a live broker.
 */
public final class LocalStack implements AutoCloseable {

    private final Path workDir;
    private final PrintStream out;
    private LocalKafkaBroker broker;
    private String brokers;
    private ChildProcess simulator;
    private ChildProcess app;
    private int simulatorPort;
    private int observePort;

    public LocalStack(Path workDir, PrintStream out) {
        this.workDir = workDir;
        this.out = out;
    }

    /**
     * Uses the broker already listening on {@code port} (e.g. from `bin/k2 kafka start`) or starts one there
     * with its data under the work dir.
     */
    public String startOrReuseBroker(int port, boolean freshData) {
        if (Ports.accepts(port)) {
            String address = "127.0.0.1:" + port;
            if (!TailCommand.brokerReachable(address, out)) {
                throw new LauncherException("127.0.0.1:" + port + " is in use but is not a Kafka broker; free it or "
                        + "pick another port with --kafka-port");
            }
            out.println("[k2] using the Kafka broker already running at " + address);
            brokers = address;
            return brokers;
        }
        Path data = workDir.resolve("kafka");
        if (freshData) {
            deleteRecursively(data);
        }
        out.println("[k2] starting Kafka on 127.0.0.1:" + port + " (data in " + data + ") ...");
        broker = LocalKafkaBroker.builder().libDir(Path.of(System.getProperty("k2.kafka.lib", "target/kafka-lib")))
                .dataDir(data).port(port).controllerPort(0)
                // detached: in a session of its own, so Ctrl-C does not kill it before the app has drained;
                // close() stops it last
                .detached(true).build();
        broker.start();
        brokers = broker.bootstrapServers();
        out.println("[k2] Kafka ready at " + brokers);
        return brokers;
    }

    public void startSimulator(int port, List<String> args) throws IOException {
        if (!Ports.isFree(port)) {
            throw new LauncherException("simulator port 127.0.0.1:" + port + " is already in use; stop what uses it "
                    + "or pick another with --sim-port");
        }
        simulatorPort = port;
        List<String> all = new ArrayList<>(List.of("--port", Integer.toString(port)));
        all.addAll(args);
        simulator = ChildProcess.startJava("simulator", List.of("-Xmx512m"), SimulatorMain.class.getName(), all,
                Map.of(), workDir.resolve("logs/simulator.log"));
        awaitUntil(Duration.ofSeconds(20), () -> Ports.accepts(port), simulator, "simulator to listen on " + port);
        out.println("[k2] simulator on ws://127.0.0.1:" + port + " (log " + simulator.log() + ")");
    }

    /**
     * Starts the app with {@code bin/k2 run} against the simulator and broker, {@code jvmFlags} after jvm.options
     * and the caller's K2_JAVA_OPTS; waits until it is ready.
     */
    public void startApp(int observePort, List<String> jvmFlags, Map<String, String> extraEnv) throws IOException {
        if (!Ports.isFree(observePort)) {
            throw new LauncherException("metrics/health port 127.0.0.1:" + observePort + " is already in use "
                    + "(another k2 app?); stop it or pick another with --observe-port (K2_OBSERVE_PORT)");
        }
        this.observePort = observePort;
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "K2_BINANCE_BASE_URL", "ws://127.0.0.1:" + simulatorPort,
                "K2_BINANCE_EXCHANGE_INFO_URL", "http://127.0.0.1:" + simulatorPort + "/api/v3/exchangeInfo",
                "K2_BINANCE_REST_BASE_URL", "http://127.0.0.1:" + simulatorPort,
                "K2_KAFKA_BROKERS", brokers,
                "K2_OBSERVE_PORT", Integer.toString(observePort),
                "MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2")));
        env.put("K2_JAVA_OPTS", AppLauncher.javaOptions(System.getenv("K2_JAVA_OPTS"), jvmFlags));
        env.putAll(extraEnv);
        app = ChildProcess.start("app", AppLauncher.command(), env, workDir.resolve("logs/app.log"));
        awaitUntil(Duration.ofSeconds(90), this::appReady, app, "the app to report ready on " + healthUrl());
        out.println("[k2] app ready: metrics " + metricsUrl() + " (log " + app.log() + ")");
    }

    public String metricsUrl() {
        return "http://127.0.0.1:" + observePort + "/observe/metrics";
    }

    public String healthUrl() {
        return "http://127.0.0.1:" + observePort + "/observe/health/ready";
    }

    public String brokers() {
        return brokers;
    }

    public ChildProcess app() {
        return app;
    }

    public ChildProcess simulator() {
        return simulator;
    }

    private boolean appReady() {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(healthUrl()))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitUntil(Duration timeout, java.util.function.BooleanSupplier ready, ChildProcess child,
                                   String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!child.isAlive()) {
                throw new LauncherException(child.name() + " exited (code " + child.exitCode() + ") while waiting for "
                        + what + ". Last lines of " + child.log() + ":\n" + child.logTail(25));
            }
            if (System.nanoTime() > deadline) {
                throw new LauncherException("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + ". Last lines of " + child.log() + ":\n" + child.logTail(25));
            }
            try {
                Thread.sleep(250); // polling a child process we do not control; no event to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("interrupted while waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        if (app != null && app.isAlive()) {
            out.println("[k2] stopping the app (drains in-flight records) ...");
            if (!app.stop(Duration.ofSeconds(50))) {
                out.println("[k2] the app did not stop within 50 s and was killed; see " + app.log());
            }
        }
        if (simulator != null) {
            simulator.stop(Duration.ofSeconds(10));
        }
        if (broker != null) {
            out.println("[k2] stopping Kafka ...");
            broker.stop();
        }
        out.println("[k2] stopped.");
    }

    private static void deleteRecursively(Path dir) {
        if (!dir.toFile().exists()) {
            return;
        }
        try (var walk = java.nio.file.Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new LauncherException("cannot clear " + dir + ": " + e.getMessage());
        }
    }

    /** A launcher failure with a message for the operator (no stack trace needed). */
    public static final class LauncherException extends RuntimeException {
        public LauncherException(String message) {
            super(message, null, false, false);
        }
    }
}
