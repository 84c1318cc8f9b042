package io.k2.binance.normalize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.k2.marketdata.PriceLevel;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * One streaming pass (Jackson {@link JsonParser}, no tree) over a frame, combined
 * ({@code {"stream":..,"data":{..}}}) or raw (the bare payload), into a {@link Payload}. Keys are matched by
 * name, so any key order works, and unknown keys are skipped. Thread-safe: {@link JsonFactory} is.
 */
final class FrameParser {

    private static final JsonFactory FACTORY = new JsonFactory();

    Payload parse(String frame) {
        Payload p = new Payload();
        try (JsonParser jp = FACTORY.createParser(frame)) {
            JsonToken root = jp.nextToken();
            if (root == null) {
                throw new BadInputException(BadInputReason.MALFORMED_JSON, "empty frame");
            }
            if (root == JsonToken.START_ARRAY) {
                p.arrayPayload = true;
                jp.skipChildren();
            } else if (root == JsonToken.START_OBJECT) {
                readObject(jp, p, true);
            } else {
                throw new BadInputException(BadInputReason.MALFORMED_JSON,
                        "frame is a bare JSON " + root.asString() + ", not an object: '" + abbreviate(frame) + "'");
            }
            if (jp.nextToken() != null) {
                throw new BadInputException(BadInputReason.MALFORMED_JSON,
                        "trailing content after the JSON object: '" + abbreviate(frame) + "'");
            }
        } catch (StreamConstraintsException e) {
            throw new BadInputException(BadInputReason.ABSURD_VALUE, "JSON beyond parser limits: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new BadInputException(BadInputReason.MALFORMED_JSON,
                    "malformed JSON: " + e.getOriginalMessage() + " in '" + abbreviate(frame) + "'");
        } catch (IOException e) { // a String source has no I/O; keep the reason honest anyway
            throw new BadInputException(BadInputReason.MALFORMED_JSON, "unreadable frame: " + e.getMessage());
        }
        return p;
    }

    private static String abbreviate(String frame) {
        return frame.length() <= 200 ? frame : frame.substring(0, 200) + "...";
    }

    private void readObject(JsonParser jp, Payload p, boolean frameLevel) throws IOException {
        while (jp.nextToken() == JsonToken.FIELD_NAME) {
            String name = jp.currentName();
            JsonToken t = jp.nextToken();
            if (frameLevel && readFrameField(jp, p, name, t)) {
                continue;
            }
            readPayloadField(jp, p, name, t);
        }
    }

