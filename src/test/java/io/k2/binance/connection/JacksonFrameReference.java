package io.k2.binance.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.k2.binance.sequence.Position;
import io.k2.binance.sequence.SequenceKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanner's contract written a second time, the slow obvious way, on a Jackson tree: the tests compare the
 * scanner against it frame by frame.
 */
final class JacksonFrameReference {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static final Path FIXTURES = Path.of("/work/shared/fixtures/binance-samples.jsonl");

    record Expected(FrameScan.Kind kind, String stream, SequenceKind sequenceKind, Position position,
                    String symbol, JsonNode id, long errorCode, String errorMessage) {
    }

    private JacksonFrameReference() {
    }

    static List<String> fixtureLines() {
        try {
            return Files.readAllLines(FIXTURES, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Null when Jackson rejects the text. */
    static JsonNode parse(String frame) {
        try {
            JsonNode node = MAPPER.readTree(frame);
            return node == null || node.isMissingNode() ? null : node;
        } catch (Exception e) {
            return null;
        }
    }

    static Expected expect(String frame, String rawStream) {
        return expect(frame == null ? null : parse(frame), rawStream);
    }

    static Expected expect(JsonNode root, String rawStream) {
        if (root == null || !root.isObject()) {
            return unrecognised();
        }
        JsonNode stream = root.get("stream");
        JsonNode data = root.get("data");
        if (stream != null && stream.isTextual() && data != null && (data.isObject() || data.isArray())) {
            String name = stream.textValue();
            if (name.equals("!serverShutdown") || (data.isObject() && data.has("e")
                    && "serverShutdown".equals(data.get("e").textValue()))) {
                return new Expected(FrameScan.Kind.SERVER_SHUTDOWN, name, SequenceKind.NONE, null, null, null, 0, null);
            }
            SequenceKind kind = SequenceKind.of(name);
            return data.isObject() ? payload(data, name, kind)
                    : new Expected(FrameScan.Kind.DATA, name, kind, null, null, null, 0, null);
        }
        JsonNode id = root.get("id");
        boolean idUsable = id != null && (id.isNumber() || id.isTextual() || id.isNull());
        JsonNode error = root.get("error");
        if (error != null && error.isObject() && isLong(error.get("code")) && (id == null || idUsable)) {
            JsonNode msg = error.get("msg");
            return new Expected(FrameScan.Kind.ERROR_RESPONSE, null, SequenceKind.NONE, null, null, id,
                    error.get("code").longValue(), msg != null && msg.isTextual() ? msg.textValue() : null);
        }
        if (root.has("result") && idUsable) {
            return new Expected(FrameScan.Kind.RESPONSE, null, SequenceKind.NONE, null, null, id, 0, null);
        }
        JsonNode e = root.get("e");
        if (e != null && e.isTextual()) {
            if (e.textValue().equals("serverShutdown")) {
                return new Expected(FrameScan.Kind.SERVER_SHUTDOWN, rawStream, SequenceKind.NONE, null, null, null, 0,
                        null);
            }
        } else if (rawStream == null) {
            return unrecognised();
        }
        return payload(root, rawStream, rawStream == null ? SequenceKind.NONE : SequenceKind.of(rawStream));
    }

    private static Expected unrecognised() {
        return new Expected(FrameScan.Kind.UNRECOGNISED, null, SequenceKind.NONE, null, null, null, 0, null);
    }

    private static Expected payload(JsonNode data, String stream, SequenceKind kind) {
        JsonNode s = data.get("s");
        String symbol = s != null && s.isTextual() ? s.textValue() : null;
        return new Expected(FrameScan.Kind.DATA, stream, kind, position(data, stream, kind), symbol, null, 0, null);
    }

    private static Position position(JsonNode data, String stream, SequenceKind kind) {
        if (kind == SequenceKind.NONE) {
            return null;
        }
        JsonNode s = data.get("s");
        JsonNode e = data.get("e");
        if ((s != null && !s.isTextual()) || (e != null && !e.isTextual())) {
            return null;
        }
        if (e != null && kind.eventType() != null && !kind.eventType().equals(e.textValue())) {
            return null;
        }
        if (s != null && !s.textValue().equalsIgnoreCase(stream.substring(0, stream.indexOf('@')))) {
            return null;
        }
        switch (kind) {
            case TRADE:
                return isLong(data.get("t")) ? Position.trade(data.get("t").longValue()) : null;
            case AGG_TRADE:
                return isLong(data.get("a")) && isLong(data.get("f")) && isLong(data.get("l"))
                        ? Position.aggTrade(data.get("a").longValue(), data.get("f").longValue(), data.get("l").longValue())
                        : null;
            case DEPTH_DIFF:
                if (isLong(data.get("U")) && isLong(data.get("u"))
                        && data.get("U").longValue() <= data.get("u").longValue()) {
                    return Position.depthDiff(data.get("U").longValue(), data.get("u").longValue());
                }
                return null;
            case BOOK_TICKER:
                return isLong(data.get("u")) ? Position.bookTicker(data.get("u").longValue()) : null;
            case PARTIAL_DEPTH:
                return isLong(data.get("lastUpdateId")) ? Position.partialDepth(data.get("lastUpdateId").longValue()) : null;
            case KLINE:
                JsonNode k = data.get("k");
                if (k != null && k.isObject() && isLong(k.get("t")) && isLong(k.get("L")) && k.has("x")
                        && k.get("x").isBoolean() && isLong(data.get("E"))) {
                    return Position.kline(k.get("t").longValue(), k.get("L").longValue(), k.get("x").booleanValue(),
                            data.get("E").longValue());
                }
                return null;
            default:
                return null;
        }
    }

    private static boolean isLong(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong();
    }

    /**
     * Asserts that the scanner read {@code frame} exactly as the reference does.
     *
     * @return whether Jackson accepted the frame
     */
    static boolean assertAgrees(FrameScan scan, String frame, String rawStream) {
        JsonNode root = frame == null ? null : parse(frame);
        Expected x = expect(root, rawStream);
        String why = "frame: " + abbreviate(frame);
        assertThat(scan.kind()).as(why).isEqualTo(x.kind());
        if (x.kind() == FrameScan.Kind.UNRECOGNISED && x.stream() == null && scan.stream() != null) {
            // malformed after a readable stream name: the scanner keeps the name (so the frame is counted
            // and dead-lettered under its stream); Jackson, having failed, has none to compare with
            assertThat(frame).as(why).startsWith("{");
        } else {
            assertThat(scan.stream()).as(why).isEqualTo(x.stream());
        }
        if (x.kind() == FrameScan.Kind.DATA) {
            assertThat(scan.sequenceKind()).as(why).isEqualTo(x.sequenceKind());
            assertThat(scan.position()).as(why).isEqualTo(x.position());
            assertThat(scan.hasPosition()).as(why).isEqualTo(x.position() != null);
            assertThat(scan.symbol()).as(why).isEqualTo(x.symbol());
        } else {
            assertThat(scan.position()).as(why).isNull();
        }
        if (x.kind() == FrameScan.Kind.RESPONSE || x.kind() == FrameScan.Kind.ERROR_RESPONSE) {
            JsonNode id = x.id();
            if (id == null || id.isNull()) {
                assertThat(scan.requestId()).as(why).isNull();
                assertThat(scan.hasRequestId()).as(why).isFalse();
            } else if (id.isTextual()) {
                assertThat(scan.requestId()).as(why).isEqualTo(id.textValue());
            } else {
                // the scanner returns the digits as sent; compare them as numbers, as Jackson no longer has the text
                if (id.isIntegralNumber()) {
                    assertThat(new BigInteger(scan.requestId())).as(why).isEqualTo(id.bigIntegerValue());
                } else {
                    assertThat(Double.parseDouble(scan.requestId())).as(why).isEqualTo(id.doubleValue());
                }
            }
        } else {
            assertThat(scan.requestId()).as(why).isNull();
        }
        assertThat(scan.errorCode()).as(why).isEqualTo(x.errorCode());
        if (x.kind() == FrameScan.Kind.ERROR_RESPONSE) {
            assertThat(scan.errorMessage()).as(why).isEqualTo(x.errorMessage());
        }
        return root != null;
    }

    static String abbreviate(String frame) {
        if (frame == null) {
            return "null";
        }
        return frame.length() <= 300 ? frame : frame.substring(0, 300) + "...(" + frame.length() + " chars)";
    }
}
