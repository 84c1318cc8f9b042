package io.k2.binance.simulator;

import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Command line entry of the simulator for the local demo and benchmarks:
 * {@code bin/k2 simulate --help} (the tools jar: dev tools are not in the product jar).
 * Exit codes: 0 after a clean stop (Ctrl-C / SIGTERM), 2 for bad options or a taken port, 1 otherwise.
 */
public final class SimulatorMain {

    /** Binance's own port, so demo URLs differ from production only in the host. */
    static final int DEFAULT_PORT = 9443;

    private record Option(String name, String arg, String defaultValue, String help) {
    }

    private static final Map<String, Option> OPTIONS = new LinkedHashMap<>();

    static {
        option("--host", "ADDR", "127.0.0.1", "interface to listen on");
        option("--port", "N", Integer.toString(DEFAULT_PORT), "port to listen on (0 = any free port)");
        option("--symbols", "LIST", "btcusdt,ethusdt", "comma-separated; built in: " + String.join(",", SymbolSpec.knownSymbols()).toLowerCase(Locale.ROOT) + "; others as SYMBOL:BASE/QUOTE; =WEIGHT gives a symbol that share of the rate (default 1), e.g. btcusdt=4,lrcbtc=0.05");
        option("--streams", "LIST", String.join(",", SimulatorConfig.DEFAULT_STREAMS), "stream kinds every symbol's market produces, subscribed or not (others join when first subscribed)");
        option("--rate", "N", "100", "data events per second the whole market generates, subscribed or not; a client of every stream receives this rate");
        option("--burst-factor", "X", "1", "rate multiplier during bursts (1 = no bursts)");
        option("--burst-every", "DURATION", "10s", "a burst starts this often");
        option("--burst-duration", "DURATION", "500ms", "length of a burst");
        option("--max-events", "N", "0", "stop the market after N data events were sent to somebody (0 = unlimited)");
        option("--history", "N", Integer.toString(SimulatorConfig.DEFAULT_HISTORY_SIZE), "events kept per stream for /sim/history and duplicates (0 = none)");
        option("--seed", "N", "42", "random seed of the markets");
        option("--ping-interval", "DURATION", "20s", "server ping cadence (Binance docs)");
        option("--pong-timeout", "DURATION", "60s", "close when a ping is unanswered this long");
        option("--observed-ping", null, null, "ping every 180s with a 10m pong timeout, as field reports see it");
        option("--lifetime", "DURATION", "24h", "connection lifetime");
        option("--shutdown-notice", "DURATION", "10s", "serverShutdown is sent this long before a planned close");
        option("--message-limit", "N", "5", "incoming pings/pongs/control messages per second per connection");
        option("--attempt-limit", "N", "300", "handshakes per IP per 5 minutes before HTTP 429");
        option("--rest-weight-limit", "N", Integer.toString(SimulatorConfig.DEFAULT_REST_WEIGHT_LIMIT), "REST request weight per window before HTTP 429 (Binance: 6000 per minute)");
        option("--rest-weight-window", "DURATION", "1m", "REST weight window, whole seconds, aligned like Binance's calendar minute");
        option("--rest-ban-after", "N", "3", "REST requests tolerated after a 429 in the same window before an HTTP 418 ban");
        option("--rest-ban", "DURATION", "2m", "length of a REST 418 ban");
        option("--book-history", "N", "0", "diff-depth emissions per symbol whose whole book is kept for bookAt (0 = off)");
        option("--tls", null, null, "serve wss:// and https:// with a generated self-signed certificate");
        option("--replay", "FILE", null, "replay FILE (one Binance message per line) to every client instead of generating");
        option("--replay-rate", "N", "0", "replayed lines per second per client (0 = as fast as possible)");
        option("--ledger", "FILE", null, "write every data frame sent as JSONL to FILE");
        option("--down-for", "DURATION", null, "start with the server down (connecting is refused, the market runs), listen after DURATION");
        option("--control-from-anywhere", null, null, "let non-loopback peers use the /sim/ control endpoint (default: loopback only)");
        option("--help", null, null, "print this help");
    }

