package io.k2.binance.kafkalocal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code bin/k2 kafka start|stop|status}: the operator's local Kafka broker (4.1.1, KRaft, one node) on
 * 127.0.0.1, detached from the command so it keeps running after it, tracked by a pid file in its data dir.
 *
 * <p>Exit codes: 0 done (for {@code status}: running), 3 {@code status}: not running, 1 failed, 2 bad usage.
 * Every failure prints one line saying what to do.
 */
public final class KafkaCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOT_RUNNING = 3;

    static final String PID_FILE = "broker.pid";
    private static final Path DEFAULT_DATA_DIR = Path.of(".k2", "kafka");

    private static final String USAGE_TEXT = """
            Usage: bin/k2 kafka <command> [options]

            Runs a local single-node Kafka 4.1.1 broker (KRaft) on 127.0.0.1 for development and benchmarks.

            Commands:
              start    start the broker in the background and wait until it is ready
              stop     stop the broker started by `start`
              status   say whether it is running (exit 0) or not (exit 3)

            `bin/k2 kafka <command> --help` shows the options of each command.
            """;
    private static final String START_HELP = """
            Usage: bin/k2 kafka start [options]

            Starts a Kafka broker on 127.0.0.1 in the background, waits until it is ready and prints its
            bootstrap address. Data is kept in the data dir across restarts; delete that folder to start afresh.

            Options:
              --port N              client port (default 9092)
              --controller-port N   KRaft controller port (default: port + 1)
              --data-dir DIR        broker config, data and logs (default .k2/kafka)
              --lib-dir DIR         broker jars (default target/kafka-lib, filled by `mvn package`)
              --heap-mb N           broker heap (default 512)
              --timeout-seconds N   how long to wait for it to be ready (default 60)
            """;
    private static final String STOP_HELP = """
            Usage: bin/k2 kafka stop [options]

            Stops the broker started by `bin/k2 kafka start`: SIGTERM (clean shutdown), then SIGKILL if it has
            not exited within the timeout.

            Options:
              --data-dir DIR        data dir the broker was started with (default .k2/kafka)
              --timeout-seconds N   how long to wait for a clean shutdown (default 30)
            """;
    private static final String STATUS_HELP = """
            Usage: bin/k2 kafka status [options]

            Says whether the broker started by `bin/k2 kafka start` is running. Exit 0 running, 3 not running.

            Options:
              --data-dir DIR        data dir the broker was started with (default .k2/kafka)
            """;

    private final PrintStream out;
    private final PrintStream err;

    public KafkaCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        quietKafkaClientLogs();
        System.exit(new KafkaCommand(System.out, System.err).run(args));
    }

    /** Runs one command; returns the exit code. */
    public int run(String... args) {
        if (args.length == 0 || isHelp(args[0])) {
            (args.length == 0 ? err : out).print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (command) {
                case "start":
                    return rest.stream().anyMatch(KafkaCommand::isHelp) ? help(START_HELP) : start(options(command, rest,
                            Set.of("--port", "--controller-port", "--data-dir", "--lib-dir", "--heap-mb", "--timeout-seconds")));
                case "stop":
                    return rest.stream().anyMatch(KafkaCommand::isHelp) ? help(STOP_HELP)
                            : stop(options(command, rest, Set.of("--data-dir", "--timeout-seconds")));
                case "status":
                    return rest.stream().anyMatch(KafkaCommand::isHelp) ? help(STATUS_HELP)
                            : status(options(command, rest, Set.of("--data-dir")));
                default:
                    err.println("unknown command `" + command + "`: use start, stop or status (bin/k2 kafka --help)");
                    return USAGE;
            }
        } catch (UsageException e) {
            err.println(e.getMessage());
            return USAGE;
        }
    }

    private int start(Options o) {
        Path dataDir = o.path("--data-dir", DEFAULT_DATA_DIR);
        Optional<ProcessHandle> running = runningBroker(dataDir);
        if (running.isPresent()) {
            out.println("kafka is already running at " + bootstrapOf(dataDir) + " (pid " + running.get().pid()
                    + ", data dir " + dataDir + ")");
            return OK;
        }
        int port = o.integer("--port", 9092);
        int controllerPort = o.integer("--controller-port", port + 1);
        LocalKafkaBroker broker;
        try {
            broker = LocalKafkaBroker.builder()
                    .libDir(o.path("--lib-dir", Path.of(System.getProperty("k2.kafka.lib", "target/kafka-lib"))))
                    .dataDir(dataDir)
                    .host("127.0.0.1")
                    .port(port)
                    .controllerPort(controllerPort)
                    .heapMb(o.integer("--heap-mb", 512))
                    .startTimeout(Duration.ofSeconds(o.integer("--timeout-seconds", 60)))
                    .detached(true)
                    .build();
        } catch (IllegalArgumentException e) {
            err.println("kafka start: " + e.getMessage());
            return USAGE;
        }
        try {
            broker.start();
        } catch (PortInUseException e) {
            String option = e.address().endsWith(":" + port) ? "--port" : "--controller-port";
            err.println("kafka start: " + e.address() + " is already in use; pick another port with " + option
                    + " N, or stop whatever listens there");
            return FAILED;
        } catch (BrokerJarsMissingException e) {
            err.println("kafka start: " + e.getMessage());
            return FAILED;
        } catch (BrokerStartException e) {
            // The log tail is several lines: the first line says what happened, the rest is evidence.
            err.println("kafka start: " + e.getMessage().lines().findFirst().orElse("failed")
                    + " (see " + broker.serverLog() + ")");
            e.getMessage().lines().skip(1).forEach(err::println);
            return FAILED;
        }
        try {
            Files.writeString(dataDir.resolve(PID_FILE), broker.pid() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            broker.stop();
            err.println("kafka start: cannot write " + dataDir.resolve(PID_FILE) + " (" + e.getMessage()
                    + "), so stopped the broker again; check that the data dir is writable");
            return FAILED;
        }
        out.println("kafka is running at " + broker.bootstrapServers() + " (pid " + broker.pid() + ", data dir "
                + dataDir + ", log " + broker.serverLog() + ")");
        out.println("bootstrap.servers=" + broker.bootstrapServers());
        return OK;
    }

    private int stop(Options o) {
        Path dataDir = o.path("--data-dir", DEFAULT_DATA_DIR);
        int timeoutSeconds = o.integer("--timeout-seconds", 30);
        Optional<ProcessHandle> running = runningBroker(dataDir);
        if (running.isEmpty()) {
            deletePidFile(dataDir);
            out.println("kafka is not running (data dir " + dataDir + "), nothing to stop");
            return OK;
        }
        ProcessHandle broker = running.get();
        broker.destroy();
        boolean clean = waitForExit(broker, timeoutSeconds);
        if (!clean) {
            broker.destroyForcibly();
            if (!waitForExit(broker, 10)) {
                err.println("kafka stop: pid " + broker.pid() + " survived SIGKILL; check it with `ps -p "
                        + broker.pid() + "`");
                return FAILED;
            }
        }
        deletePidFile(dataDir);
        out.println(clean ? "kafka stopped (pid " + broker.pid() + ")"
                : "kafka did not stop within " + timeoutSeconds + " s, killed it (pid " + broker.pid() + ")");
        return OK;
    }

    private int status(Options o) {
        Path dataDir = o.path("--data-dir", DEFAULT_DATA_DIR);
        Optional<ProcessHandle> running = runningBroker(dataDir);
        if (running.isPresent()) {
            out.println("kafka is running at " + bootstrapOf(dataDir) + " (pid " + running.get().pid()
                    + ", data dir " + dataDir + ")");
            return OK;
        }
        out.println("kafka is not running (data dir " + dataDir + ")");
        return NOT_RUNNING;
    }

    /**
     * The broker of this data dir, if its pid file names a live process that really is that broker: a stale pid
     * file may name a pid that the OS has since given to something else, which must not be signalled.
     */
    static Optional<ProcessHandle> runningBroker(Path dataDir) {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        String serverProperties = dataDir.toAbsolutePath().normalize().resolve("config").resolve("server.properties")
                .toString();
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(serverProperties)).orElse(false));
    }

    private static String bootstrapOf(Path dataDir) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("config").resolve("server.properties"))) {
            props.load(in);
        } catch (IOException e) {
            return "(unknown address)";
        }
        return props.getProperty("advertised.listeners", "(unknown address)").replace("PLAINTEXT://", "");
    }

    private static boolean waitForExit(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void deletePidFile(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(PID_FILE));
        } catch (IOException ignored) {
            // a stale pid file is harmless: runningBroker checks what the pid really is
        }
    }

    private int help(String text) {
        out.print(text);
        return OK;
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    /** The admin client of the readiness check logs its config and retries; the operator needs none of it. */
    private static void quietKafkaClientLogs() {
        try {
            org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.kafka",
                    org.apache.logging.log4j.Level.ERROR);
        } catch (LinkageError ignored) {
            // another logging backend: its own config decides
        }
    }

    private static Options options(String command, List<String> args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!known.contains(name)) {
                throw new UsageException("unknown option " + arg + " for `kafka " + command
                        + "`; see bin/k2 kafka " + command + " --help");
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException("option " + name + " needs a value; see bin/k2 kafka " + command + " --help");
            }
            values.put(name, value);
        }
        return new Options(command, values);
    }

    private record Options(String command, Map<String, String> values) {

        int integer(String name, int fallback) {
            String v = values.get(name);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new UsageException(name + " must be a whole number, got `" + v + "`");
            }
        }

        Path path(String name, Path fallback) {
            String v = values.get(name);
            return v == null ? fallback : Path.of(v);
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
