package io.k2.binance.gap;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k2.binance.sequence.SequenceKind;

/**
 * Rows of {@code /api/v3/historicalTrades} and {@code /api/v3/aggTrades}, rewritten as the combined-stream
 * frames the live stream would have carried, so that a backfilled event goes through the very same normalizer
 * and gets the same message_id and field values as its live twin. Only {@code E} (event time) is not in the
 * REST rows: a backfilled event gets its trade time {@code T} there.
 */
final class RestTrades {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row: its id in the stream's id space and the frame text. */
    record Row(long id, String frame) {
    }

    private RestTrades() {
    }

    /**
     * @param kind   TRADE (historicalTrades rows) or AGG_TRADE (aggTrades rows)
     * @param symbol upper case, as in the events' {@code s}
     * @throws IllegalArgumentException when the body is not an array of such rows
     */
    static List<Row> parse(String body, SequenceKind kind, String stream, String symbol) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("not a JSON array of trades");
        }
        List<Row> rows = new ArrayList<>(root.size());
        for (JsonNode r : root) {
            rows.add(kind == SequenceKind.TRADE ? trade(r, stream, symbol) : aggTrade(r, stream, symbol));
        }
        return rows;
    }

    private static Row trade(JsonNode r, String stream, String symbol) {
        long id = required(r, "id").asLong();
        JsonNode time = required(r, "time");
        StringBuilder sb = new StringBuilder(192).append("{\"stream\":\"").append(stream).append("\",\"data\":{")
                .append("\"e\":\"trade\",\"E\":").append(time.asLong())
                .append(",\"s\":\"").append(symbol).append('"')
                .append(",\"t\":").append(id)
                .append(",\"p\":").append(required(r, "price"))
                .append(",\"q\":").append(required(r, "qty"))
                .append(",\"T\":").append(time.asLong())
                .append(",\"m\":").append(required(r, "isBuyerMaker").asBoolean());
        JsonNode best = r.get("isBestMatch");
        if (best != null) {
            sb.append(",\"M\":").append(best.asBoolean());
        }
        return new Row(id, sb.append("}}").toString());
    }

    private static Row aggTrade(JsonNode r, String stream, String symbol) {
        long id = required(r, "a").asLong();
        JsonNode time = required(r, "T");
        StringBuilder sb = new StringBuilder(192).append("{\"stream\":\"").append(stream).append("\",\"data\":{")
                .append("\"e\":\"aggTrade\",\"E\":").append(time.asLong())
                .append(",\"s\":\"").append(symbol).append('"')
                .append(",\"a\":").append(id)
                .append(",\"p\":").append(required(r, "p"))
                .append(",\"q\":").append(required(r, "q"))
                .append(",\"f\":").append(required(r, "f").asLong())
                .append(",\"l\":").append(required(r, "l").asLong())
                .append(",\"T\":").append(time.asLong())
                .append(",\"m\":").append(required(r, "m").asBoolean());
        JsonNode best = r.get("M");
        if (best != null) {
            sb.append(",\"M\":").append(best.asBoolean());
        }
        return new Row(id, sb.append("}}").toString());
    }

    private static JsonNode required(JsonNode row, String field) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("trade row without '" + field + "': " + row);
        }
        return v;
    }

    /** {@code lastUpdateId} of a /api/v3/depth answer. */
    static long lastUpdateId(String body) {
        try {
            JsonNode v = JSON.readTree(body).get("lastUpdateId");
            if (v == null || !v.canConvertToLong()) {
                throw new IllegalArgumentException("depth snapshot without lastUpdateId");
            }
            return v.asLong();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
