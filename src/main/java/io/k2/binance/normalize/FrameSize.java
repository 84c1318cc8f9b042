package io.k2.binance.normalize;

/** The frame-size guard the caller applies before parsing, so a runaway frame never reaches the parser. */
public final class FrameSize {

    private FrameSize() {
    }

    /** True if the frame's UTF-8 encoding exceeds {@code maxBytes}; counts bytes only when it has to. */
    public static boolean exceeds(String frame, int maxBytes) {
        int chars = frame.length();
        if ((long) chars * 3 <= maxBytes) {
            return false; // no UTF-16 char encodes to more than 3 UTF-8 bytes: cheap exit for the common case
        }
        return chars > maxBytes || utf8Length(frame) > maxBytes;
    }

    /** @throws BadInputException OVERSIZED_FRAME if the frame's UTF-8 encoding exceeds {@code maxBytes} */
    public static void check(String frame, int maxBytes) {
        if (exceeds(frame, maxBytes)) {
            int chars = frame.length();
            long bytes = chars > maxBytes ? chars : utf8Length(frame);
            throw new BadInputException(BadInputReason.OVERSIZED_FRAME,
                    "frame of " + (chars > maxBytes ? "at least " : "") + bytes + " bytes exceeds the limit of " + maxBytes);
        }
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4; // the pair encodes to 4 bytes
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
