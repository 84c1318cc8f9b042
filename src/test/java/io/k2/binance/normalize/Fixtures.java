package io.k2.binance.normalize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared real-message samples and a receive time later than all of them. */
public final class Fixtures {

    /** 2026-11-18T...Z in µs: after every sample's times, so none is "in the future". */
    public static final long RECEIVED_AT = 1_795_000_000_000_000L;

    private Fixtures() {
    }

    public static Path sharedDir() {
        return Path.of(System.getProperty("k2.shared.dir", "../shared"));
    }

    /** Lines of binance-samples.jsonl; index 0 is line 1. */
    public static List<String> sampleLines() {
        Path file = sharedDir().resolve("fixtures/binance-samples.jsonl");
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath()
                    + " (set -Dk2.shared.dir to the shared/ directory)", e);
        }
    }

    public static String line(int lineNumber) {
        return sampleLines().get(lineNumber - 1);
    }

    public static BinanceNormalizer normalizer() {
        return new BinanceNormalizer(SymbolCatalog.bundledSnapshot());
    }
}
