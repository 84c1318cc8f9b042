package io.k2.binance.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code memory-profile.json}: metadata, summary, the injected faults and every sample, in that order, so
 * the head of the file says what the run was and how it went.
 */
public record MemoryProfile(SoakMetadata metadata, SoakSummary summary, List<InjectedFault> faults,
                            List<SoakSample> samples) {

    static final String FILE = "memory-profile.json";

    // derived fields (passed) are written for the reader of the file and recomputed when read back
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        JSON.writeValue(file.toFile(), this);
        return file;
    }

    static MemoryProfile read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), MemoryProfile.class);
    }
}
