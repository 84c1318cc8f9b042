package io.k2.binance.connection;

/**
 * Decodes the content of a JSON string literal. Only used off the hot path: the scanner compares unescaped
 * strings in place, and Binance sends none with escapes in the fields it reads.
 */
final class JsonString {

    private JsonString() {
    }

    /**
     * @param from index of the first char after the opening quote
     * @param to   index of the closing quote
     * The range must already have been validated by {@link FrameScanner}.
     */
    static String decode(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int p = from;
        while (p < to) {
            char c = text.charAt(p++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(p++);
            switch (e) {
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'u':
                    out.append((char) Integer.parseInt(text, p, p + 4, 16));
                    p += 4;
                    break;
                default: out.append(e); // " \ /
            }
        }
        return out.toString();
    }
}
