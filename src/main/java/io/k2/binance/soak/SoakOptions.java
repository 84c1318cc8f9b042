package io.k2.binance.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The command line of {@code bin/k2 soak}: the mode gives every default, each option overrides one.
 *
 * @param warmup samples before it are not part of the growth and the slope
 */
record SoakOptions(SoakMode mode, Duration duration, int rate, String symbols, String streams, int sampleSeconds,
                   Duration warmup, Path outDir) {

    static final String DEFAULT_SYMBOLS = "btcusdt,ethusdt,bnbusdt";
    static final String DEFAULT_STREAMS = "trade,aggTrade,bookTicker,depth@100ms,kline_1m";

    static SoakOptions parse(String... args) {
        SoakMode mode = SoakMode.SHORT;
        Duration duration = null;
        Integer rate = null;
        String symbols = DEFAULT_SYMBOLS;
        String streams = DEFAULT_STREAMS;
        Integer sample = null;
        Duration warmup = null;
        Path out = Path.of("target", "soak");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value (see --help)");
            }
            String v = args[++i];
            switch (a) {
                case "--mode" -> mode = SoakMode.byId(v);
                case "--duration" -> duration = duration(v, a);
                case "--rate" -> rate = positive(v, a);
                case "--symbols" -> symbols = v;
                case "--streams" -> streams = v;
                case "--sample-seconds" -> sample = positive(v, a);
                case "--warmup" -> warmup = duration(v, a);
                case "--out" -> out = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option '" + a + "' (see --help)");
            }
        }
        duration = duration != null ? duration : mode.duration;
        if (duration.toSeconds() < 30) {
            throw new IllegalArgumentException("--duration " + duration.toSeconds() + " s: at least 30 s");
        }
        int sampleSeconds = sample != null ? sample : mode.sampleSeconds;
        if (sampleSeconds > duration.toSeconds() / 2) {
            throw new IllegalArgumentException("--sample-seconds " + sampleSeconds + ": at most half the duration");
        }
        // The short mode's warm-up lasts until the app has been through one drop and one stall and has given
        // back the heap G1 grew for the stall's burst (observe/HeapGiveBack): growth after it is what repeated
        // faults leave behind, measured from a baseline the first burst does not inflate.
        // The long modes inject nothing and keep their fixed warm-up. A shortened run keeps at least half of
        // itself for the measurement.
        Duration modeWarmup = mode.injectsFaults() ? FaultSchedule.forRun(duration).firstOfEachSettled() : mode.warmup;
        Duration defaultWarmup = modeWarmup.compareTo(duration.dividedBy(2)) < 0 ? modeWarmup : duration.dividedBy(2);
        warmup = warmup != null ? warmup : defaultWarmup;
        if (warmup.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("--warmup must be shorter than --duration");
        }
        return new SoakOptions(mode, duration, rate != null ? rate : mode.rate, symbols, streams, sampleSeconds,
                warmup, out);
    }

    SoakLimits limits() {
        return mode.limits(rate);
    }

    /** {@code 600}, {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}: plain numbers are seconds. */
    static Duration duration(String text, String option) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
            if (Character.isDigit(last)) {
                return Duration.ofSeconds(Long.parseLong(s));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (last) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a duration: '" + text + "' (e.g. 600, 90s, 10m, 2h)");
        }
    }

    private static int positive(String v, String option) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": not a positive whole number: '" + v + "'");
    }
}
