package io.k2.binance.config;

import java.util.List;

/** Start-up stops with this when settings are invalid; the message lists every bad key and what it accepts. */
public class InvalidSettingsException extends RuntimeException {

    public InvalidSettingsException(List<String> problems) {
        super("Invalid configuration, the app will not start:\n  - " + String.join("\n  - ", problems)
                + "\nFix the value in application.properties or in the environment variable shown.",
                null, false, false);
    }
}
