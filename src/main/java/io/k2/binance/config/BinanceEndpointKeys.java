package io.k2.binance.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.k2.binance.component.BinanceConfiguration;

/**
 * Which operator key feeds which option of the {@code binance:spot} endpoint in {@code routes/ingest.camel.yaml},
 * and in what unit. The start-up check binds the operator's values into a {@link BinanceConfiguration} and asks
 * it for problems, so the defaults and the rules stay in the component (their one home) and the messages still
 * name the key and its env var. A test keeps this table and the YAML route in step.
 */
final class BinanceEndpointKeys {

    enum Unit {
        /** The value as it is. */
        AS_IS(""),
        MILLIS("ms"),
        SECONDS("s"),
        HOURS("h");

        /** What the YAML route appends to the placeholder, e.g. {@code "{{k2.binance.ping-interval-seconds}}s"}. */
        final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }
    }

    record Key(String key, String option, Unit unit, BiConsumer<BinanceConfiguration, String> apply) {
    }

    static final List<Key> KEYS = List.of(
            text("k2.binance.symbols", "symbols", BinanceConfiguration::setSymbols),
            text("k2.binance.streams", "streams", BinanceConfiguration::setStreams),
            text("k2.binance.base-url", "baseUrl", BinanceConfiguration::setBaseUrl),
            bool("k2.binance.ssl-verify", "sslVerify", BinanceConfiguration::setSslVerify),
            text("k2.binance.ca-bundle", "caBundle", BinanceConfiguration::setCaBundle),
            bool("k2.binance.allow-plaintext", "allowPlaintext", BinanceConfiguration::setAllowPlaintext),
            text("k2.binance.time-unit", "timeUnit", BinanceConfiguration::setTimeUnit),
            number("k2.binance.max-frame-bytes", "maxFrameBytes", (c, v) -> c.setMaxFrameBytes(Integer.parseInt(v))),
            number("k2.binance.streams-per-connection", "streamsPerConnection",
                    (c, v) -> c.setStreamsPerConnection(Integer.parseInt(v))),
            duration("k2.binance.reconnect-initial-delay-ms", "reconnectInitialDelay", Unit.MILLIS,
                    BinanceConfiguration::setReconnectInitialDelay),
            duration("k2.binance.reconnect-max-delay-ms", "reconnectMaxDelay", Unit.MILLIS,
                    BinanceConfiguration::setReconnectMaxDelay),
            duration("k2.binance.connect-timeout-ms", "connectTimeout", Unit.MILLIS, BinanceConfiguration::setConnectTimeout),
            duration("k2.binance.rotation-catch-up-timeout-seconds", "rotationCatchUpTimeout", Unit.SECONDS,
                    BinanceConfiguration::setRotationCatchUpTimeout),
            duration("k2.binance.ping-interval-seconds", "pingInterval", Unit.SECONDS, BinanceConfiguration::setPingInterval),
            duration("k2.binance.ping-timeout-seconds", "pingTimeout", Unit.SECONDS, BinanceConfiguration::setPingTimeout),
            duration("k2.binance.health-check-timeout", "healthCheckTimeout", Unit.SECONDS,
                    BinanceConfiguration::setHealthCheckTimeout),
            duration("k2.binance.stream-stale-seconds", "streamStaleTimeout", Unit.SECONDS,
                    BinanceConfiguration::setStreamStaleTimeout),
            number("k2.ingest.queue-capacity", "queueCapacity", (c, v) -> c.setQueueCapacity(Integer.parseInt(v))),
            number("k2.ingest.max-inflight", "maxInflight", (c, v) -> c.setMaxInflight(Integer.parseInt(v))),
            number("k2.ingest.batch-size", "batchSize", (c, v) -> c.setBatchSize(Integer.parseInt(v))),
            duration("k2.ingest.max-pause-seconds", "maxPause", Unit.SECONDS, BinanceConfiguration::setMaxPause),
            duration("k2.ingest.shutdown-drain-seconds", "shutdownDrainTimeout", Unit.SECONDS,
                    BinanceConfiguration::setShutdownDrainTimeout),
            duration("k2.ingest.wedged-after-seconds", "wedgedAfter", Unit.SECONDS, BinanceConfiguration::setWedgedAfter),
            text("k2.binance.rest-base-url", "restBaseUrl", BinanceConfiguration::setRestBaseUrl),
            bool("k2.gaps.backfill", "backfill", BinanceConfiguration::setBackfill),
            duration("k2.gaps.max-hold-ms", "gapMaxHold", Unit.MILLIS, BinanceConfiguration::setGapMaxHold),
            number("k2.gaps.max-held-frames", "gapMaxHeldFrames", (c, v) -> c.setGapMaxHeldFrames(Integer.parseInt(v))),
            number("k2.gaps.max-events-per-gap", "gapMaxEventsPerGap", (c, v) -> c.setGapMaxEventsPerGap(Long.parseLong(v))),
            duration("k2.gaps.look-back-seconds", "gapLookBack", Unit.SECONDS, BinanceConfiguration::setGapLookBack),
            number("k2.gaps.depth-snapshot-limit", "depthSnapshotLimit",
                    (c, v) -> c.setDepthSnapshotLimit(Integer.parseInt(v))),
            bool("k2.gaps.depth-snapshot-on-start", "depthSnapshotOnStart", BinanceConfiguration::setDepthSnapshotOnStart),
            number("k2.rest.weight-limit", "restWeightLimit", (c, v) -> c.setRestWeightLimit(Integer.parseInt(v))),
            duration("k2.rest.weight-window-seconds", "restWeightWindow", Unit.SECONDS,
                    BinanceConfiguration::setRestWeightWindow),
            number("k2.rest.max-concurrent-requests", "restMaxConcurrentRequests",
                    (c, v) -> c.setRestMaxConcurrentRequests(Integer.parseInt(v))),
            duration("k2.rest.request-timeout-ms", "restRequestTimeout", Unit.MILLIS,
                    BinanceConfiguration::setRestRequestTimeout));

    /** The planned-rotation age, in whole hours as the service this replaces names it; tests use the seconds key. */
    static final String LIFETIME_HOURS = "k2.binance.connection-max-lifetime-hours";
    static final String LIFETIME_TEST_SECONDS = "k2.binance.connection-max-lifetime-test-seconds";
    /** What the YAML route reads; K2Configuration sets it from the two keys above. */
    static final String LIFETIME_EFFECTIVE = "k2.binance.connection-max-lifetime";

    private BinanceEndpointKeys() {
    }

    /** The rotation age the keys ask for, as an option value; throws naming the key when a value is bad. */
    static String lifetime(String hours, String testSeconds) {
        if (testSeconds != null && !testSeconds.isBlank()) {
            long s = Long.parseLong(testSeconds.trim());
            if (s < 1) {
                throw new IllegalArgumentException(LIFETIME_TEST_SECONDS + " must be >= 1 (it is for tests; leave it empty)");
            }
            return s + "s";
        }
        int h = Integer.parseInt(hours.trim());
        if (h < 1 || h > 24) {
            throw new IllegalArgumentException(LIFETIME_HOURS + " must be 1-24 (Binance closes every connection at 24 h)");
        }
        return h + "h";
    }

    /**
     * Binds the values into a fresh configuration and returns its problems, each naming the key and its env var.
     *
     * @param values every k2.* key with its effective value
     */
    static void check(Map<String, String> values, List<String> problems) {
        BinanceConfiguration config = new BinanceConfiguration();
        Map<String, String> keyOfOption = new java.util.HashMap<>();
        java.util.Set<String> reported = new java.util.HashSet<>();
        keyOfOption.put("connectionMaxLifetime", LIFETIME_HOURS);
        for (Key k : KEYS) {
            keyOfOption.put(k.option, k.key);
            String v = values.get(k.key);
            if (v == null) {
                problems.add(k.key + " is missing; add it to application.properties (see docs/configuration.md)");
                reported.add(k.option);
                continue;
            }
            try {
                if (!v.isEmpty() || k.unit == Unit.AS_IS) {
                    k.apply.accept(config, v);
                }
            } catch (NumberFormatException e) {
                problems.add(k.key + " (env " + K2Settings.envName(k.key) + ") = '" + v + "': not a whole number");
                reported.add(k.option);
            } catch (IllegalArgumentException e) {
                problems.add(k.key + " (env " + K2Settings.envName(k.key) + ") = '" + v + "': " + e.getMessage());
                reported.add(k.option);
            }
        }
        try {
            config.setConnectionMaxLifetime(org.apache.camel.util.TimeUtils.toDuration(
                    lifetime(values.getOrDefault(LIFETIME_HOURS, ""), values.get(LIFETIME_TEST_SECONDS))));
        } catch (IllegalArgumentException e) {
            String key = e.getMessage() != null && e.getMessage().startsWith(LIFETIME_TEST_SECONDS) ? LIFETIME_TEST_SECONDS : LIFETIME_HOURS;
            problems.add(key + " (env " + K2Settings.envName(key) + ") = '" + values.get(key) + "': "
                    + (e instanceof NumberFormatException ? "not a whole number" : e.getMessage()));
        }
        for (BinanceConfiguration.Problem problem : config.problems()) {
            if (reported.contains(problem.option())) {
                continue;
            }
            String key = keyOfOption.get(problem.option());
            if (key == null) {
                problems.add("binance endpoint option " + problem);
            } else {
                problems.add(key + " (env " + K2Settings.envName(key) + ") = '" + values.get(key) + "': " + problem.message());
            }
        }
    }

    private static Key text(String key, String option, BiConsumer<BinanceConfiguration, String> apply) {
        return new Key(key, option, Unit.AS_IS, (c, v) -> apply.accept(c, v.isEmpty() ? null : v));
    }

    private static Key bool(String key, String option, BiConsumer<BinanceConfiguration, Boolean> apply) {
        return new Key(key, option, Unit.AS_IS, (c, v) -> {
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException("accepted values: true, false");
            }
            apply.accept(c, Boolean.parseBoolean(v));
        });
    }

    private static Key number(String key, String option, BiConsumer<BinanceConfiguration, String> apply) {
        return new Key(key, option, Unit.AS_IS, apply);
    }

    private static Key duration(String key, String option, Unit unit, BiConsumer<BinanceConfiguration, Duration> apply) {
        return new Key(key, option, unit, (c, v) -> {
            long n = Long.parseLong(v.trim());
            apply.accept(c, switch (unit) {
                case MILLIS -> Duration.ofMillis(n);
                case SECONDS -> Duration.ofSeconds(n);
                case HOURS -> Duration.ofHours(n);
                case AS_IS -> throw new IllegalStateException();
            });
        });
    }
}
