package io.k2.binance.observe;

/**
 * Makes text that came from outside (frames, headers, exception messages built from them) safe to put in a
 * log line: every control character becomes a visible escape, so a frame cannot end the line and forge the
 * next one ({@code \n2025-01-01 INFO [main] FAKE - ...}), move the cursor or recolour a terminal (ESC).
 *
 * <p>Escaped: C0 controls (U+0000-U+001F) as {@code \n}, {@code \r}, {@code \t}, {@code \e} or {@code \\u00XX},
 * DEL and the C1 controls (U+007F-U+009F, incl. NEL U+0085) and the Unicode line and paragraph separators
 * (U+2028, U+2029) as {@code \\uXXXX}. Everything else, backslashes included, is left as it is, so JSON
 * frames stay readable. The log layout also encodes CR and LF ({@code %enc{%m}{CRLF}} in log4j2.properties):
 * this function is the first line of defence, and the only one for the other characters.
 */
public final class LogText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LogText() {
    }

    /** {@code text} with control characters escaped; {@code "null"} for null. Returns the same string when nothing needs escaping. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\u001B' -> sb.append("\\e");
                default -> sb.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                        .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    /** {@link #escape} of {@code String.valueOf(value)}, for objects such as exceptions. */
    public static String escape(Object value) {
        return escape(value == null ? null : value.toString());
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
    }
}
