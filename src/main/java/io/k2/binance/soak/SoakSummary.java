package io.k2.binance.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.k2.binance.observe.LeakScore;

/**
 * What a run amounts to, from its samples, its faults and the ledger check, and whether it passed.
 *
 * @param failedFast why the run was cut short (RSS over the cap, the app exited), or null
 * @param ledger     per stream; empty when the ledger was not checked (a run cut short)
 */
public record SoakSummary(double rssStartMb, double rssEndMb, double rssPeakMb, double growthMb, int growthSamples,
                          double slopeMbPerHour, double r2, int slopeSamples, double leakScoreEnd, double leakScorePeak,
                          double msgPerSecond, long unscheduledDrops, long injectedDrops, long unexpectedDrops,
                          long injectedStalls, long rotations, long gaps, long missing, long duplicates,
                          List<LedgerCheck> ledger, String depthNote, String failedFast, List<Assertion> assertions) {

    static final double BYTES_PER_MB = 1024.0 * 1024.0;
    /** Samples whose median makes each end of the growth: one odd sample (a GC, a burst) does not move it. */
    static final int GROWTH_ENDS = 3;

    static final String GROWTH_DEFINITION = "median RSS of the last " + GROWTH_ENDS + " samples minus median RSS of the"
            + " first " + GROWTH_ENDS + " samples taken after the warm-up (MB = 2^20 bytes); the warm-up is left out"
            + " because heap expansion, class loading and JIT in the first minutes are not a leak";
    static final String SLOPE_DEFINITION = "least-squares line of RSS over time through every sample after the"
            + " warm-up, computed by the app's own observe.LeakScore (slope in MB/h, its R^2); 0 with fewer than "
            + LeakScore.MIN_SAMPLES + " samples";
    static final String MSG_RATE_DEFINITION = "records acked by Kafka (k2_records_acked_total) between the first and"
            + " the last sample, per second";
    static final String DROPS_DEFINITION = "unscheduled = binance_reconnects_total at the end (all reasons: connection"
            + " losses and failed connects; rotations are scheduled and not in it); unexpected = unscheduled minus"
            + " the drops the harness injected";
    static final String LEDGER_DEFINITION = "per trade and aggTrade stream, the topic read from the beginning after the"
            + " app stopped: missing = ids in [first id seen in Kafka, last id the simulator generated when injecting"
            + " stopped] not found; duplicates = records whose id was found before";
    static final String DEPTH_NOTE = "depth is not id-checked: a hole in its U/u updates is closed by a REST snapshot,"
            + " not by the missing updates, so its ids are not expected to be contiguous in Kafka";

    /** Growth as {@link #GROWTH_DEFINITION} says; NaN without samples after the warm-up. */
    static double growthMb(List<SoakSample> afterWarmup) {
        if (afterWarmup.isEmpty()) {
            return Double.NaN;
        }
        int k = Math.min(GROWTH_ENDS, afterWarmup.size());
        double first = median(afterWarmup.subList(0, k));
        double last = median(afterWarmup.subList(afterWarmup.size() - k, afterWarmup.size()));
        return (last - first) / BYTES_PER_MB;
    }

    private static double median(List<SoakSample> samples) {
        long[] rss = samples.stream().mapToLong(SoakSample::rssBytes).sorted().toArray();
        int n = rss.length;
        return n % 2 == 1 ? rss[n / 2] : (rss[n / 2 - 1] + rss[n / 2]) / 2.0;
    }

    static SoakSummary of(List<SoakSample> samples, double warmupSeconds, List<InjectedFault> faults,
                          List<LedgerCheck> ledger, long gapsAtEnd, String failedFast, SoakLimits limits) {
        List<SoakSample> measured = samples.stream().filter(s -> s.rssBytes() >= 0).toList();
        List<SoakSample> afterWarmup = measured.stream().filter(s -> s.elapsedSeconds() >= warmupSeconds).toList();
        double start = measured.isEmpty() ? Double.NaN : measured.get(0).rssBytes() / BYTES_PER_MB;
        double end = measured.isEmpty() ? Double.NaN : measured.get(measured.size() - 1).rssBytes() / BYTES_PER_MB;
        double peak = measured.stream().mapToLong(SoakSample::rssBytes).max().orElse(-1) / BYTES_PER_MB;
        double growth = growthMb(afterWarmup);

        LeakScore.Trend trend = new LeakScore.Trend(0, 0, 0, afterWarmup.size());
        if (afterWarmup.size() >= LeakScore.MIN_SAMPLES) {
            LeakScore line = new LeakScore(afterWarmup.size());
            for (SoakSample s : afterWarmup) {
                trend = line.add(s.atMillis(), s.rssBytes());
            }
        }

        List<SoakSample> scored = samples.stream().filter(s -> s.leakScore() >= 0).toList();
        double scoreEnd = scored.isEmpty() ? 0 : scored.get(scored.size() - 1).leakScore();
        double scorePeak = scored.stream().mapToDouble(SoakSample::leakScore).max().orElse(0);

        List<SoakSample> acked = samples.stream().filter(s -> s.eventsAcked() >= 0).toList();
        double rate = 0;
        if (acked.size() >= 2) {
            SoakSample a = acked.get(0);
            SoakSample b = acked.get(acked.size() - 1);
            double secs = b.elapsedSeconds() - a.elapsedSeconds();
            rate = secs > 0 ? (b.eventsAcked() - a.eventsAcked()) / secs : 0;
        }

        SoakSample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        long unscheduled = last == null ? 0 : last.reconnectsTotal();
        long rotations = last == null ? 0 : last.rotationsTotal();
        long injectedDrops = faults.stream().filter(f -> f.kind().equals("drop")).count();
        long injectedStalls = faults.stream().filter(f -> f.kind().equals("stall")).count();
        long unexpected = Math.max(0, unscheduled - injectedDrops);
        long missing = ledger.stream().mapToLong(LedgerCheck::missing).sum();
        long duplicates = ledger.stream().mapToLong(LedgerCheck::duplicates).sum();

        List<Assertion> assertions = new ArrayList<>();
        assertions.add(new Assertion("ran to the end", "no fail-fast", failedFast == null ? "yes" : failedFast,
                failedFast == null));
        assertions.add(new Assertion("peak RSS", "<= " + mb(limits.rssCapMb()), mb(peak), peak <= limits.rssCapMb()));
        assertions.add(new Assertion("RSS growth after warm-up", "< " + mb(limits.growthMb()),
                Double.isNaN(growth) ? "no samples after the warm-up" : mb(growth), growth < limits.growthMb()));
        assertions.add(new Assertion("msg/s average (acked)", "> " + num(limits.minMsgPerSecond()), num(rate),
                rate > limits.minMsgPerSecond()));
        assertions.add(new Assertion("unexpected drops (unscheduled - injected)", "< " + limits.unexpectedDrops(),
                unexpected + " (" + unscheduled + " - " + injectedDrops + ")", unexpected < limits.unexpectedDrops()));
        boolean ledgerChecked = !ledger.isEmpty();
        boolean everyStreamSeen = ledger.stream().allMatch(c -> c.firstSeen() != null);
        assertions.add(new Assertion("missing trade/aggTrade events (ledger)", "= 0",
                !ledgerChecked ? "not checked" : everyStreamSeen ? Long.toString(missing) : missing + ", and a stream with no record",
                ledgerChecked && everyStreamSeen && missing == 0));
        assertions.add(new Assertion("duplicate trade/aggTrade events (ledger)", "= 0",
                ledgerChecked ? Long.toString(duplicates) : "not checked", ledgerChecked && duplicates == 0));

        return new SoakSummary(start, end, peak, growth, afterWarmup.size(), trend.slopeMbPerHour(), trend.r2(),
                trend.samples(), scoreEnd, scorePeak, rate, unscheduled, injectedDrops, unexpected, injectedStalls,
                rotations, gapsAtEnd, missing, duplicates, List.copyOf(ledger), DEPTH_NOTE, failedFast,
                List.copyOf(assertions));
    }

    @JsonProperty("passed")
    public boolean passed() {
        return assertions.stream().allMatch(Assertion::passed);
    }

    /** The table printed at the end of a run. */
    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-44s %-14s %-26s %s%n", "assertion", "limit", "measured", "result"));
        for (Assertion a : assertions) {
            sb.append(String.format(Locale.ROOT, "%-44s %-14s %-26s %s%n", a.name(), a.limit(), a.measured(),
                    a.passed() ? "PASS" : "FAIL"));
        }
        sb.append(String.format(Locale.ROOT, "RSS start %s, end %s, peak %s; slope %.1f MB/h (R^2 %.2f, %d samples);"
                        + " leak score end %.2f, peak %.2f%n", mb(rssStartMb), mb(rssEndMb), mb(rssPeakMb), slopeMbPerHour,
                r2, slopeSamples, leakScoreEnd, leakScorePeak));
        sb.append(String.format(Locale.ROOT, "rotations %d, injected drops %d, stalls %d, sequence gaps %d; %s%n",
                rotations, injectedDrops, injectedStalls, gaps, DEPTH_NOTE));
        for (LedgerCheck c : ledger) {
            sb.append(String.format(Locale.ROOT, "  ledger %-20s ids %s..%d: %,d records, %d missing%s, %d duplicates%n",
                    c.stream(), c.firstSeen() == null ? "-" : c.firstSeen(), c.lastGenerated(), c.records(), c.missing(),
                    c.someMissing().isEmpty() ? "" : " " + Arrays.toString(c.someMissing().toArray()),
                    c.duplicates()));
        }
        return sb.toString();
    }

    private static String mb(double mb) {
        return Double.isNaN(mb) ? "-" : String.format(Locale.ROOT, "%.1f MB", mb);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }
}
