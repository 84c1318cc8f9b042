package io.k2.binance.kafkalocal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

/** The last lines of a log file, for error messages that must show what the broker said. */
final class LogTail {

    private LogTail() {
    }

    static String of(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "  (" + file + " does not exist)";
        }
        Deque<String> tail = new ArrayDeque<>(lines);
        // MALFORMED input must not hide the message we are building, so decode leniently.
        try (Stream<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines()) {
            all.forEach(line -> {
                if (tail.size() == lines) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tail.isEmpty()) {
            return "  (" + file + " is empty)";
        }
        StringBuilder out = new StringBuilder("  --- last lines of ").append(file).append(" ---");
        tail.forEach(line -> out.append("\n  ").append(line));
        return out.toString();
    }
}
