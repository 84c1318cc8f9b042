package io.k2.binance.component;

/**
 * Finds the stream name of a combined-stream frame without parsing the JSON: the consumer needs it for
 * the stream header and the received counter of every frame, and the normalizer parses the frame anyway.
 */
final class FrameStream {

    private static final String PREFIX = "{\"stream\":\"";

    private FrameStream() {
    }

    /**
     * @return the value of a leading {@code "stream"} key (Binance always sends it first), or null when the
     * frame does not start that way: raw payloads, control responses, or key orders we do not expect (the
     * normalizer still finds the stream by parsing).
     */
    static String peek(String frame) {
        if (!frame.startsWith(PREFIX)) {
            return null;
        }
        int end = frame.indexOf('"', PREFIX.length());
        if (end < 0 || end - PREFIX.length() > 128) {
            return null;
        }
        return frame.substring(PREFIX.length(), end);
    }
}
