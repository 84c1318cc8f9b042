package io.k2.binance.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.k2.binance.observe.MetricNames;

/**
 * {@code bin/k2 dev}: broker + simulator + app together, with a live status line, until Ctrl-C.
 */
public final class DevCommand {

    private static final String HELP = """
            Usage: bin/k2 dev [options]

            Starts a local Kafka broker (or uses the one already on --kafka-port), the Binance simulator and
            the app (with ./application.properties and ./routes), then prints a status line every few seconds:
            events/s in, records/s acked by Kafka, the last price per symbol read back from Kafka, the
            dead-letter count and the app's memory. Ctrl-C stops all three cleanly.

            Options:
              --symbols LIST        symbols to simulate and stream (default btcusdt,ethusdt,bnbusdt)
              --rate N              simulator messages/s over all streams (default 500)
              --kafka-port N        broker port (default 9092)
              --sim-port N          simulator port (default 9443)
              --observe-port N      app metrics/health port (default 9876)
              --every SECONDS       status line period (default 5)
              --help                this text

            Logs: .k2/dev/logs/app.log and simulator.log; broker logs under .k2/dev/kafka/logs.
            """;

    private DevCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String symbols = "btcusdt,ethusdt,bnbusdt";
        String rate = "500";
        int kafkaPort = 9092;
        int simPort = 9443;
        int observePort = 9876;
        int every = 5;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        out.print(HELP);
                        return 0;
                    }
                    case "--symbols" -> symbols = args[++i];
                    case "--rate" -> rate = Integer.toString(Integer.parseInt(args[++i]));
                    case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                    case "--sim-port" -> simPort = Integer.parseInt(args[++i]);
                    case "--observe-port" -> observePort = Integer.parseInt(args[++i]);
                    case "--every" -> every = Integer.parseInt(args[++i]);
                    default -> {
                        err.println("k2 dev: unknown option '" + args[i] + "'. See bin/k2 dev --help.");
                        return 2;
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            err.println("k2 dev: an option is missing its value or it is not a number. See bin/k2 dev --help.");
            return 2;
        }

        LocalStack stack = new LocalStack(Path.of(".k2", "dev"), out);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println();
            out.println("[k2] Ctrl-C: stopping app, simulator and broker ...");
            stack.close();
            stopped.countDown();
        }, "k2-dev-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        LastPrices prices = null;
        try {
            String brokers = stack.startOrReuseBroker(kafkaPort, false);
            String streams = "trade,aggTrade,bookTicker,depth@100ms,kline_1m";
            stack.startSimulator(simPort, List.of("--symbols", symbols, "--streams", streams, "--rate", rate,
                    "--burst-factor", "4"));
            stack.startApp(observePort, List.of(), Map.of("K2_BINANCE_SYMBOLS", symbols,
                    "K2_BINANCE_STREAMS", streams));
            prices = new LastPrices(brokers, OperatorSettings.resolve("k2.kafka.topic.trade", "binance.trade"));
            out.println("[k2] streaming; try `bin/k2 tail binance.trade` in another terminal. Ctrl-C to stop.");
            statusLoop(stack, prices, every, out);
            return stack.app().isAlive() ? 0 : 1;
        } catch (LocalStack.LauncherException e) {
            err.println("k2 dev: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("k2 dev: " + e);
            return 1;
        } finally {
            if (prices != null) {
                prices.close();
            }
            if (stopped.getCount() > 0) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                    stack.close();
                } catch (IllegalStateException shuttingDown) {
                    awaitQuietly(stopped);
                }
            }
        }
    }

    private static void statusLoop(LocalStack stack, LastPrices prices, int everySeconds, PrintStream out)
            throws InterruptedException {
        ProcessMemory memory = new ProcessMemory();
        MetricsScrape previous = null;
        long previousAt = 0;
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss");
        while (stack.app().isAlive()) {
            TimeUnit.SECONDS.sleep(everySeconds); // the status cadence itself, not a synchronization
            MetricsScrape now;
            try {
                now = MetricsScrape.of(stack.metricsUrl());
            } catch (Exception e) {
                out.println(LocalTime.now().format(time) + "  app not answering on " + stack.metricsUrl() + ": " + e.getMessage());
                continue;
            }
            long at = System.nanoTime();
            String in = "-";
            String acked = "-";
            if (previous != null) {
                double secs = (at - previousAt) / 1e9;
                in = String.format("%,.0f", (now.sum(prom(MetricNames.EVENTS_RECEIVED)) - previous.sum(prom(MetricNames.EVENTS_RECEIVED))) / secs);
                acked = String.format("%,.0f", (now.sum(prom(MetricNames.RECORDS_ACKED)) - previous.sum(prom(MetricNames.RECORDS_ACKED))) / secs);
            }
            List<String> last = new ArrayList<>();
            prices.snapshot().forEach((s, p) -> last.add(s + " " + p));
            out.printf("%s  in %s ev/s  acked %s rec/s  dead-letter %,.0f  app RSS %s  heap %s  | %s%n",
                    LocalTime.now().format(time), in, acked, now.sum(prom(MetricNames.DEAD_LETTERED)),
                    ProcessMemory.mib(memory.rssBytes(stack.app().pid())),
                    ProcessMemory.mib((long) now.sum("jvm_memory_used_bytes")),
                    last.isEmpty() ? "(no trades in Kafka yet)" : String.join("  ", last));
            previous = now;
            previousAt = at;
        }
        out.println("[k2] the app exited (code " + stack.app().exitCode() + "); last lines of " + stack.app().log()
                + ":\n" + stack.app().logTail(20));
    }

    /** Micrometer name of a counter -> its Prometheus name. */
    static String prom(String micrometerCounter) {
        return PromName.counter(micrometerCounter);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
