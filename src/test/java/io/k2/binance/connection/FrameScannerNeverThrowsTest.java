package io.k2.binance.connection;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property test: thousands of generated and mutated frames (truncated, junk inserted, chars dropped or
 * swapped, deep nesting). The scanner must never throw, and must read every one exactly as the Jackson
 * reference does: the same fields for valid JSON, UNRECOGNISED for anything Jackson rejects.
 */
class FrameScannerNeverThrowsTest {

    private static final String[] KEYS = {"stream", "data", "result", "id", "error", "code", "msg", "e", "E", "s",
        "t", "T", "a", "f", "l", "L", "U", "u", "k", "x", "lastUpdateId", "b", "p", "q", "m", "M", "i", "n", "zz",
        "\\u0074", "str\\u0065am", "", "Data", "ID"};
    private static final String[] STREAMS = {"btcusdt@trade", "btcusdt@aggTrade", "btcusdt@depth",
        "btcusdt@depth@100ms", "btcusdt@bookTicker", "btcusdt@depth20", "btcusdt@kline_1m", "btcusdt@ticker",
        "!miniTicker@arr", "!serverShutdown", "ethusdt@trade", "btcusdt\\u0040trade", "x@y"};
    private static final String[] STRINGS = {"BTCUSDT", "btcusdt", "ETHUSDT", "trade", "aggTrade", "depthUpdate",
        "kline", "serverShutdown", "bookTicker", "", "\\\"", "\\\\", "\\u00e9\\u4e2d", "a\\/b", "\\b\\f\\n\\r\\t",
        "é中", "0.00100000", "\\uD83D\\uDE00", "\uD83D\uDE00"};
    private static final String JUNK = "{}[]\":,\\ \t\n0123456789-+.eEtrufalsn\u0000\u001f\u007f\u00e9\uD83D\uFEFFxX/";

    private final FrameScanner scanner = new FrameScanner();
    private final Random random = new Random(20260721);

    @Test
    void generatedFramesAgreeWithJackson() {
        int valid = 0;
        for (int i = 0; i < 10_000; i++) {
            String frame = random.nextInt(3) == 0 ? value(0) : frame();
            valid += check(frame) ? 1 : 0;
        }
        assertThat(valid).as("the generator must mostly produce valid JSON to test the readings").isGreaterThan(7_500);
    }

