package io.k2.binance.config;

import java.io.FileReader;
import java.io.IOException;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class K2SettingsTest {

    static Properties shipped() throws IOException {
        Properties p = new Properties();
        try (FileReader r = new FileReader("application.properties")) {
            p.load(r);
        }
        return p;
    }

    static K2Settings with(String key, String value) throws IOException {
        Properties p = shipped();
        p.setProperty(key, value);
        return K2Settings.of(p);
    }

    @Test
    void theShippedApplicationPropertiesAreValid() throws IOException {
        K2Settings.of(shipped()).validate();
    }

    @Test
    void unknownStreamTypeNamesTheKeyTheEnvVarAndTheAcceptedValues() {
        assertThatThrownBy(() -> with("k2.binance.streams", "trade,foo").validate())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("k2.binance.streams (env K2_BINANCE_STREAMS) = 'trade,foo'")
                .hasMessageContaining("unknown stream type 'foo'")
                .hasMessageContaining("accepted: trade, aggTrade, bookTicker");
    }

    @Test
    void symbolWithBadCharactersIsRejected() {
        assertThatThrownBy(() -> with("k2.binance.symbols", "btcusdt,eth$usdt").validate())
                .hasMessageContaining("k2.binance.symbols (env K2_BINANCE_SYMBOLS)")
                .hasMessageContaining("symbol 'eth$usdt'");
    }

    @Test
    void negativeIntervalIsRejected() {
        assertThatThrownBy(() -> with("k2.binance.reconnect-initial-delay-ms", "-5").validate())
                .hasMessageContaining("k2.binance.reconnect-initial-delay-ms (env K2_BINANCE_RECONNECT_INITIAL_DELAY_MS) = '-5': must be > 0");
        assertThatThrownBy(() -> with("k2.kafka.linger-ms", "-1").validate())
                .hasMessageContaining("k2.kafka.linger-ms").hasMessageContaining("must be >= 0");
        assertThatThrownBy(() -> with("k2.ingest.max-inflight", "ten").validate())
                .hasMessageContaining("k2.ingest.max-inflight").hasMessageContaining("not a whole number");
    }

    @Test
    void serializerCacheSizeIsCheckedAgainstItsRange() throws IOException {
        for (String bad : new String[]{"0", "101", "-3"}) {
            assertThatThrownBy(() -> with("k2.kafka.serializer-cache-max-size", bad).validate())
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageContaining("k2.kafka.serializer-cache-max-size (env K2_KAFKA_SERIALIZER_CACHE_MAX_SIZE) = '"
                            + bad + "': must be 1-100");
        }
        assertThatThrownBy(() -> with("k2.kafka.serializer-cache-max-size", "lots").validate())
                .hasMessageContaining("K2_KAFKA_SERIALIZER_CACHE_MAX_SIZE").hasMessageContaining("not a whole number");
        with("k2.kafka.serializer-cache-max-size", "1").validate();
        with("k2.kafka.serializer-cache-max-size", "100").validate();
    }

    @Test
    void plainWsToARemoteHostIsRefusedUnlessAllowed() throws IOException {
        assertThatThrownBy(() -> with("k2.binance.base-url", "ws://10.1.2.3:9443").validate())
                .hasMessageContaining("k2.binance.base-url (env K2_BINANCE_BASE_URL) = 'ws://10.1.2.3:9443'")
                .hasMessageContaining("not loopback");
        Properties p = shipped();
        p.setProperty("k2.binance.base-url", "ws://simulator:9443");
        p.setProperty("k2.binance.allow-plaintext", "true");
        K2Settings.of(p).validate();
        with("k2.binance.base-url", "ws://127.0.0.1:9443").validate();
        with("k2.binance.base-url", "ws://localhost:9443").validate();
    }

    @Test
    void rotationLifetimeIsWholeHoursFromOneToTwentyFour() {
        assertThatThrownBy(() -> with("k2.binance.connection-max-lifetime-hours", "25").validate())
                .hasMessageContaining("k2.binance.connection-max-lifetime-hours (env K2_BINANCE_CONNECTION_MAX_LIFETIME_HOURS)")
                .hasMessageContaining("1-24");
        assertThatThrownBy(() -> with("k2.binance.ping-timeout-seconds", "40").validate())
                .hasMessageContaining("k2.binance.ping-timeout-seconds").hasMessageContaining("shorter than healthCheckTimeout");
    }

    @Test
    void emptyOrMalformedBrokerListIsRejected() {
        assertThatThrownBy(() -> with("k2.kafka.brokers", "").validate())
                .hasMessageContaining("k2.kafka.brokers (env K2_KAFKA_BROKERS) = '': is empty");
        assertThatThrownBy(() -> with("k2.kafka.brokers", "localhost").validate())
                .hasMessageContaining("'localhost' is not host:port");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Properties p;
        try {
            p = shipped();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        p.setProperty("k2.binance.ssl-verify", "maybe");
        p.setProperty("k2.kafka.compression", "brotli");
        p.setProperty("k2.kafka.topic.trade", "bad topic");
        assertThatThrownBy(() -> K2Settings.of(p).validate())
                .hasMessageContaining("k2.binance.ssl-verify").hasMessageContaining("accepted values: true, false")
                .hasMessageContaining("k2.kafka.compression").hasMessageContaining("lz4")
                .hasMessageContaining("k2.kafka.topic.trade");
    }

    @Test
    void secretsAreMaskedInTheDescription() throws IOException {
        String described = with("k2.kafka.sasl-jaas-config", "org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"u\" password=\"hunter2\";").describe();
        assertThat(described).contains("k2.kafka.sasl-jaas-config = ******").doesNotContain("hunter2");
        assertThat(described).contains("k2.binance.symbols = btcusdt");
    }

    @Test
    void envNameFollowsCamelsOverrideRule() {
        assertThat(K2Settings.envName("k2.kafka.topic.dead-letter")).isEqualTo("K2_KAFKA_TOPIC_DEAD_LETTER");
    }
}
