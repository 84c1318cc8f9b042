package io.k2.binance.soak;

import java.io.PrintStream;

/** {@code bin/k2 soak}: parses the command line and hands over to {@link SoakRun}. */
public final class SoakCommand {

    static final String HELP = """
            Usage: bin/k2 soak [--mode short|1h|24h] [options]

            Runs a fresh local Kafka broker, the Binance simulator at a steady rate and the app as its own process
            (started with bin/k2 run: ./jvm.options, the class-data archive, then K2_JAVA_OPTS), samples its memory, and at
            the end checks every trade and aggTrade id in Kafka against what the simulator generated. Writes
            <out>/memory-profile.json (metadata, summary, every sample) and <out>/memory-profile.svg (chart).
            Exit code 0 only when every assertion passes. Logs: .k2/soak/logs/app.log and simulator.log.

            Modes (all: zero missing and zero duplicate trade/aggTrade events by the ledger):
              short  about 10 min, a compressed day: rotation every minute, simulator ping every 5 s, 2000 ev/s,
                     a drop or a stall injected every 2 min; samples every 10 s; the warm-up lasts until one
                     drop and one stall are 80 s behind (4.5 min).
                     Asserts growth after the warm-up < 20 MB, acked msg/s > half the rate,
                     unexpected drops (unscheduled - injected) < 1, RSS <= 400 MB (fails fast above).
              1h     1 hour at 500 ev/s, default settings; samples every 60 s, 5 min warm-up.
                     Asserts growth < 10 MB, msg/s > 10, unscheduled drops < 10, RSS <= 400 MB (fails fast).
              24h    24 hours at 500 ev/s, default settings; samples every 60 s, 15 min warm-up.
                     Asserts growth < 50 MB, msg/s > 10, unscheduled drops < 10, RSS <= 450 MB (fails fast).
            Growth: median RSS of the last 3 samples minus median of the first 3 after the warm-up.

            Options (each overrides the mode's value):
              --mode M            short (default), 1h or 24h
              --duration D        run length: 600, 90s, 10m, 2h, 1d (a shorter run shortens the fault interval
                                  and the warm-up with it, to half of the run at most)
              --rate N            simulator events/s over all streams
              --symbols LIST      (default btcusdt,ethusdt,bnbusdt)
              --streams LIST      (default trade,aggTrade,bookTicker,depth@100ms,kline_1m; the ledger checks
                                  trade and aggTrade)
              --sample-seconds N  sample period
              --warmup D          samples before this are left out of growth and slope
              --out DIR           where the JSON and SVG go (default target/soak)
              --help              this text

            See docs/soak.md.
            """;

    private SoakCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                out.print(HELP);
                return 0;
            }
        }
        SoakOptions options;
        try {
            options = SoakOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("k2 soak: " + e.getMessage());
            return 2;
        }
        return new SoakRun(options, "bin/k2 soak " + String.join(" ", args), out, err).run();
    }
}