    @Test
    void mutatedFramesNeverThrowAndAgreeWithJackson() {
        List<String> seeds = new java.util.ArrayList<>(JacksonFrameReference.fixtureLines());
        for (int i = 0; i < 200; i++) {
            seeds.add(frame());
        }
        int invalid = 0;
        for (int i = 0; i < 20_000; i++) {
            String frame = seeds.get(random.nextInt(seeds.size()));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                frame = mutate(frame);
            }
            invalid += check(frame) ? 0 : 1;
        }
        assertThat(invalid).as("most mutations must break the JSON to test the rejections").isGreaterThan(10_000);
    }

    @Test
    void nestingDeeperThanTheLimitIsUnrecognisedLikeJackson() {
        for (int depth : new int[] {998, 999, 1000, 1001, 1002, 5_000, 200_000}) {
            String arrays = "[".repeat(depth - 1) + "]".repeat(depth - 1);
            String frame = "{\"result\":" + arrays + ",\"id\":1}";
            check(frame);
            String objects = "{\"a\":".repeat(depth - 1) + "1" + "}".repeat(depth - 1);
            check("{\"stream\":\"btcusdt@trade\",\"data\":{\"t\":1,\"x\":" + objects + "}}");
            check("[".repeat(depth)); // unterminated
        }
        assertThat(scanner.scan("{\"result\":" + "[".repeat(999) + "]".repeat(999) + ",\"id\":1}").kind())
                .isEqualTo(FrameScan.Kind.RESPONSE);
        assertThat(scanner.scan("{\"result\":" + "[".repeat(1000) + "]".repeat(1000) + ",\"id\":1}").kind())
                .isEqualTo(FrameScan.Kind.UNRECOGNISED);
    }

    @Test
    void everyPrefixOfEveryFixtureIsHandled() {
        for (String line : JacksonFrameReference.fixtureLines()) {
            for (int end = 0; end < line.length(); end++) {
                check(line.substring(0, end));
            }
        }
    }

    @Test
    void emptyBlankAndNullAreUnrecognised() {
        assertThat(scanner.scan(null).kind()).isEqualTo(FrameScan.Kind.UNRECOGNISED);
        assertThat(scanner.scan("").kind()).isEqualTo(FrameScan.Kind.UNRECOGNISED);
        assertThat(scanner.scan(" \n").kind()).isEqualTo(FrameScan.Kind.UNRECOGNISED);
    }

    /** @return whether Jackson accepted the frame */
    private boolean check(String frame) {
        String raw = random.nextInt(4) == 0 ? STREAMS[random.nextInt(STREAMS.length)].replace("\\u0040", "@") : null;
        FrameScan scan;
        try {
            scan = scanner.scan(frame, raw);
        } catch (Throwable t) {
            throw new AssertionError("threw on: " + JacksonFrameReference.abbreviate(frame), t);
        }
        return JacksonFrameReference.assertAgrees(scan, frame, raw);
    }

    // ------------------------------------------------------------------ generators

    private String frame() {
        switch (random.nextInt(6)) {
            case 0:
                return "{\"result\":" + value(1) + ",\"id\":" + id() + "}";
            case 1:
                return "{\"error\":{\"code\":" + number() + ",\"msg\":\"" + pick(STRINGS) + "\"},\"id\":" + id() + "}";
            case 2:
                return object(0, true);
            default:
                return "{\"stream\":\"" + pick(STREAMS) + "\",\"data\":" + object(1, true) + "}";
        }
    }

    private String id() {
        switch (random.nextInt(4)) {
            case 0: return "null";
            case 1: return "\"" + pick(STRINGS) + "\"";
            default: return number();
        }
    }

    private String object(int depth, boolean payload) {
        StringBuilder b = new StringBuilder("{");
        int members = random.nextInt(payload ? 10 : 4);
        for (int i = 0; i < members; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(space()).append('"').append(pick(KEYS)).append('"').append(space()).append(':').append(space());
            b.append(payload && random.nextInt(3) > 0 ? number() : value(depth + 1));
        }
        return b.append(space()).append('}').toString();
    }

    private String value(int depth) {
        int choice = random.nextInt(depth > 6 ? 5 : 8);
        switch (choice) {
            case 0: return number();
            case 1: return "\"" + pick(STRINGS) + "\"";
            case 2: return random.nextBoolean() ? "true" : "false";
            case 3: return "null";
            case 4: return "\"" + pick(STREAMS) + "\"";
            case 5: {
                StringBuilder b = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append(space()).append(value(depth + 1));
                }
                return b.append(']').toString();
            }
            case 6: return object(depth, random.nextInt(4) == 0);
            default: return "{\"t\":" + number() + ",\"L\":" + number() + ",\"x\":" + (random.nextBoolean()) + "}";
        }
    }

    private String number() {
        switch (random.nextInt(10)) {
            case 0: return Long.toString(random.nextLong());
            case 1: return "9223372036854775808";
            case 2: return "-0";
            case 3: return random.nextInt(100) + "." + random.nextInt(100);
            case 4: return random.nextInt(10) + "e" + (random.nextBoolean() ? "-" : "+") + random.nextInt(5);
            case 5: return "-" + random.nextInt(3);
            default: return Long.toString(random.nextInt(1_000_000) + 5_000_000_000L);
        }
    }

    private String space() {
        int r = random.nextInt(12);
        return r == 0 ? " " : r == 1 ? "\n\t " : "";
    }

    private String mutate(String frame) {
        int len = frame.length();
        int at = len == 0 ? 0 : random.nextInt(len + 1);
        switch (random.nextInt(7)) {
            case 0:
                return frame.substring(0, at); // truncated
            case 1:
                return frame.substring(0, at) + JUNK.charAt(random.nextInt(JUNK.length())) + frame.substring(at);
            case 2:
                return at < len ? frame.substring(0, at) + frame.substring(at + 1) : frame;
            case 3:
                return at < len ? frame.substring(0, at) + JUNK.charAt(random.nextInt(JUNK.length()))
                        + frame.substring(at + 1) : frame;
            case 4: {
                // mostly shallow; sometimes right around Jackson's nesting limit of 1000
                int depth = random.nextInt(10) == 0 ? 990 + random.nextInt(20) : 1 + random.nextInt(5);
                return "{\"result\":" + "[".repeat(depth) + frame + "]".repeat(depth) + ",\"id\":1}";
            }
            case 5: {
                int from = random.nextInt(len + 1);
                int to = Math.min(len, from + random.nextInt(20));
                return frame.substring(0, at) + frame.substring(from, to) + frame.substring(at);
            }
            default:
                return frame + (random.nextBoolean() ? " " : JUNK.charAt(random.nextInt(JUNK.length())));
        }
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