    /** Keys of the combined wrapper and of control frames; none of them occurs in a Binance payload. */
    private boolean readFrameField(JsonParser jp, Payload p, String name, JsonToken t) throws IOException {
        switch (name) {
            case "stream" -> p.stream = t == JsonToken.VALUE_STRING ? jp.getText() : null;
            case "data" -> {
                if (t == JsonToken.START_OBJECT) {
                    p.hasData = true;
                    readObject(jp, p, false);
                } else if (t == JsonToken.START_ARRAY) {
                    p.arrayPayload = true;
                    jp.skipChildren();
                }
            }
            case "error" -> {
                p.hasError = true;
                if (t == JsonToken.START_OBJECT) {
                    while (jp.nextToken() == JsonToken.FIELD_NAME) {
                        String key = jp.currentName();
                        jp.nextToken();
                        if (key.equals("code")) {
                            p.errorCode = jp.getText();
                        } else if (key.equals("msg")) {
                            p.errorMessage = jp.getText();
                        }
                        jp.skipChildren();
                    }
                } else {
                    p.errorMessage = t.isScalarValue() ? jp.getText() : "(non-scalar error value)";
                    jp.skipChildren();
                }
            }
            case "result" -> {
                p.hasResult = true;
                jp.skipChildren();
            }
            case "id" -> {
                p.requestId = t == JsonToken.VALUE_NULL ? null : jp.getText();
                jp.skipChildren();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void readPayloadField(JsonParser jp, Payload p, String name, JsonToken t) throws IOException {
        switch (name) {
            case "e" -> p.eventType = text(jp, t);
            case "s" -> p.symbol = text(jp, t);
            case "E" -> readLong(jp, t, p, Payload.EVENT_TIME);
            case "T" -> readLong(jp, t, p, Payload.TRADE_TIME);
            case "t" -> readLong(jp, t, p, Payload.TRADE_ID);
            case "f" -> readLong(jp, t, p, Payload.FIRST_TRADE_ID);
            case "l" -> readLong(jp, t, p, Payload.LAST_TRADE_ID);
            case "u" -> readLong(jp, t, p, Payload.UPDATE_ID);
            case "U" -> readLong(jp, t, p, Payload.FIRST_UPDATE_ID);
            case "p" -> readDecimal(jp, t, p, Payload.PRICE);
            case "q" -> readDecimal(jp, t, p, Payload.QUANTITY);
            case "m" -> readBoolean(jp, t, p, Payload.BUYER_MAKER);
            case "B" -> {
                p.sawBookTickerKeys = true;
                readDecimal(jp, t, p, Payload.BID_QTY);
            }
            case "A" -> {
                p.sawBookTickerKeys = true;
                readDecimal(jp, t, p, Payload.ASK_QTY);
            }
            // a/b mean different things by value type: aggTrade id (number), bookTicker price (string), depth side (array)
            case "a" -> {
                if (t == JsonToken.START_ARRAY) {
                    readLevels(jp, p, false, "a");
                } else if (t == JsonToken.VALUE_NUMBER_INT) {
                    readLong(jp, t, p, Payload.AGG_ID);
                } else {
                    readDecimal(jp, t, p, Payload.ASK_PRICE);
                    if (t != JsonToken.VALUE_STRING) {
                        readLong(jp, t, p, Payload.AGG_ID); // so that either reading reports the bad value
                    }
                }
            }
            case "b" -> {
                if (t == JsonToken.START_ARRAY) {
                    readLevels(jp, p, true, "b");
                } else {
                    readDecimal(jp, t, p, Payload.BID_PRICE);
                }
            }
            case "lastUpdateId" -> {
                p.sawSnapshotKeys = true;
                readLong(jp, t, p, Payload.LAST_UPDATE_ID);
            }
            case "bids" -> {
                p.sawSnapshotKeys = true;
                readLevelsOrError(jp, t, p, true, "bids");
            }
            case "asks" -> {
                p.sawSnapshotKeys = true;
                readLevelsOrError(jp, t, p, false, "asks");
            }
            case "k" -> {
                p.hasKline = true;
                if (t == JsonToken.START_OBJECT) {
                    readKline(jp, p);
                }
            }
            default -> jp.skipChildren();
        }
    }

    private void readKline(JsonParser jp, Payload p) throws IOException {
        while (jp.nextToken() == JsonToken.FIELD_NAME) {
            String name = jp.currentName();
            JsonToken t = jp.nextToken();
            switch (name) {
                case "t" -> readLong(jp, t, p, Payload.K_OPEN_TIME);
                case "T" -> readLong(jp, t, p, Payload.K_CLOSE_TIME);
                case "f" -> readLong(jp, t, p, Payload.K_FIRST_TRADE_ID);
                case "L" -> readLong(jp, t, p, Payload.K_LAST_TRADE_ID);
                case "n" -> readLong(jp, t, p, Payload.K_TRADE_COUNT);
                case "i" -> p.klineInterval = text(jp, t);
                case "o" -> readDecimal(jp, t, p, Payload.K_OPEN);
                case "c" -> readDecimal(jp, t, p, Payload.K_CLOSE);
                case "h" -> readDecimal(jp, t, p, Payload.K_HIGH);
                case "l" -> readDecimal(jp, t, p, Payload.K_LOW);
                case "v" -> readDecimal(jp, t, p, Payload.K_VOLUME);
                case "q" -> readDecimal(jp, t, p, Payload.K_QUOTE_VOLUME);
                case "V" -> readDecimal(jp, t, p, Payload.K_TAKER_BUY_VOLUME);
                case "Q" -> readDecimal(jp, t, p, Payload.K_TAKER_BUY_QUOTE_VOLUME);
                case "x" -> readBoolean(jp, t, p, Payload.K_CLOSED);
                default -> jp.skipChildren(); // "s" repeats the outer symbol, "B" is documented as "ignore"
            }
        }
    }

    private static String text(JsonParser jp, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return jp.getText();
        }
        jp.skipChildren();
        return null; // a null or non-string symbol/type reads as absent: reported as missing where required
    }

    private static void readLong(JsonParser jp, JsonToken t, Payload p, int slot) throws IOException {
        String field = Payload.LONG_NAMES[slot];
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = jp.getNumberType();
            if (type == JsonParser.NumberType.BIG_INTEGER) {
                p.longError(slot, new BadInputException(BadInputReason.ABSURD_VALUE,
                        field + ": " + jp.getText() + " does not fit a signed 64-bit integer"));
            } else {
                p.setLong(slot, jp.getLongValue());
            }
        } else if (t == JsonToken.VALUE_NULL) {
            p.longError(slot, new BadInputException(BadInputReason.MISSING_FIELD, "required field '" + field + "' is null"));
        } else {
            p.longError(slot, new BadInputException(BadInputReason.NON_NUMERIC,
                    field + ": expected an integer but got " + describeAndSkip(jp, t)));
        }
    }

    private static void readDecimal(JsonParser jp, JsonToken t, Payload p, int slot) throws IOException {
        String field = Payload.DECIMAL_NAMES[slot];
        try {
            p.setDecimal(slot, decimal(jp, t, field));
        } catch (BadInputException e) {
            p.decimalError(slot, e);
        }
    }

    /** Binance sends decimals as strings; a bare JSON number is read from its text too, never via double. */
    private static BigDecimal decimal(JsonParser jp, JsonToken t, String field) throws IOException {
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return DecimalField.parse(jp.getTextCharacters(), jp.getTextOffset(), jp.getTextLength(), field);
        }
        if (t == JsonToken.VALUE_NULL) {
            throw new BadInputException(BadInputReason.MISSING_FIELD, "required field '" + field + "' is null");
        }
        throw new BadInputException(BadInputReason.NON_NUMERIC,
                field + ": expected a decimal string but got " + describeAndSkip(jp, t));
    }

