package io.k2.binance.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One read of the app's /observe/metrics, summed per metric name over all label sets, plus a lookup by
 * name and one label. Enough for status lines and benchmarks; Prometheus does the real work in production.
 */
public final class MetricsScrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, Double> sums = new HashMap<>();
    private final Map<String, Double> samples = new HashMap<>();

    private MetricsScrape() {
    }

    /** @throws IOException when the app does not answer (not started yet, or gone) */
    public static MetricsScrape of(String metricsUrl) throws IOException {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(metricsUrl))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode() + " from " + metricsUrl);
            }
            return parse(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static MetricsScrape parse(String text) {
        MetricsScrape s = new MetricsScrape();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String series = line.substring(0, space);
            double value;
            try {
                value = Double.parseDouble(line.substring(space + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            int brace = series.indexOf('{');
            String name = brace < 0 ? series : series.substring(0, brace);
            s.sums.merge(name, value, Double::sum);
            s.samples.put(series, value);
        }
        return s;
    }

    /** Sum of a metric over all its label sets; 0 when absent. */
    public double sum(String name) {
        return sums.getOrDefault(name, 0.0);
    }

    /** The first sample of {@code name} whose labels contain {@code labelFragment} (e.g. {@code quantile="0.99"}). */
    public double first(String name, String labelFragment) {
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            if (e.getKey().startsWith(name + "{") && e.getKey().contains(labelFragment)) {
                return e.getValue();
            }
        }
        return Double.NaN;
    }

    /**
     * {@code name} summed per value of one label, e.g. {@code binance_reconnects_total} by {@code reason}; label
     * sets without that label are left out.
     */
    public Map<String, Double> sumBy(String name, String label) {
        Map<String, Double> out = new java.util.TreeMap<>();
        String key = label + "=\"";
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            String series = e.getKey();
            if (!series.startsWith(name + "{")) {
                continue;
            }
            int at = series.indexOf(key);
            // a label name is preceded by the brace or a comma, so "reason" does not match "close_reason"
            if (at < 0 || (series.charAt(at - 1) != '{' && series.charAt(at - 1) != ',')) {
                continue;
            }
            int from = at + key.length();
            int to = series.indexOf('"', from);
            if (to >= from) {
                out.merge(series.substring(from, to), e.getValue(), Double::sum);
            }
        }
        return out;
    }

    /** The largest sample of {@code name} whose labels contain {@code labelFragment}. */
    public double max(String name, String labelFragment) {
        double max = Double.NaN;
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            if (e.getKey().startsWith(name + "{") && e.getKey().contains(labelFragment)
                    && (Double.isNaN(max) || e.getValue() > max)) {
                max = e.getValue();
            }
        }
        return max;
    }
}
