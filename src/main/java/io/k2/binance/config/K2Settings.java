package io.k2.binance.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.k2.binance.avro.SingleObjectEncoder;
import io.k2.binance.normalize.EventType;
import io.k2.binance.observe.LeakAlarm;
import io.k2.binance.observe.LeakScore;

/**
 * The app's own settings ({@code k2.*} in application.properties), read once at start-up, checked all
 * together so an operator sees every mistake in one go, and printed with secrets masked.
 *
 * <p>Each key can be overridden by an environment variable: upper case, dots and dashes as underscores
 * ({@code k2.binance.symbols} → {@code K2_BINANCE_SYMBOLS}). Camel's properties component applies the
 * override; {@link #envName} only names it in messages.
 */
public final class K2Settings {

    public static final String PREFIX = "k2.";
    /** Schemas the encoder keeps a writer for; see {@link SingleObjectEncoder}. */
    public static final String SERIALIZER_CACHE_MAX_SIZE = "k2.kafka.serializer-cache-max-size";

    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|jaas|token|credential|api-key|apikey).*");
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+:(\\d{1,5})");
    private static final List<String> COMPRESSION = List.of("none", "gzip", "snappy", "lz4", "zstd");
    private static final List<String> SECURITY_PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    /** Producer settings that Camel's Kafka options take as Integer (and Kafka as int, for most of them). */
    private static final List<String> INT_PRODUCER_KEYS = List.of("k2.kafka.linger-ms", "k2.kafka.batch-size",
            "k2.kafka.delivery-timeout-ms", "k2.kafka.request-timeout-ms", "k2.kafka.max-block-ms");

    private final Map<String, String> values;

    private K2Settings(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param keys     every k2.* key known from application.properties
     * @param resolver resolves a key with env overrides applied (Camel's properties component)
     */
    public static K2Settings load(Iterable<String> keys, Function<String, String> resolver) {
        Map<String, String> values = new TreeMap<>();
        for (String key : keys) {
            if (key.startsWith(PREFIX)) {
                String v = resolver.apply(key);
                values.put(key, v == null ? "" : v.trim());
            }
        }
        return new K2Settings(values);
    }

    public static K2Settings of(Properties properties) {
        Map<String, String> values = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIX)) {
                values.put(key, properties.getProperty(key).trim());
            }
        }
        return new K2Settings(values);
    }

    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("setting " + key + " is missing from application.properties");
        }
        return v;
    }

    /** The value, or "" for a key that application.properties does not carry (optional, e.g. for tests). */
    public String getOrEmpty(String key) {
        return values.getOrDefault(key, "");
    }

    public int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    public double getDouble(String key) {
        return Double.parseDouble(get(key));
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key));
    }

    public String topicFor(EventType type) {
        return get("k2.kafka.topic." + type.streamType().toLowerCase(Locale.ROOT));
    }

    /** Checks every key; throws one exception listing all problems. */
    public K2Settings validate() {
        List<String> problems = new ArrayList<>();
        BinanceEndpointKeys.check(values, problems);
        check(problems, "k2.binance.exchange-info-url", v -> {
            if (!v.isEmpty()) {
                URI u = URI.create(v);
                if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
                    throw new IllegalArgumentException("must be an https:// URL or empty (use the bundled symbol list)");
                }
            }
        });
        for (String key : List.of("k2.kafka.batch-size", "k2.kafka.delivery-timeout-ms", "k2.kafka.request-timeout-ms",
                "k2.kafka.max-block-ms", "k2.binance.rotation-check-interval-seconds",
                "k2.binance.live-streams-check-seconds", "k2.observe.kafka-probe-interval-ms")) {
            check(problems, key, v -> requirePositive(v));
        }
        check(problems, "k2.binance.live-streams", K2Settings::requireBoolean);
        check(problems, "k2.binance.connect-attempts-per-5-minutes", v -> {
            int n = Integer.parseInt(v);
            if (n < 1 || n > 300) {
                throw new IllegalArgumentException("must be 1-300: Binance allows 300 connection attempts per 5 minutes "
                        + "per IP, and instances sharing an IP (blue and green) share that");
            }
        });
        check(problems, "k2.kafka.linger-ms", v -> {
            if (Long.parseLong(v) < 0) {
                throw new IllegalArgumentException("must be >= 0");
            }
        });
        for (String key : INT_PRODUCER_KEYS) {
            check(problems, key, v -> {
                if (Long.parseLong(v) > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("must be at most " + Integer.MAX_VALUE);
                }
            });
        }
        checkProducerTimeouts(problems);
        check(problems, SERIALIZER_CACHE_MAX_SIZE, v -> {
            int n = Integer.parseInt(v);
            if (n < SingleObjectEncoder.MIN_CACHED_SCHEMAS || n > SingleObjectEncoder.MAX_CACHED_SCHEMAS) {
                throw new IllegalArgumentException("must be " + SingleObjectEncoder.MIN_CACHED_SCHEMAS + "-"
                        + SingleObjectEncoder.MAX_CACHED_SCHEMAS + ": it is how many record schemas the encoder keeps a "
                        + "writer for (the app has 5; fewer only costs a rebuild per evicted schema, more only memory)");
            }
        });
        check(problems, "k2.kafka.security-protocol", v -> {
            if (!SECURITY_PROTOCOLS.contains(v)) {
                throw new IllegalArgumentException("accepted values: " + String.join(", ", SECURITY_PROTOCOLS));
            }
        });
        check(problems, "k2.kafka.sasl-jaas-config", v -> {
            String protocol = values.getOrDefault("k2.kafka.security-protocol", "");
            String mechanism = values.getOrDefault("k2.kafka.sasl-mechanism", "");
            // GSSAPI (Kerberos) usually takes its login from the JVM's JAAS file; so may any mechanism
            if (protocol.startsWith("SASL_") && v.isEmpty() && !"GSSAPI".equals(mechanism)
                    && System.getProperty("java.security.auth.login.config") == null) {
                throw new IllegalArgumentException("is empty, but k2.kafka.security-protocol is " + protocol
                        + " with k2.kafka.sasl-mechanism " + mechanism + ", which needs a login; give the JAAS config, "
                        + "e.g. org.apache.kafka.common.security.scram.ScramLoginModule required username=\"...\" "
                        + "password=\"...\";");
            }
        });
        check(problems, "k2.kafka.brokers", v -> {
            if (v.isEmpty()) {
                throw new IllegalArgumentException("is empty; give host:port[,host:port...], e.g. 127.0.0.1:9092");
            }
            for (String b : v.split(",")) {
                var m = HOST_PORT.matcher(b.trim());
                int port = m.matches() ? Integer.parseInt(m.group(1)) : -1;
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("'" + b.trim() + "' is not host:port (port 1-65535)");
                }
            }
        });
        check(problems, "k2.kafka.compression", v -> {
            if (!COMPRESSION.contains(v)) {
                throw new IllegalArgumentException("accepted values: " + String.join(", ", COMPRESSION));
            }
        });
        for (EventType type : EventType.values()) {
            check(problems, "k2.kafka.topic." + type.streamType().toLowerCase(Locale.ROOT), K2Settings::requireTopic);
        }
        check(problems, "k2.kafka.topic.gaps", K2Settings::requireTopic);
        check(problems, "k2.kafka.topic.dead-letter", K2Settings::requireTopic);
        check(problems, "k2.observe.port", v -> {
            int p = Integer.parseInt(v);
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("must be a port 1-65535");
            }
        });
        checkMemoryMonitor(problems);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return this;
    }

    /** The memory monitor's timer, window and leak-score threshold, and the heap give-back (docs/memory.md). */
    private void checkMemoryMonitor(List<String> problems) {
        check(problems, "k2.observe.heap-give-back", K2Settings::requireBoolean);
        check(problems, "k2.observe.heap-give-back-check-seconds", v -> {
            long n = Long.parseLong(v);
            if (n < 5 || n > 3600) {
                throw new IllegalArgumentException("must be 5-3600 (seconds between checks of the committed heap)");
            }
        });
        check(problems, "k2.observe.memory-sample-seconds", v -> {
            long n = Long.parseLong(v);
            if (n < 1 || n > 3600) {
                throw new IllegalArgumentException("must be 1-3600 (seconds between memory samples)");
            }
        });
        check(problems, "k2.observe.memory-window-samples", v -> {
            long n = Long.parseLong(v);
            if (n < LeakScore.MIN_SAMPLES || n > 10_000) {
                throw new IllegalArgumentException("must be " + LeakScore.MIN_SAMPLES + "-10000: the leak score needs "
                        + LeakScore.MIN_SAMPLES + " samples before it says anything");
            }
        });
        check(problems, "k2.observe.leak-score-threshold", v -> {
            double t;
            try {
                t = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number");
            }
            if (!(t > LeakAlarm.CLEAR_MARGIN && t < 1)) {
                throw new IllegalArgumentException("must be above " + LeakAlarm.CLEAR_MARGIN + " and below 1: the score "
                        + "is at most 1, and degraded clears below the threshold minus " + LeakAlarm.CLEAR_MARGIN);
            }
        });
    }

    /**
     * Kafka refuses to build a producer (and so the routes never start) unless
     * {@code delivery.timeout.ms >= linger.ms + request.timeout.ms}.
     */
    private void checkProducerTimeouts(List<String> problems) {
        String delivery = "k2.kafka.delivery-timeout-ms";
        String linger = "k2.kafka.linger-ms";
        String request = "k2.kafka.request-timeout-ms";
        try {
            long d = Long.parseLong(get(delivery));
            long l = Long.parseLong(get(linger));
            long r = Long.parseLong(get(request));
            if (d < l + r) {
                problems.add(delivery + " (env " + envName(delivery) + ") = '" + d + "': must be >= " + linger
                        + " (env " + envName(linger) + ", " + l + ") + " + request + " (env " + envName(request) + ", "
                        + r + "), i.e. >= " + (l + r) + "; Kafka refuses to build the producer otherwise. Raise "
                        + delivery + " or lower the other two");
            }
        } catch (NumberFormatException | IllegalStateException e) {
            // a missing or non-numeric value is reported by its own check
        }
    }

    private void check(List<String> problems, String key, CheckedValue check) {
        String v = values.get(key);
        if (v == null) {
            problems.add(key + " is missing; add it to application.properties (see docs/configuration.md)");
            return;
        }
        try {
            check.accept(v);
        } catch (NumberFormatException e) {
            problems.add(key + " (env " + envName(key) + ") = '" + v + "': not a whole number");
        } catch (IllegalArgumentException e) {
            problems.add(key + " (env " + envName(key) + ") = '" + v + "': " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface CheckedValue {
        void accept(String value);
    }

    private static void requireBoolean(String v) {
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("accepted values: true, false");
        }
    }

    private static void requirePositive(String v) {
        if (Long.parseLong(v) <= 0) {
            throw new IllegalArgumentException("must be > 0");
        }
    }

    private static void requireTopic(String v) {
        if (!TOPIC.matcher(v).matches()) {
            throw new IllegalArgumentException("not a valid Kafka topic name (1-249 of a-z A-Z 0-9 . _ -)");
        }
    }

    public static boolean isSecret(String key) {
        return SECRET_KEY.matcher(key).matches();
    }

    /** One line per key, secrets masked, for the start-up log. */
    public String describe() {
        return "Effective configuration (application.properties, overridden by env vars):\n  "
                + String.join("\n  ", describeLines());
    }

    /**
     * {@code key = value} per key, secrets masked. The log writes each as its own line: the log layout keeps one
     * event on one line (newlines are encoded), so a multi-line message would be one long line.
     */
    public List<String> describeLines() {
        List<String> lines = new ArrayList<>(values.size());
        values.forEach((k, v) -> lines.add(k + " = " + (isSecret(k) && !v.isEmpty() ? "******" : v)));
        return lines;
    }
}
