package io.k2.binance.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * {@code memory-profile.svg}: RSS and heap after GC in MB over time on the left axis, the leak score 0..1 on
 * the right, a dashed grey line at each rotation and a red labelled line at each injected fault. Plain SVG 1.1
 * with its own width and height and no script or external reference, so a browser shows it and Markdown
 * embeds it ({@code ![](soak-1h.svg)}).
 */
final class SoakChart {

    static final String FILE = "memory-profile.svg";

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 520;
    private static final int LEFT = 70;
    private static final int RIGHT = 70;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;
    private static final double BYTES_PER_MB = 1024.0 * 1024.0;

    private SoakChart() {
    }

    static Path write(Path dir, String title, List<SoakSample> samples, List<InjectedFault> faults) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        Files.writeString(file, svg(title, samples, faults));
        return file;
    }

    static String svg(String title, List<SoakSample> samples, List<InjectedFault> faults) {
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double lastSeconds = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).elapsedSeconds();
        for (InjectedFault f : faults) {
            lastSeconds = Math.max(lastSeconds, f.elapsedSeconds());
        }
        boolean hours = lastSeconds > 2 * 3600;
        double unit = hours ? 3600 : 60;
        double xMax = Math.max(1.0 / 60, lastSeconds / unit);
        double maxMb = 0;
        for (SoakSample s : samples) {
            maxMb = Math.max(maxMb, Math.max(s.rssBytes(), s.heapAfterGcBytes()) / BYTES_PER_MB);
        }
        double yMax = Math.max(50, niceCeiling(maxMb * 1.1));

        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        sb.append("<title>").append(escape(title)).append("</title>\n");
        sb.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));

        // grid and axes
        for (int i = 0; i <= 5; i++) {
            double y = TOP + plotH - plotH * i / 5;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>%n",
                    LEFT, y, LEFT + plotW, y));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + 4,
                    fmt(yMax * i / 5)));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%.1f</text>%n", LEFT + plotW + 6, y + 4, i / 5.0));
        }
        for (int i = 0; i <= 10; i++) {
            double x = LEFT + plotW * i / 10;
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n", x,
                    TOP + plotH + 18, fmt(xMax * i / 10)));
        }
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333\"/>%n",
                LEFT, TOP, plotW, plotH));
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">elapsed (%s)</text>%n",
                LEFT + plotW / 2, HEIGHT - BOTTOM + 40, hours ? "hours" : "minutes"));
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(18,%.1f) rotate(-90)\" text-anchor=\"middle\">memory (MB)</text>%n",
                TOP + plotH / 2));
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%.1f) rotate(90)\" text-anchor=\"middle\">leak score (0..1)</text>%n",
                WIDTH - 18, TOP + plotH / 2));

        // rotations: the rotation counter went up between two samples
        for (int i = 1; i < samples.size(); i++) {
            long more = samples.get(i).rotationsTotal() - samples.get(i - 1).rotationsTotal();
            if (more > 0) {
                double x = LEFT + plotW * Math.min(1, samples.get(i).elapsedSeconds() / unit / xMax);
                sb.append(String.format(Locale.ROOT, "<line class=\"rotation\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\""
                        + " stroke=\"#999\" stroke-dasharray=\"4,3\"><title>rotation%s at %s</title></line>%n",
                        x, TOP, x, TOP + plotH, more > 1 ? " x" + more : "", clock(samples.get(i).elapsedSeconds())));
            }
        }
        for (InjectedFault f : faults) {
            double x = LEFT + plotW * Math.min(1, f.elapsedSeconds() / unit / xMax);
            sb.append(String.format(Locale.ROOT, "<line class=\"fault\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"#d62728\" stroke-width=\"1.5\"/>%n", x, TOP, x, TOP + plotH));
            sb.append(String.format(Locale.ROOT, "<text class=\"fault-label\" x=\"%.1f\" y=\"%d\" fill=\"#d62728\""
                    + " text-anchor=\"middle\">%s</text>%n", x, TOP - 6, escape(f.kind())));
        }

        series(sb, samples, s -> s.rssBytes() / BYTES_PER_MB, yMax, unit, xMax, plotW, plotH, "#1f77b4", "", "rss");
        series(sb, samples, s -> s.heapAfterGcBytes() / BYTES_PER_MB, yMax, unit, xMax, plotW, plotH, "#2ca02c", "", "heap");
        series(sb, samples, SoakSample::leakScore, 1, unit, xMax, plotW, plotH, "#ff7f0e", "6,3", "score");

        // legend, under the plot
        int ly = HEIGHT - 14;
        legend(sb, LEFT, ly, "#1f77b4", "", "RSS (MB, left)");
        legend(sb, LEFT + 150, ly, "#2ca02c", "", "heap after GC (MB, left)");
        legend(sb, LEFT + 340, ly, "#ff7f0e", "6,3", "leak score (right)");
        legend(sb, LEFT + 500, ly, "#999", "4,3", "rotation");
        legend(sb, LEFT + 600, ly, "#d62728", "", "injected fault");
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void series(StringBuilder sb, List<SoakSample> samples, ToDoubleFunction<SoakSample> value,
                               double yMax, double unit, double xMax, double plotW, double plotH, String color,
                               String dash, String name) {
        StringBuilder points = new StringBuilder();
        for (SoakSample s : samples) {
            double v = value.applyAsDouble(s);
            if (v < 0) {
                continue; // not read in this sample
            }
            double x = LEFT + plotW * Math.min(1, s.elapsedSeconds() / unit / xMax);
            double y = TOP + plotH - plotH * Math.min(1, v / yMax);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        if (points.length() > 0) {
            sb.append(String.format(Locale.ROOT, "<polyline class=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s"
                    + " points=\"%s\"/>%n", name, color, dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"",
                    points.toString().trim()));
        }
    }

    private static void legend(StringBuilder sb, int x, int y, String color, String dash, String label) {
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                x, y - 4, x + 24, y - 4, color, dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\""));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 30, y, escape(label)));
    }

    /** 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten, at or above {@code v}: round axis ends. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 0;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * p >= v - 1e-9) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String clock(double seconds) {
        long s = (long) seconds;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
