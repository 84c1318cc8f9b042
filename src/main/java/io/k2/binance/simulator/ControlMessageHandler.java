package io.k2.binance.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The live control messages of binance-protocol.md §3 (SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS,
 * SET_PROPERTY, GET_PROPERTY) with Binance's answers and error texts, wrapped as they are on the wire:
 * {@code {"error":{"code":N,"msg":"..."},"id":...}}. The id is echoed as given, and is {@code null}
 * when it could not be read.
 */
final class ControlMessageHandler {

    private static final String METHODS =
            "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";
    private static final Pattern STRING_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = MAPPER.getFactory();

    private final Subscriptions subscriptions;
    private final int maxStreams;
    private final int maxSubscribeBytes;

    ControlMessageHandler(Subscriptions subscriptions, int maxStreams, int maxSubscribeBytes) {
        this.subscriptions = subscriptions;
        this.maxStreams = maxStreams;
        this.maxSubscribeBytes = maxSubscribeBytes;
    }

    private record Request(String method, int methodEndColumn, JsonNode params, String id, boolean idValid,
                           boolean idPresent, int endColumn) {
    }

    /** Handles one text frame; returns the answer, or null when Binance would not answer at all. */
    String handle(SimulatedConnection connection, String text) {
        Request r;
        try {
            r = parse(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            return error(3, "Invalid JSON: expected value at line " + line + " column " + column, "null");
        } catch (IOException e) {
            return error(3, "Invalid JSON: " + e.getMessage(), "null");
        }
        if (r == null) {
            return error(2, "Invalid request: expected a JSON object", "null");
        }
        if (!r.idPresent || !r.idValid) {
            return error(2, "Invalid request: request ID must be an unsigned integer", "null");
        }
        if (r.method == null) {
            return error(2, "Invalid request: missing field `method` at line 1 column " + r.endColumn, r.id);
        }
        return switch (r.method) {
            case "SUBSCRIBE" -> tooLarge(text) ? null : subscribe(connection, r);
            case "UNSUBSCRIBE" -> unsubscribe(connection, r);
            case "LIST_SUBSCRIPTIONS" -> list(connection, r);
            case "SET_PROPERTY" -> setProperty(connection, r);
            case "GET_PROPERTY" -> getProperty(connection, r);
            default -> error(2, "Invalid request: unknown variant `" + r.method + "`, expected one of " + METHODS
                    + " at line 1 column " + r.methodEndColumn, r.id);
        };
    }

    /** Oversize SUBSCRIBE frames get no answer at all (binance-protocol.md §2, observed). */
    private boolean tooLarge(String text) {
        return text.length() > maxSubscribeBytes
                || (text.length() * 3 > maxSubscribeBytes && text.getBytes(StandardCharsets.UTF_8).length > maxSubscribeBytes);
    }

    private static Request parse(String text) throws IOException {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            p.setCodec(MAPPER);
            String method = null;
            int methodEnd = 0;
            JsonNode params = null;
            String id = "null";
            boolean idValid = true;
            boolean idPresent = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "method" -> {
                        if (value == JsonToken.VALUE_STRING) {
                            method = p.getText();
                            methodEnd = p.currentLocation().getColumnNr() - 1;
                        } else {
                            method = p.readValueAsTree().toString();
                            methodEnd = p.currentLocation().getColumnNr() - 1;
                        }
                    }
                    case "params" -> params = p.readValueAsTree();
                    case "id" -> {
                        idPresent = true;
                        if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                            id = Long.toString(p.getLongValue());
                        } else if (value == JsonToken.VALUE_STRING && STRING_ID.matcher(p.getText()).matches()) {
                            id = "\"" + p.getText() + "\"";
                        } else if (value == JsonToken.VALUE_NULL) {
                            id = "null";
                        } else {
                            idValid = false;
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            int end = p.currentLocation().getColumnNr() - 1;
            if (p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "trailing characters");
            }
            return new Request(method, methodEnd, params, id, idValid, idPresent, end);
        }
    }

    private String subscribe(SimulatedConnection connection, Request r) {
        List<StreamName> names = streamNames(r.params);
        if (names == null) {
            return error(2, "Invalid request: invalid stream", r.id);
        }
        long added = names.stream().map(StreamName::name).distinct()
                .filter(n -> !connection.subscriptions.contains(n)).count();
        if (connection.subscriptions.size() + added > maxStreams) {
            return error(4, "Too many subscriptions", r.id);
        }
        for (StreamName name : names) {
            subscriptions.subscribe(connection, name);
        }
        return result("null", r.id);
    }

    private String unsubscribe(SimulatedConnection connection, Request r) {
        List<StreamName> names = streamNames(r.params);
        if (names == null) {
            return error(2, "Invalid request: invalid stream", r.id);
        }
        for (StreamName name : names) {
            subscriptions.unsubscribe(connection, name.name());
        }
        return result("null", r.id);
    }

    /** Null when any entry is not a supported, well-formed stream name. */
    private static List<StreamName> streamNames(JsonNode params) {
        List<StreamName> names = new ArrayList<>();
        if (params == null || params.isNull()) {
            return names;
        }
        if (!params.isArray()) {
            return null;
        }
        for (JsonNode n : params) {
            StreamName name = n.isTextual() ? StreamName.parse(n.textValue()) : null;
            if (name == null) {
                return null;
            }
            names.add(name);
        }
        return names;
    }

    private String list(SimulatedConnection connection, Request r) {
        if (r.params != null && !r.params.isNull() && !(r.params.isArray() && r.params.isEmpty())) {
            return error(2, "Invalid request: too many parameters", r.id);
        }
        StringBuilder sb = new StringBuilder("[");
        for (String s : connection.subscriptions) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(s).append('"');
        }
        return result(sb.append(']').toString(), r.id);
    }

    private String setProperty(SimulatedConnection connection, Request r) {
        String problem = propertyError(r.params, 2, r.id);
        if (problem != null) {
            return problem;
        }
        JsonNode value = r.params.get(1);
        if (value == null || !value.isBoolean()) {
            return error(1, "Invalid value type: expected Boolean", r.id);
        }
        connection.combined = value.booleanValue();
        return result("null", r.id);
    }

    private String getProperty(SimulatedConnection connection, Request r) {
        String problem = propertyError(r.params, 1, r.id);
        return problem != null ? problem : result(Boolean.toString(connection.combined), r.id);
    }

    /** The error answer for bad property params, or null when they name {@code combined} properly. */
    private static String propertyError(JsonNode params, int maxParams, String id) {
        if (params == null || !params.isArray() || params.isEmpty() || !params.get(0).isTextual()) {
            return error(2, "Invalid request: property name must be a string", id);
        }
        if (params.size() > maxParams) {
            return error(2, "Invalid request: too many parameters", id);
        }
        if (!"combined".equals(params.get(0).textValue())) {
            return error(0, "Unknown property", id);
        }
        return null;
    }

    private static String result(String resultJson, String id) {
        return "{\"result\":" + resultJson + ",\"id\":" + id + "}";
    }

    static String error(int code, String msg, String id) {
        return "{\"error\":{\"code\":" + code + ",\"msg\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(msg))
                + "\"},\"id\":" + id + "}";
    }
}