    private static void option(String name, String arg, String defaultValue, String help) {
        OPTIONS.put(name, new Option(name, arg, defaultValue, help));
    }

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && ControlCommand.handles(args[0])) {
            return ControlCommand.run(args, out, err);
        }
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String inline = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    inline = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                Option o = OPTIONS.get(a);
                if (o == null) {
                    throw new IllegalArgumentException("unknown option " + a + " (see --help)");
                }
                if (o.arg == null) {
                    values.put(a, "true");
                } else if (inline != null) {
                    values.put(a, inline);
                } else if (i + 1 < args.length) {
                    values.put(a, args[++i]);
                } else {
                    throw new IllegalArgumentException(a + " needs a value " + o.arg);
                }
            }
            if (values.containsKey("--help")) {
                printHelp(out);
                return 0;
            }
            return serve(config(values), values.get("--ledger"),
                    values.containsKey("--down-for") ? duration(values, "--down-for") : null, out);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    static SimulatorConfig config(Map<String, String> v) {
        SimulatorConfig.Builder b = SimulatorConfig.builder()
                .host(get(v, "--host"))
                .port(integer(v, "--port"))
                .symbols(list(get(v, "--symbols")))
                .streams(list(get(v, "--streams")))
                .historySize(integer(v, "--history"))
                .listening(!v.containsKey("--down-for"))
                .controlFromAnyHost(v.containsKey("--control-from-anywhere"))
                .ratePerSecond(number(v, "--rate"))
                .burstFactor(number(v, "--burst-factor"))
                .burstEvery(duration(v, "--burst-every"))
                .burstDuration(duration(v, "--burst-duration"))
                .maxEvents((long) number(v, "--max-events"))
                .seed((long) number(v, "--seed"))
                .pingInterval(duration(v, "--ping-interval"))
                .pongTimeout(duration(v, "--pong-timeout"))
                .connectionLifetime(duration(v, "--lifetime"))
                .shutdownNotice(duration(v, "--shutdown-notice"))
                .incomingMessagesPerSecond(integer(v, "--message-limit"))
                .connectionAttemptsPerWindow(integer(v, "--attempt-limit"))
                .restWeightLimit(integer(v, "--rest-weight-limit"))
                .restWeightWindow(duration(v, "--rest-weight-window"))
                .restBanAfter429s(integer(v, "--rest-ban-after"))
                .restBanDuration(duration(v, "--rest-ban"))
                .bookHistory(integer(v, "--book-history"))
                .tls(v.containsKey("--tls"))
                .replayRatePerSecond(number(v, "--replay-rate"))
                // A long demo must not grow the heap: the CLI ledger goes to a file only.
                .ledgerEnabled(false);
        if (v.containsKey("--observed-ping")) {
            b.pingInterval(SimulatorConfig.OBSERVED_PING_INTERVAL).pongTimeout(Duration.ofMinutes(10));
        }
        if (v.containsKey("--replay")) {
            Path replay = Path.of(v.get("--replay"));
            if (!Files.isReadable(replay)) {
                throw new IllegalArgumentException("--replay: cannot read " + replay.toAbsolutePath());
            }
            b.replay(replay);
        }
        if (v.containsKey("--ledger")) {
            b.ledgerFile(Path.of(v.get("--ledger")));
        }
        return b.build();
    }

    private static java.util.List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int serve(SimulatorConfig config, String ledgerFile, Duration downFor, PrintStream out) {
        BinanceSimulator sim;
        try {
            sim = BinanceSimulator.start(config);
        } catch (IllegalStateException e) {
            if (hasCause(e, BindException.class)) {
                throw new IllegalArgumentException("port " + config.port() + " on " + config.host()
                        + " is already in use; choose another with --port N (0 = any free port)");
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            out.println("[simulator] stopped after " + sim.framesSent() + " data frames");
            stopped.countDown();
        }, "simulator-shutdown"));
        out.println("[simulator] " + (downFor == null ? "listening" : "down for " + downFor.toMillis() + " ms, then listening")
                + ": " + sim.wsBaseUrl() + "/ws/<stream>  " + sim.wsBaseUrl()
                + "/stream?streams=<a>/<b>  REST " + sim.restBaseUrl() + "/api/v3/depth?symbol=BTCUSDT");
        out.println("[simulator] control (loopback" + (config.controlFromAnyHost() ? " and any host" : " only") + "): "
                + sim.restBaseUrl() + "/sim/status, or bin/k2 simulate fault --help");
        if (config.replay() != null) {
            out.println("[simulator] replaying " + config.replay() + " to every client");
        } else {
            out.println("[simulator] symbols " + config.symbols().stream().map(SymbolSpec::streamSymbol).toList()
                    + ", streams " + config.streams() + ", " + config.ratePerSecond() + " events/s"
                    + (config.maxEvents() > 0 ? ", max " + config.maxEvents() + " events" : ""));
        }
        if (sim.caCertificatePem() != null) {
            out.println("[simulator] trust the certificate in " + sim.caCertificatePem());
        }
        if (ledgerFile != null) {
            out.println("[simulator] ledger -> " + ledgerFile);
        }
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulator-progress");
            t.setDaemon(true);
            return t;
        });
        if (downFor != null) {
            progress.schedule(() -> {
                try {
                    sim.startListening();
                    out.println("[simulator] up: listening on " + sim.wsBaseUrl());
                } catch (RuntimeException e) {
                    out.println("[simulator] cannot listen: " + e.getMessage());
                }
            }, downFor.toMillis(), TimeUnit.MILLISECONDS);
        }
        long[] last = {sim.framesSent(), System.nanoTime()};
        progress.scheduleAtFixedRate(() -> {
            long sent = sim.framesSent();
            long now = System.nanoTime();
            double rate = (sent - last[0]) / ((now - last[1]) / 1e9);
            last[0] = sent;
            last[1] = now;
            out.printf(Locale.ROOT, "[simulator] %s connections=%d sent=%d msgs/s=%.0f backoffs=%d market=%d%n",
                    LocalTime.now().truncatedTo(ChronoUnit.SECONDS), sim.connectionCount(), sent, rate, sim.backoffs(),
                    sim.marketEvents());
        }, 5, 5, TimeUnit.SECONDS);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    static void printHelp(PrintStream out) {
        out.println("Binance spot WebSocket simulator");
        out.println("usage: bin/k2 simulate [options]   (DURATION: 500ms, 20s, 3m, 24h, 1d or a number of seconds)");
        out.println("       bin/k2 simulate fault <name> [--connection c1] [--stream s] [--param k=v] [--url URL]");
        out.println("       bin/k2 simulate status|connections|faults|history [--stream s] [--url URL]   (see fault --help)");
        for (Option o : OPTIONS.values()) {
            String left = o.name + (o.arg == null ? "" : " " + o.arg);
            out.printf(Locale.ROOT, "  %-28s %s%s%n", left, o.help, o.defaultValue == null ? "" : " (default " + o.defaultValue + ")");
        }
    }

    private static String get(Map<String, String> v, String name) {
        String value = v.get(name);
        return value != null ? value : OPTIONS.get(name).defaultValue;
    }

    private static int integer(Map<String, String> v, String name) {
        try {
            return Integer.parseInt(get(v, name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a whole number: " + get(v, name));
        }
    }

    private static double number(Map<String, String> v, String name) {
        try {
            return Double.parseDouble(get(v, name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: " + get(v, name));
        }
    }

    static Duration duration(Map<String, String> v, String name) {
        return duration(get(v, name), name);
    }

    /** {@code 500ms}, {@code 20s}, {@code 3m}, {@code 24h}, {@code 1d}, ISO-8601 or a number of seconds. */
    static Duration duration(String text, String name) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("pt") || s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            char unit = s.charAt(s.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": not a duration: " + s + " (use e.g. 500ms, 20s, 3m, 24h)");
        }
    }
}
