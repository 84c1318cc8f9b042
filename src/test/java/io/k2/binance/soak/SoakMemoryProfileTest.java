package io.k2.binance.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SoakMemoryProfileTest {

    @TempDir
    Path dir;

    @Test
    void writesMetadataSummaryFaultsAndEverySampleAsJson() throws Exception {
        List<SoakSample> samples = SoakSamples.linear(600, 10, 250, 0);
        List<InjectedFault> faults = List.of(new InjectedFault(1, 60, "drop", "c1"));
        List<LedgerCheck> ledger = List.of(new LedgerCheck("btcusdt@trade", 10L, 20, 22L, 13, 0, 0, List.of()));
        SoakLimits limits = new SoakLimits(20, 10, 1, 400);
        SoakSummary summary = SoakSummary.of(samples, 120, faults, ledger, 4, null, limits);
        SoakMetadata metadata = new SoakMetadata("short", "bin/k2 soak --mode short", "2026-12-01T10:00:00Z", 600, 601.5,
                2000, "btcusdt", "trade", 10, 120, List.of("-Xmx512m"), Map.of("K2_BINANCE_SYMBOLS", "btcusdt"),
                List.of("--rate", "2000"), "Eclipse Adoptium 17.0.15", 2, "abc123", limits,
                Map.of("growth", SoakSummary.GROWTH_DEFINITION), Map.of("app", ".k2/soak/logs/app.log"));

        Path file = new MemoryProfile(metadata, summary, faults, samples).write(dir.resolve("soak"));

        assertThat(file).isEqualTo(dir.resolve("soak").resolve("memory-profile.json"));
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertThat(json.fieldNames()).toIterable().containsExactly("metadata", "summary", "faults", "samples");
        assertThat(json.at("/metadata/mode").asText()).isEqualTo("short");
        assertThat(json.at("/metadata/gitCommit").asText()).isEqualTo("abc123");
        assertThat(json.at("/metadata/definitions/growth").asText()).startsWith("median RSS of the last 3 samples");
        assertThat(json.at("/metadata/limits/growthMb").asDouble()).isEqualTo(20);
        assertThat(json.at("/summary/passed").asBoolean()).isTrue();
        assertThat(json.at("/summary/gaps").asLong()).isEqualTo(4);
        assertThat(json.at("/summary/ledger/0/stream").asText()).isEqualTo("btcusdt@trade");
        assertThat(json.at("/summary/assertions")).hasSize(7);
        assertThat(json.at("/summary/assertions/2/limit").asText()).isEqualTo("< 20.0 MB");
        assertThat(json.at("/faults/0/kind").asText()).isEqualTo("drop");
        assertThat(json.at("/samples")).hasSize(samples.size());
        assertThat(json.at("/samples/0/reconnects/close_1006").asLong()).isZero();

        MemoryProfile back = MemoryProfile.read(file);
        assertThat(back.samples()).isEqualTo(samples);
        assertThat(back.summary().passed()).isTrue();
    }
}
