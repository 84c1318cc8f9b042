package io.k2.binance.soak;

/**
 * One pass/fail line of the summary.
 *
 * @param limit    the rule as the table prints it, e.g. {@code < 10 MB}
 * @param measured what the run got, formatted, e.g. {@code 3.2 MB}
 */
public record Assertion(String name, String limit, String measured, boolean passed) {
}
