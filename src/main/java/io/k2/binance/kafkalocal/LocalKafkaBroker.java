package io.k2.binance.kafkalocal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (combined broker + controller) running as a child {@code java} process
 * from the Kafka 4.1.1 jars in {@code target/kafka-lib} (see {@code kafka-local/pom.xml}). It never shares the
 * app's classpath: the app talks to it with its own kafka-clients 3.9.1.
 *
 * <pre>{@code
 * LocalKafkaBroker broker = LocalKafkaBroker.builder()
 *         .libDir(Path.of("target/kafka-lib")).dataDir(dir)
 *         .host("127.0.0.1").port(0).controllerPort(0).heapMb(512)
 *         .build();
 * broker.start();                  // formats storage on first start, waits until an AdminClient sees the node
 * broker.bootstrapServers();       // "127.0.0.1:41234"
 * broker.restart();                // same ports, same data
 * broker.stop();
 * }</pre>
 *
 * <p>Layout of the data dir: {@code config/} (generated server.properties, log4j2.xml), {@code kraft/} (Kafka's
 * log.dirs: topics and metadata), {@code logs/server.log} (the broker's log4j2 log) and {@code broker.out}
 * (the child's stdout/stderr).
 *
 * <p>A broker started by a JVM dies with that JVM: a shutdown hook kills it, and if the JVM is SIGKILLed the
 * broker notices and exits by itself ({@link ParentBoundKafka}). Only {@link Builder#detached(boolean)} brokers
 * (the operator's {@code bin/k2 kafka start}) outlive their starter.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final String KAFKA_MAIN = "kafka.Kafka";
    private static final Set<Process> ATTACHED = ConcurrentHashMap.newKeySet();
    private static final Thread KILL_LEFTOVERS = new Thread(LocalKafkaBroker::killLeftovers, "k2-kafka-leftovers");

    static {
        Runtime.getRuntime().addShutdownHook(KILL_LEFTOVERS);
    }

    private final Path libDir;
    private final Path dataDir;
    private final String host;
    private final int heapMb;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private final boolean detached;
    private final Map<String, String> extraProperties;
    private int port;
    private int controllerPort;
    private Process process;

    private LocalKafkaBroker(Builder b) {
        this.libDir = b.libDir.toAbsolutePath().normalize();
        this.dataDir = b.dataDir.toAbsolutePath().normalize();
        this.host = b.host;
        this.port = b.port;
        this.controllerPort = b.controllerPort;
        this.heapMb = b.heapMb;
        this.startTimeout = b.startTimeout;
        this.stopTimeout = b.stopTimeout;
        this.detached = b.detached;
        this.extraProperties = Map.copyOf(b.extraProperties);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats the storage if this data dir has never been used, launches the broker and waits until it answers.
     * Free ports (port 0) are chosen on the first start and kept for {@link #restart()}.
     *
     * @throws PortInUseException if a port is taken
     * @throws BrokerJarsMissingException if {@code libDir} holds no Kafka jars
     * @throws BrokerStartException if the broker exits or does not answer in time (message has its log tail)
     */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("broker already running at " + bootstrapServers());
        }
        long began = System.nanoTime();
        requireJars();
        choosePorts();
        try {
            Files.createDirectories(configDir());
            Files.createDirectories(logsDir());
            Files.writeString(serverProperties(), serverPropertiesText(), StandardCharsets.UTF_8);
            try (InputStream in = LocalKafkaBroker.class.getResourceAsStream("broker-log4j2.xml")) {
                Files.write(configDir().resolve("log4j2.xml"), in.readAllBytes());
            }
            if (!Files.exists(kraftDir().resolve("meta.properties"))) {
                long formatBegan = System.nanoTime();
                format();
                LOG.info("formatted Kafka storage {} in {} ms", kraftDir(), (System.nanoTime() - formatBegan) / 1_000_000);
            }
            process = launch();
        } catch (IOException e) {
            throw new BrokerStartException("cannot prepare broker data dir " + dataDir + ": " + e.getMessage(), e);
        }
        if (!detached) {
            ATTACHED.add(process);
        }
        awaitReady();
        LOG.info("Kafka broker ready at {} after {} ms (pid {}, data dir {})", bootstrapServers(),
                (System.nanoTime() - began) / 1_000_000, process.pid(), dataDir);
    }

    /** Graceful stop (SIGTERM, i.e. Kafka's controlled shutdown); SIGKILL if it takes longer than the stop timeout. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        long began = System.nanoTime();
        process.destroy();
        try {
            if (process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.info("Kafka broker at {} stopped in {} ms", bootstrapServers(), (System.nanoTime() - began) / 1_000_000);
            } else {
                LOG.warn("Kafka broker at {} ignored SIGTERM for {} s; killing it", bootstrapServers(),
                        stopTimeout.toSeconds());
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            forget();
        }
    }

    /** SIGKILL, no shutdown of any kind: for fault tests. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor();
            LOG.info("Kafka broker at {} killed", bootstrapServers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            forget();
        }
    }

    /** Stops (if running) and starts again on the same ports with the same data dir, so the data survives. */
    public synchronized void restart() {
        stop();
        start();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code host:port} for {@code bootstrap.servers}; valid from the first {@link #start()} on. */
    public synchronized String bootstrapServers() {
        if (port == 0) {
            throw new IllegalStateException("broker has not been started yet, so its port is not chosen");
        }
        return host + ":" + port;
    }

    public synchronized int port() {
        return port;
    }

    public synchronized int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The broker's log4j2 log: the place to look when something went wrong. */
    public Path serverLog() {
        return logsDir().resolve("server.log");
    }

    /** Pid of the running broker process. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("broker is not running");
        }
        return process.pid();
    }

    /** Creates a topic with replication factor 1; does nothing if it exists already (whatever its partitions). */
    public void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic " + name + " not created within 30 s; see " + serverLog(), e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Kafka's client settings that talk to a broker that may not be up yet without long hangs. */
    static Properties adminConfig(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "50");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "100");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "k2-local-kafka-admin");
        return props;
    }

    private void requireJars() {
        long kafkaJars;
        try (Stream<Path> jars = Files.isDirectory(libDir) ? Files.list(libDir) : Stream.empty()) {
            kafkaJars = jars.filter(p -> p.getFileName().toString().startsWith("kafka_2.13-")).count();
        } catch (IOException e) {
            kafkaJars = 0;
        }
        if (kafkaJars == 0) {
            throw new BrokerJarsMissingException(libDir);
        }
        if (kafkaJars > 1) {
            // Left over from a Kafka version bump: two versions on one classpath fail in odd ways.
            throw new BrokerStartException("several Kafka versions in " + libDir + ": delete that folder and run "
                    + "`mvn package` again");
        }
    }

    private void choosePorts() {
        if (port == 0 || controllerPort == 0) {
            // Hold both sockets open while choosing, so the two ports differ.
            try (ServerSocket a = new ServerSocket(0, 1, loopback());
                 ServerSocket b = new ServerSocket(0, 1, loopback())) {
                if (port == 0) {
                    port = a.getLocalPort();
                }
                if (controllerPort == 0) {
                    controllerPort = b.getLocalPort() == port ? a.getLocalPort() : b.getLocalPort();
                }
            } catch (IOException e) {
                throw new BrokerStartException("cannot find a free port on " + host + ": " + e.getMessage(), e);
            }
        }
        requireFree(port, "client (PLAINTEXT)");
        requireFree(controllerPort, "controller");
    }

    private void requireFree(int p, String role) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // a TIME_WAIT left by our own previous run is no conflict
            probe.bind(new InetSocketAddress(loopback(), p));
        } catch (IOException e) {
            throw new PortInUseException(host + ":" + p, role);
        }
    }

    private InetAddress loopback() {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new BrokerStartException("unknown host " + host, e);
        }
    }

    private String serverPropertiesText() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", kraftDir().toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        // One partition instead of 50: the first consumer group / transaction then costs milliseconds, not seconds.
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // After a SIGKILL the controller lets the broker re-register only once the old session has expired:
        // 4 s instead of 9 s makes a kill + restart ~5 s faster, and a loopback broker misses no heartbeats.
        p.put("broker.session.timeout.ms", "4000");
        p.put("broker.heartbeat.interval.ms", "1000");
        // Sized for a 2-core machine that also runs the app and the tests.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.putAll(extraProperties);
        StringBuilder text = new StringBuilder("# generated by LocalKafkaBroker on every start; edits are lost\n");
        p.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    private void format() throws IOException {
        // The cluster id format (16 random bytes, base64url) is the same in the 3.9 clients and the 4.1 broker.
        List<String> cmd = List.of(javaBin(), "-Xmx256m", "-cp", libDir + File.separator + "*",
                "-Dlog4j2.configurationFile=" + configDir().resolve("log4j2.xml"),
                "-Dkafka.logs.dir=" + logsDir(),
                "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", serverProperties().toString());
        Process formatting = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(brokerOut().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try {
            if (!formatting.waitFor(60, TimeUnit.SECONDS)) {
                formatting.destroyForcibly();
                throw new BrokerStartException("formatting " + kraftDir() + " took over 60 s\n" + LogTail.of(brokerOut(), 20));
            }
        } catch (InterruptedException e) {
            formatting.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while formatting " + kraftDir(), e);
        }
        if (formatting.exitValue() != 0) {
            throw new BrokerStartException("formatting " + kraftDir() + " failed (exit " + formatting.exitValue()
                    + "); delete the data dir to start afresh\n" + LogTail.of(brokerOut(), 20));
        }
    }

    private Process launch() throws IOException {
        List<String> cmd = new ArrayList<>();
        if (detached && new File("/usr/bin/setsid").canExecute()) {
            // Own session: the operator's broker must not get the terminal's SIGINT/SIGHUP meant for bin/k2.
            cmd.add("/usr/bin/setsid");
        }
        cmd.addAll(List.of(javaBin(), "-Xms" + heapMb + "m", "-Xmx" + heapMb + "m",
                "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                // log4j's own hook would close the log before Kafka's shutdown hook has logged its clean stop.
                "-Dlog4j2.shutdownHookEnabled=false",
                "-Dlog4j2.configurationFile=" + configDir().resolve("log4j2.xml"),
                "-Dkafka.logs.dir=" + logsDir()));
        if (detached) {
            cmd.addAll(List.of("-cp", libDir + File.separator + "*", KAFKA_MAIN));
        } else {
            Path launcherDir = dataDir.resolve("launcher");
            Path guardClass = launcherDir.resolve(ParentBoundKafka.class.getName().replace('.', '/') + ".class");
            Files.createDirectories(guardClass.getParent());
            try (InputStream in = ParentBoundKafka.class.getResourceAsStream("ParentBoundKafka.class")) {
                Files.write(guardClass, in.readAllBytes());
            }
            cmd.addAll(List.of("-cp", launcherDir + File.pathSeparator + libDir + File.separator + "*",
                    ParentBoundKafka.class.getName(), Long.toString(ProcessHandle.current().pid())));
        }
        cmd.add(serverProperties().toString());
        Files.writeString(brokerOut(), "[k2] " + String.join(" ", cmd) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return new ProcessBuilder(cmd)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(brokerOut().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        String expectedClusterId = clusterId();
        String lastProblem = "no answer yet";
        try {
            // Plain TCP first: an AdminClient polling a closed port logs a warning every 100 ms.
            while (!accepts(port)) {
                if (!process.isAlive()) {
                    throw exitedDuringStartup();
                }
                if (System.nanoTime() >= deadline) {
                    kill();
                    throw new BrokerStartException("Kafka broker did not listen on " + bootstrapServers()
                            + " within " + startTimeout.toSeconds() + " s; killed it\n" + logTails());
                }
                process.waitFor(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while waiting for the broker to start", e);
        }
        try (Admin admin = Admin.create(adminConfig(bootstrapServers()))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw exitedDuringStartup();
                }
                try {
                    DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000));
                    Collection<Node> nodes = cluster.nodes().get();
                    String clusterId = cluster.clusterId().get();
                    if (!nodes.isEmpty() && clusterId.equals(expectedClusterId)) {
                        return;
                    }
                    lastProblem = "answered with cluster " + clusterId + " and nodes " + nodes
                            + ", expected cluster " + expectedClusterId;
                } catch (ExecutionException e) {
                    lastProblem = String.valueOf(e.getCause());
                }
                // Not a blind sleep: returns at once if the broker dies.
                process.waitFor(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while waiting for the broker to start", e);
        }
        kill();
        throw new BrokerStartException("Kafka broker at " + bootstrapServers() + " not ready within "
                + startTimeout.toSeconds() + " s (" + lastProblem + "); killed it\n" + logTails());
    }

    private BrokerStartException exitedDuringStartup() {
        int exit = process.exitValue();
        forget();
        return new BrokerStartException("Kafka broker exited with code " + exit + " during startup\n" + logTails());
    }

    private boolean accepts(int p) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress(loopback(), p), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String clusterId() {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(kraftDir().resolve("meta.properties"))) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return meta.getProperty("cluster.id");
    }

    private String logTails() {
        return LogTail.of(serverLog(), 40) + "\n" + LogTail.of(brokerOut(), 20);
    }

    private void forget() {
        if (process != null) {
            ATTACHED.remove(process);
        }
        process = null;
    }

    private static void killLeftovers() {
        ATTACHED.forEach(Process::destroyForcibly);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Path configDir() {
        return dataDir.resolve("config");
    }

    private Path serverProperties() {
        return configDir().resolve("server.properties");
    }

    private Path kraftDir() {
        return dataDir.resolve("kraft");
    }

    private Path logsDir() {
        return dataDir.resolve("logs");
    }

    /** The broker process's stdout and stderr. */
    public Path brokerOut() {
        return dataDir.resolve("broker.out");
    }

    /** Options of a {@link LocalKafkaBroker}; only {@link #dataDir(Path)} has no default. */
    public static final class Builder {

        private Path libDir = Path.of(System.getProperty("k2.kafka.lib", "target/kafka-lib"));
        private Path dataDir;
        private String host = "127.0.0.1";
        private int port;
        private int controllerPort;
        private int heapMb = 512;
        private Duration startTimeout = Duration.ofSeconds(60);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private boolean detached;
        private final Map<String, String> extraProperties = new LinkedHashMap<>();

        private Builder() {
        }

        /** Folder with the broker's jars; default: system property {@code k2.kafka.lib}, else target/kafka-lib. */
        public Builder libDir(Path libDir) {
            this.libDir = libDir;
            return this;
        }

        /** Folder for the broker's config, data and logs; created if absent, reused (not reformatted) if not. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Loopback address to bind; nothing else is accepted, a test broker must not be reachable from outside. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Client (PLAINTEXT) port; 0 = a free one, chosen at the first start. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** KRaft controller port; 0 = a free one, chosen at the first start. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        public Builder heapMb(int heapMb) {
            this.heapMb = heapMb;
            return this;
        }

        /** How long {@link #start()} waits for the broker to answer; default 60 s. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** How long {@link #stop()} waits after SIGTERM before SIGKILL; default 30 s. */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        /**
         * true: the broker outlives this JVM (own session, no shutdown hook, no parent watch), for
         * {@code bin/k2 kafka start}. Default false: it dies with this JVM.
         */
        public Builder detached(boolean detached) {
            this.detached = detached;
            return this;
        }

        /** Extra or overriding server.properties entry. */
        public Builder brokerProperty(String key, String value) {
            extraProperties.put(key, value);
            return this;
        }

        public LocalKafkaBroker build() {
            if (dataDir == null) {
                throw new IllegalArgumentException("dataDir is required");
            }
            try {
                if (!InetAddress.getByName(host).isLoopbackAddress()) {
                    throw new IllegalArgumentException("host " + host + " is not a loopback address; a local broker "
                            + "binds loopback only (use 127.0.0.1)");
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown host " + host, e);
            }
            if (port < 0 || port > 65535 || controllerPort < 0 || controllerPort > 65535) {
                throw new IllegalArgumentException("ports must be 0..65535, 0 meaning a free one");
            }
            if (port != 0 && port == controllerPort) {
                throw new IllegalArgumentException("port and controllerPort must differ, both are " + port);
            }
            if (heapMb < 128) {
                throw new IllegalArgumentException("heapMb " + heapMb + " is too small for a broker; use 256 or more");
            }
            return new LocalKafkaBroker(this);
        }
    }
}
