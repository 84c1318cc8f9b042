package io.k2.binance.normalize;

import io.k2.marketdata.PriceLevel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the normalizers may need from one frame, filled in a single streaming pass whatever the key
 * order. Conversion problems are stored per field rather than thrown at once, so that a frame is first
 * classified (an unknown event type wins over a bad value in a field we would not use) and a field is only
 * an error when the event type actually requires it.
 */
final class Payload {

    // long slots
    static final int EVENT_TIME = 0, TRADE_TIME = 1, TRADE_ID = 2, AGG_ID = 3, FIRST_TRADE_ID = 4, LAST_TRADE_ID = 5,
            UPDATE_ID = 6, FIRST_UPDATE_ID = 7, LAST_UPDATE_ID = 8, K_OPEN_TIME = 9, K_CLOSE_TIME = 10,
            K_FIRST_TRADE_ID = 11, K_LAST_TRADE_ID = 12, K_TRADE_COUNT = 13;
    static final String[] LONG_NAMES = {"E", "T", "t", "a", "f", "l", "u", "U", "lastUpdateId", "k.t", "k.T", "k.f",
            "k.L", "k.n"};

    // decimal slots
    static final int PRICE = 0, QUANTITY = 1, BID_PRICE = 2, BID_QTY = 3, ASK_PRICE = 4, ASK_QTY = 5, K_OPEN = 6,
            K_CLOSE = 7, K_HIGH = 8, K_LOW = 9, K_VOLUME = 10, K_QUOTE_VOLUME = 11, K_TAKER_BUY_VOLUME = 12,
            K_TAKER_BUY_QUOTE_VOLUME = 13;
    static final String[] DECIMAL_NAMES = {"p", "q", "b", "B", "a", "A", "k.o", "k.c", "k.h", "k.l", "k.v", "k.q",
            "k.V", "k.Q"};

    // boolean slots
    static final int BUYER_MAKER = 0, K_CLOSED = 1;
    static final String[] BOOLEAN_NAMES = {"m", "k.x"};

    private final long[] longs = new long[LONG_NAMES.length];
    private final BigDecimal[] decimals = new BigDecimal[DECIMAL_NAMES.length];
    private final byte[] booleans = new byte[BOOLEAN_NAMES.length]; // 0 absent, 1 false, 2 true
    private int longsSet;
    private BadInputException[] errors; // by slot key, allocated on the first bad field only

    // frame level
    String stream;
    boolean hasData;
    boolean arrayPayload;
    boolean hasError;
    boolean hasResult;
    String errorCode;
    String errorMessage;
    String requestId;

    // payload strings
    String eventType;
    String symbol;
    String klineInterval;
    boolean hasKline;
    boolean sawSnapshotKeys;
    boolean sawBookTickerKeys;

    List<PriceLevel> bids;
    List<PriceLevel> asks;
    BadInputException levelError;

    void setLong(int slot, long value) {
        longs[slot] = value;
        longsSet |= 1 << slot;
    }

    void setDecimal(int slot, BigDecimal value) {
        decimals[slot] = value;
    }

    void setBoolean(int slot, boolean value) {
        booleans[slot] = (byte) (value ? 2 : 1);
    }

    void longError(int slot, BadInputException e) {
        error(slot, e);
    }

    void decimalError(int slot, BadInputException e) {
        error(LONG_NAMES.length + slot, e);
    }

    void booleanError(int slot, BadInputException e) {
        error(LONG_NAMES.length + DECIMAL_NAMES.length + slot, e);
    }

    private void error(int key, BadInputException e) {
        if (errors == null) {
            errors = new BadInputException[LONG_NAMES.length + DECIMAL_NAMES.length + BOOLEAN_NAMES.length];
        }
        errors[key] = e;
    }

    private BadInputException errorAt(int key) {
        return errors == null ? null : errors[key];
    }

    boolean hasLong(int slot) {
        return (longsSet & (1 << slot)) != 0;
    }

    /** The field, or the stored problem (null, wrong type), or MISSING_FIELD. */
    long requireLong(int slot) {
        if (hasLong(slot)) {
            return longs[slot];
        }
        throw problemOr(errorAt(slot), LONG_NAMES[slot]);
    }

    BigDecimal requireDecimal(int slot) {
        BigDecimal d = decimals[slot];
        if (d != null) {
            return d;
        }
        throw problemOr(errorAt(LONG_NAMES.length + slot), DECIMAL_NAMES[slot]);
    }

    /** True/false, or null when absent or null; a wrong type is still an error. */
    Boolean optionalBoolean(int slot) {
        BadInputException e = errorAt(LONG_NAMES.length + DECIMAL_NAMES.length + slot);
        if (e != null && e.reason() != BadInputReason.MISSING_FIELD) {
            throw e;
        }
        return booleans[slot] == 0 ? null : booleans[slot] == 2;
    }

    boolean requireBoolean(int slot) {
        Boolean b = optionalBoolean(slot);
        if (b == null) {
            throw problemOr(null, BOOLEAN_NAMES[slot]);
        }
        return b;
    }

    List<PriceLevel> requireLevels(boolean bidSide, String field) {
        if (levelError != null) {
            throw levelError;
        }
        List<PriceLevel> levels = bidSide ? bids : asks;
        if (levels == null) {
            throw new BadInputException(BadInputReason.MISSING_FIELD, "missing required field '" + field + "'");
        }
        return levels;
    }

    /** Levels parsed on one side, 0 when the side is absent or malformed. */
    int levelCount(boolean bidSide) {
        List<PriceLevel> levels = bidSide ? bids : asks;
        return levelError != null || levels == null ? 0 : levels.size();
    }

    List<PriceLevel> newLevels(boolean bidSide) {
        List<PriceLevel> levels = new ArrayList<>();
        if (bidSide) {
            bids = levels;
        } else {
            asks = levels;
        }
        return levels;
    }

    private static BadInputException problemOr(BadInputException stored, String field) {
        return stored != null ? stored
                : new BadInputException(BadInputReason.MISSING_FIELD, "missing required field '" + field + "'");
    }
}
