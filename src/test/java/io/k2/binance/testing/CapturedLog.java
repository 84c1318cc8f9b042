package io.k2.binance.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Captures what the app logs, formatted with the app's own layout (the pattern of
 * {@code src/main/resources/log4j2.properties}, not the test one), so a test sees the log lines an operator
 * would see. Attach with try-with-resources; it listens on the root logger from the moment it is created.
 */
public final class CapturedLog implements AutoCloseable {

    private static final Path APP_CONFIG = Path.of("src/main/resources/log4j2.properties");

    private final Appender appender;

    private CapturedLog(PatternLayout layout) {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        appender = new Appender("captured-" + UUID.randomUUID(), layout);
        appender.start();
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        ctx.updateLoggers();
    }

    /** Captures with the production layout. */
    public static CapturedLog withAppLayout() {
        return new CapturedLog(PatternLayout.newBuilder().withPattern(appPattern()).build());
    }

    /** {@code appender.console.layout.pattern} of the production log4j2.properties. */
    public static String appPattern() {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(APP_CONFIG)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String pattern = p.getProperty("appender.console.layout.pattern");
        if (pattern == null) {
            throw new IllegalStateException(APP_CONFIG + " has no appender.console.layout.pattern");
        }
        return pattern;
    }

    /** Everything captured so far, as the appender wrote it. */
    public synchronized String text() {
        return String.join("", appender.formatted);
    }

    /** The captured output split into lines, as a file reader would see them. */
    public List<String> lines() {
        return Arrays.asList(text().split("\r\n|\r|\n|\u2028|\u2029|\u0085"));
    }

    /** The captured events of one level, formatted. */
    public synchronized List<String> formatted(Level level) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < appender.levels.size(); i++) {
            if (appender.levels.get(i) == level) {
                out.add(appender.formatted.get(i));
            }
        }
        return out;
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = ctx.getConfiguration().getRootLogger();
        root.removeAppender(appender.getName());
        ctx.updateLoggers();
        appender.stop();
    }

    private final class Appender extends AbstractAppender {

        private final List<String> formatted = new ArrayList<>();
        private final List<Level> levels = new ArrayList<>();

        Appender(String name, PatternLayout layout) {
            super(name, null, layout, false, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            String line = ((PatternLayout) getLayout()).toSerializable(event);
            synchronized (CapturedLog.this) {
                formatted.add(line);
                levels.add(event.getLevel());
            }
        }
    }
}