    private static void readBoolean(JsonParser jp, JsonToken t, Payload p, int slot) throws IOException {
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            p.setBoolean(slot, t == JsonToken.VALUE_TRUE);
        } else if (t == JsonToken.VALUE_NULL) {
            p.booleanError(slot, new BadInputException(BadInputReason.MISSING_FIELD,
                    "required field '" + Payload.BOOLEAN_NAMES[slot] + "' is null"));
        } else {
            // not a number either, but the closest reason: a typed field holds a value of the wrong type
            p.booleanError(slot, new BadInputException(BadInputReason.NON_NUMERIC,
                    Payload.BOOLEAN_NAMES[slot] + ": expected true or false but got " + describeAndSkip(jp, t)));
        }
    }

    /** How a wrongly typed value reads in an error message; leaves the parser after the value. */
    private static String describeAndSkip(JsonParser jp, JsonToken t) throws IOException {
        if (t.isScalarValue()) {
            return "'" + jp.getText() + "'";
        }
        jp.skipChildren();
        return t == JsonToken.START_ARRAY ? "a JSON array" : "a JSON object";
    }

    private void readLevelsOrError(JsonParser jp, JsonToken t, Payload p, boolean bidSide, String field) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            readLevels(jp, p, bidSide, field);
        } else if (p.levelError == null) {
            jp.skipChildren();
            p.levelError = t == JsonToken.VALUE_NULL
                    ? new BadInputException(BadInputReason.MISSING_FIELD, "required field '" + field + "' is null")
                    : new BadInputException(BadInputReason.NON_NUMERIC, field + ": expected an array of [price, quantity]");
        } else {
            jp.skipChildren();
        }
    }

    /** {@code [["price","qty"], ...]}; extra elements in a level are ignored, as Binance may add some. */
    private void readLevels(JsonParser jp, Payload p, boolean bidSide, String field) throws IOException {
        List<PriceLevel> levels = p.newLevels(bidSide);
        int index = 0;
        JsonToken t;
        while ((t = jp.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_ARRAY) {
                readLevel(jp, p, levels, field, index);
            } else {
                jp.skipChildren();
                levelProblem(p, new BadInputException(BadInputReason.NON_NUMERIC,
                        field + "[" + index + "]: expected [price, quantity]"));
            }
            index++;
        }
    }

    /** Reads one level up to its closing bracket whatever it holds, so a bad level never derails the parse. */
    private void readLevel(JsonParser jp, Payload p, List<PriceLevel> levels, String field, int index) throws IOException {
        BigDecimal price = null;
        BigDecimal qty = null;
        BadInputException problem = null;
        int n = 0;
        JsonToken v;
        while ((v = jp.nextToken()) != JsonToken.END_ARRAY) {
            if (n < 2 && problem == null) {
                try {
                    BigDecimal d = decimal(jp, v, field + "[" + index + "]." + (n == 0 ? "price" : "quantity"));
                    if (n == 0) {
                        price = d;
                    } else {
                        qty = d;
                    }
                } catch (BadInputException e) {
                    problem = e;
                }
            } else {
                jp.skipChildren();
            }
            n++;
        }
        if (problem == null && n < 2) {
            problem = new BadInputException(BadInputReason.MISSING_FIELD,
                    field + "[" + index + "]: expected [price, quantity] but got " + n + " value(s)");
        }
        if (problem == null && price.signum() <= 0) {
            problem = new BadInputException(BadInputReason.ABSURD_VALUE,
                    field + "[" + index + "].price: " + price.toPlainString() + " is not positive");
        }
        if (problem == null && qty.signum() < 0) {
            problem = new BadInputException(BadInputReason.ABSURD_VALUE,
                    field + "[" + index + "].quantity: " + qty.toPlainString() + " is negative");
        }
        if (problem != null) {
            levelProblem(p, problem);
        } else {
            levels.add(new PriceLevel(price, qty));
        }
    }

    private static void levelProblem(Payload p, BadInputException e) {
        if (p.levelError == null) {
            p.levelError = e; // the first problem is the one worth reporting
        }
    }
}
