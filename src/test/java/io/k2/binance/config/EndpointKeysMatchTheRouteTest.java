package io.k2.binance.config;

import java.io.FileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import io.k2.binance.component.BinanceConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator keys, the YAML route and the component's defaults say the same thing: every key in the table
 * feeds its option in routes/ingest.camel.yaml with the table's unit, and application.properties ships the
 * component's own default for each, so the one home of the defaults (the component) is what operators read.
 */
class EndpointKeysMatchTheRouteTest {

    @Test
    void everyKeyFeedsItsOptionInTheIngestRoute() throws IOException {
        String yaml = Files.readString(Path.of("routes/ingest.camel.yaml"));
        for (BinanceEndpointKeys.Key k : BinanceEndpointKeys.KEYS) {
            String placeholder = k.key().equals("k2.binance.ca-bundle") ? "{{?" + k.key() + "}}" : "{{" + k.key() + "}}";
            assertThat(yaml).as(k.key()).contains(k.option() + ": \"" + placeholder + k.unit().suffix + "\"");
        }
        assertThat(yaml).contains("connectionMaxLifetime: \"{{" + BinanceEndpointKeys.LIFETIME_EFFECTIVE + "}}\"");
    }

    @Test
    void theShippedValuesAreTheComponentsDefaults() throws IOException {
        Properties shipped = new Properties();
        try (FileReader r = new FileReader("application.properties")) {
            shipped.load(r);
        }
        BinanceConfiguration defaults = new BinanceConfiguration();
        BinanceConfiguration fromFile = new BinanceConfiguration();
        for (BinanceEndpointKeys.Key k : BinanceEndpointKeys.KEYS) {
            String v = shipped.getProperty(k.key());
            assertThat(v).as(k.key() + " in application.properties").isNotNull();
            if (!v.isEmpty()) {
                k.apply().accept(fromFile, v);
            }
        }
        // symbols and streams have no component default. batchSize differs on purpose: the component's 1 gives a
        // plain route one String body per frame; the app's route takes lists (ADR 0005). Every other option matches.
        fromFile.setSymbols(null);
        fromFile.setStreams(null);
        assertThat(fromFile).usingRecursiveComparison().ignoringFields("streamSet", "batchSize").isEqualTo(defaults);
        assertThat(Duration.ofHours(Long.parseLong(shipped.getProperty(BinanceEndpointKeys.LIFETIME_HOURS))))
                .isEqualTo(defaults.getConnectionMaxLifetime());
    }
}
