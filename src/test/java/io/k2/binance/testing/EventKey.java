package io.k2.binance.testing;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What makes one Binance event the same event wherever it is seen (on two connections, in the ledger, in
 * Kafka), read with a full JSON parser independent of the product's scanner: {@code <stream>#<ids>}, e.g.
 * {@code btcusdt@trade#5455447976}, {@code btcusdt@depth@100ms#82626886844-82626886850}.
 */
public final class EventKey {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventKey() {
    }

    /** The key of a combined frame {@code {"stream":..,"data":..}}. */
    public static String ofFrame(String frame) {
        JsonNode root = parse(frame);
        return of(root.path("stream").asText(), root.path("data"));
    }

    /** The key of a ledger entry: its stream and its payload (the {@code data} object). */
    public static String of(String stream, String payload) {
        return of(stream, parse(payload));
    }

    /**
     * The key of a Kafka record, from its {@code k2.stream} header and its message id ({@code k2.eventId} /
     * {@code message_id}): the part after the third ':' is the event's own ids, in the form the other keys use
     * ({@code BINANCE:BTCUSDT:trade:123} → {@code btcusdt@trade#123}; klines
     * {@code BINANCE:BTCUSDT:kline_1m:<t>:<L>:<x>:<E>} → {@code btcusdt@kline_1m#<t>:<L>:<x>:<E>}).
     */
    public static String ofRecord(String stream, String eventId) {
        int colon = -1;
        for (int i = 0; i < 3; i++) {
            colon = eventId.indexOf(':', colon + 1);
            if (colon < 0) {
                throw new IllegalArgumentException("not a message id BINANCE:<SYMBOL>:<type>:<ids>: " + eventId);
            }
        }
        return stream + "#" + eventId.substring(colon + 1);
    }

    private static String of(String stream, JsonNode d) {
        String kind = stream.substring(stream.indexOf('@') + 1);
        String id;
        if (kind.equals("trade")) {
            id = d.path("t").asText();
        } else if (kind.equals("aggTrade")) {
            id = d.path("a").asText();
        } else if (kind.equals("bookTicker")) {
            id = d.path("u").asText();
        } else if (kind.startsWith("kline_")) {
            JsonNode k = d.path("k");
            id = k.path("t").asText() + ":" + k.path("L").asText() + ":" + k.path("x").asText() + ":" + d.path("E").asText();
        } else if (d.has("lastUpdateId")) {
            id = d.path("lastUpdateId").asText();
        } else if (d.has("U")) {
            id = d.path("U").asText() + "-" + d.path("u").asText();
        } else {
            id = d.toString();
        }
        return stream + "#" + id;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
