package io.k2.binance.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import io.k2.binance.component.BinanceComponent;
import io.k2.binance.connection.StreamSet;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams added and removed while running: the timer route {@code binance-streams-reload} calls {@link #reload}
 * every few seconds; when {@code k2.binance.symbols} or {@code k2.binance.streams} in application.properties
 * has changed, the connections subscribe and unsubscribe live, with no reconnect and no restart.
 *
 * <p>Why the file and not a management endpoint: the file is where the operator keeps the setting anyway, so
 * the change survives the next restart and nothing drifts. An environment variable fixes a key for the
 * process's life (Camel gives it precedence), so a key set by env is not reloaded; that is logged.
 */
public final class LiveStreams {

    private static final Logger LOG = LoggerFactory.getLogger(LiveStreams.class);
    static final String SYMBOLS = "k2.binance.symbols";
    static final String STREAMS = "k2.binance.streams";

    private final CamelContext context;
    private final Path file;
    private final Map<String, String> env;
    private String lastSymbols;
    private String lastStreams;
    private String lastProblem;
    private boolean warnedEnv;

    LiveStreams(CamelContext context, Path file, Map<String, String> env, String symbols, String streams) {
        this.context = context;
        this.file = file;
        this.env = env;
        this.lastSymbols = symbols;
        this.lastStreams = streams;
    }

    /** Applies a changed stream list from the file, if any. */
    public synchronized void reload() {
        if (file == null || !Files.isReadable(file)) {
            return;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            LOG.warn("Cannot read {} to look for stream changes: {}", file, e.toString());
            return;
        }
        String symbols = effective(p, SYMBOLS, lastSymbols);
        String streams = effective(p, STREAMS, lastStreams);
        if (Objects.equals(symbols, lastSymbols) && Objects.equals(streams, lastStreams)) {
            return;
        }
        try {
            StreamSet.parse(symbols, streams);
        } catch (IllegalArgumentException e) {
            String problem = "Not applying the changed streams in " + file + ": " + e.getMessage()
                    + ". Fix " + SYMBOLS + " / " + STREAMS + "; the app keeps its current streams.";
            if (!problem.equals(lastProblem)) {
                LOG.error(problem);
                lastProblem = problem;
            }
            return;
        }
        lastProblem = null;
        List<String> changes = context.getComponent("binance", BinanceComponent.class).updateStreams(symbols, streams);
        lastSymbols = symbols;
        lastStreams = streams;
        changes.forEach(c -> LOG.info("Streams changed in {}: {}", file, c));
    }

    private String effective(Properties file, String key, String current) {
        String envName = K2Settings.envName(key);
        String fromFile = file.getProperty(key);
        if (env.containsKey(envName)) {
            if (fromFile != null && !fromFile.trim().equals(current) && !warnedEnv) {
                warnedEnv = true;
                LOG.warn("{} changed in {}, but the environment variable {} sets it for this process; the change is "
                        + "not applied. Unset {} to manage streams in the file.", key, this.file, envName, envName);
            }
            return current;
        }
        return fromFile == null ? current : fromFile.trim();
    }
}
