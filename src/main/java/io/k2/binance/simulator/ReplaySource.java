package io.k2.binance.simulator;

import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Replays a file of captured Binance messages, one per line (raw or combined form), verbatim and in order
 * to every client that connects. Without a pace the lines go out as fast as the client reads them, with
 * the socket's drain signal as back-pressure, so none is skipped.
 */
final class ReplaySource {

    private static final long PACED_TICK_MS = 10;

    private final List<String> lines;
    private final double linesPerSecond;

    private ReplaySource(List<String> lines, double linesPerSecond) {
        this.lines = lines;
        this.linesPerSecond = linesPerSecond;
    }

    static ReplaySource load(Path file, double linesPerSecond) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            return new ReplaySource(lines, linesPerSecond);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the replay file " + file, e);
        }
    }

    int size() {
        return lines.size();
    }

    void start(SimulatedConnection connection, Subscriptions out, Vertx vertx) {
        Cursor cursor = new Cursor(connection, out, vertx);
        if (linesPerSecond <= 0) {
            cursor.fastest();
        } else {
            cursor.paced();
        }
    }

    /** The stream name a line carries in its combined wrapper, or "" for a raw line. */
    static String streamOf(String line) {
        String prefix = "{\"stream\":\"";
        if (!line.startsWith(prefix)) {
            return "";
        }
        int end = line.indexOf('"', prefix.length());
        return end < 0 ? "" : line.substring(prefix.length(), end);
    }

    private final class Cursor {
        private final SimulatedConnection connection;
        private final Subscriptions out;
        private final Vertx vertx;
        private int next;
        private double budget;

        Cursor(SimulatedConnection connection, Subscriptions out, Vertx vertx) {
            this.connection = connection;
            this.out = out;
            this.vertx = vertx;
        }

        private void send() {
            String line = lines.get(next++);
            out.publishVerbatim(connection, streamOf(line), line);
        }

        void fastest() {
            while (next < lines.size() && !connection.isClosed()) {
                if (connection.writeQueueFull()) {
                    out.countBackoff();
                    vertx.setTimer(1, id -> fastest());
                    return;
                }
                send();
            }
        }

        void paced() {
            vertx.setPeriodic(PACED_TICK_MS, id -> {
                if (connection.isClosed() || next >= lines.size()) {
                    vertx.cancelTimer(id);
                    return;
                }
                budget += linesPerSecond * PACED_TICK_MS / 1000.0;
                while (budget >= 1 && next < lines.size() && !connection.writeQueueFull()) {
                    budget--;
                    send();
                }
            });
        }
    }
}
