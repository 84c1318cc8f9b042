package io.k2.binance.component;

/** Placeholder until observe's LogText lands. */
final class LogEscape {
    private LogEscape() {
    }

    static String of(String s) {
        return s == null ? "null" : s.replace("\r", "\\r").replace("\n", "\\n");
    }

    static String excerpt(String s) {
        String e = of(s);
        return e.length() > 300 ? e.substring(0, 300) + "...(" + s.length() + " chars)" : e;
    }
}
