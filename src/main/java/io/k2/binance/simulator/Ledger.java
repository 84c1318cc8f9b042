package io.k2.binance.simulator;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulator wrote, in order: every data event and replayed line, per connection. Tests compare
 * it with what a client received to prove nothing was lost. Control responses, pings, {@code serverShutdown}
 * and {@link BinanceSimulator#sendRaw} frames are not data and are not recorded.
 *
 * <p>Written from the event loop, read from test threads.
 */
public final class Ledger implements AutoCloseable {

    private final boolean inMemory;
    private final BufferedWriter file;
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final Map<String, Long> perStream = new HashMap<>();
    private long seq;

    Ledger(boolean inMemory, Path file) {
        this.inMemory = inMemory;
        try {
            this.file = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ledger file " + file, e);
        }
    }

    /** Whether recording is worth the work at all (neither memory nor file: skip it on the hot path). */
    boolean active() {
        return inMemory || file != null;
    }

    synchronized void record(String connectionId, String stream, String payload) {
        long s = ++seq;
        if (inMemory) {
            entries.add(new LedgerEntry(s, connectionId, stream, payload));
            perStream.merge(stream, 1L, Long::sum);
        }
        if (file != null) {
            try {
                file.write("{\"seq\":" + s + ",\"connection\":\"" + connectionId + "\",\"stream\":\"" + stream
                        + "\",\"payload\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(payload)) + "\"}\n");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the ledger file", e);
            }
        }
    }

    /** A snapshot of all entries so far, in write order. Empty when the in-memory ledger is disabled. */
    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    /** Entries written to one connection, in order. */
    public synchronized List<LedgerEntry> entriesFor(String connectionId) {
        return entries.stream().filter(e -> e.connectionId().equals(connectionId)).toList();
    }

    public synchronized long count() {
        return entries.size();
    }

    public synchronized long countFor(String stream) {
        return perStream.getOrDefault(stream, 0L);
    }

    @Override
    public synchronized void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the ledger file", e);
            }
        }
    }
}
