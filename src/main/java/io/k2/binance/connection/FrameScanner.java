package io.k2.binance.connection;

import java.util.Arrays;

import io.k2.binance.sequence.SequenceKind;
import io.k2.binance.stream.StreamName;

/**
 * Classifies one Binance text frame and reads the few values the connection layer needs (stream, symbol, the
 * ids of a {@link io.k2.binance.sequence.Position}, a response's request id) without building a JSON tree. It
 * runs on every frame, up to 150k/s, so it walks the text once, compares keys in place and allocates nothing
 * but the Position; stream names come from a small cache of the names already seen.
 *
 * <p>The walk is a full syntax check (RFC 8259, as strict as Jackson's defaults: no comments, no leading zeros,
 * no control chars in strings, nothing after the root value, at most {@value #MAX_DEPTH} levels of nesting):
 * malformed input is {@link FrameScan.Kind#UNRECOGNISED}, never an exception. Keys are matched by name in any
 * order, case-sensitively (Binance uses {@code t}/{@code T}, {@code u}/{@code U}, {@code l}/{@code L}); when a
 * key repeats the last one wins, as in Jackson. Nesting is skipped with an explicit stack, never recursion.
 *
 * <p>Classification, in this order:
 * <ol>
 *   <li>{@code "stream"} string and {@code "data"} object or array: SERVER_SHUTDOWN when the stream is
 *       {@code !serverShutdown} or data's {@code e} is {@code serverShutdown}, else DATA;</li>
 *   <li>{@code "error"} object with an integer {@code code}, and {@code "id"} (if present) a number, string or
 *       null: ERROR_RESPONSE (the id may be missing: Binance cannot echo an id it could not parse);</li>
 *   <li>{@code "result"} (any value) and {@code "id"} a number, string or null: RESPONSE;</li>
 *   <li>a string {@code "e"} at the top: SERVER_SHUTDOWN for {@code serverShutdown}, else a raw DATA payload;</li>
 *   <li>any other object when the caller named the raw stream (bookTicker and partial depth carry no
 *       {@code e}): DATA;</li>
 *   <li>anything else: UNRECOGNISED.</li>
 * </ol>
 *
 * <p>A DATA frame gets a position when its stream has a {@link SequenceKind}, the ids that kind needs are plain
 * integers that fit a long ({@code t}; {@code a f l}; {@code U u} with {@code U <= u}; bookTicker {@code u};
 * {@code lastUpdateId}; kline {@code k.t k.L}, boolean {@code k.x} and {@code E}), a string {@code e} (if
 * present) is the kind's event type (trade, aggTrade, depthUpdate, kline; any for the kinds without one),
 * and {@code s} (if present) is the stream's symbol ignoring case. Otherwise it is DATA
 * without position: the tracker passes it through and the normalizer dead-letters it.
 *
 * <p>Not thread-safe: one instance per event loop; the {@link FrameScan} it returns is reused by the next call.
 */
public final class FrameScanner {

    /** Jackson's default limit (StreamReadConstraints): deeper input is malformed for both. */
    public static final int MAX_DEPTH = 1000;

    static final int ID_ABSENT = 0;
    static final int ID_NUMBER = 1;
    static final int ID_STRING = 2;
    static final int ID_NULL = 3;
    static final int ID_OTHER = 4;

    private static final String SERVER_SHUTDOWN_STREAM = "!serverShutdown";
    private static final String SERVER_SHUTDOWN_EVENT = "serverShutdown";

    // key codes
    private static final int K_OTHER = 0;
    private static final int K_STREAM = 1;
    private static final int K_DATA = 2;
    private static final int K_RESULT = 3;
    private static final int K_ID = 4;
    private static final int K_ERROR = 5;
    private static final int K_CODE = 6;
    private static final int K_MSG = 7;
    private static final int K_E_LOWER = 8;
    private static final int K_S = 9;
    private static final int K_K = 10;
    private static final int K_X = 11;
    // key codes that are also indexes into Fields.value/state
    private static final int F_T = 12;
    private static final int F_A = 13;
    private static final int F_F = 14;
    private static final int F_L_LOWER = 15;
    private static final int F_U_UPPER = 16;
    private static final int F_U_LOWER = 17;
    private static final int F_LAST_UPDATE_ID = 18;
    private static final int F_E_UPPER = 19;
    private static final int F_L_UPPER = 20;  // only read inside k
    private static final int F_KLINE_T = 21;  // k.t, stored apart from the payload's t
    private static final int F_KLINE_L = 22;  // k.L
    private static final int F_KLINE_X = 23;  // k.x, 1/0
    private static final int FIELD_COUNT = 24;

    // value states
    private static final byte ABSENT = 0;
    private static final byte INTEGER = 1;
    private static final byte STRING = 2;
    private static final byte OTHER = 3;

    // parse contexts
    private static final int CTX_TOP = 0;
    private static final int CTX_PAYLOAD = 1;
    private static final int CTX_KLINE = 2;
    private static final int CTX_ERROR = 3;

    private static final int NAME_CACHE_SIZE = 4096; // power of two; holds any realistic stream set

    /** The payload values one object level holds; the top level and {@code data} each have their own. */
    private static final class Fields {
        final long[] value = new long[FIELD_COUNT];
        final byte[] state = new byte[FIELD_COUNT];
        int eFrom;
        int eTo;
        boolean eEscaped;
        int sFrom;
        int sTo;
        boolean sEscaped;
        byte e;
        byte s;
        byte k;

        void reset() {
            Arrays.fill(state, ABSENT);
            e = ABSENT;
            s = ABSENT;
            k = ABSENT;
        }
    }

    private final FrameScan scan = new FrameScan();
    private final Fields top = new Fields();
    private final Fields data = new Fields();
    private final byte[] stack = new byte[MAX_DEPTH + 1];

    // a direct-mapped cache of stream names: a collision only costs a substring
    private final String[] names = new String[NAME_CACHE_SIZE];
    private final SequenceKind[] nameKinds = new SequenceKind[NAME_CACHE_SIZE];

    private String s;
    private int n;

    // the last string/number scanned
    private boolean stringEscaped;
    private boolean numberIntegral;
    private long numberValue;

    // wrapper values of the current frame
    private byte stream;
    private int streamFrom;
    private int streamTo;
    private boolean streamEscaped;
    private byte dataShape; // ABSENT, OTHER, or '{' / '['
    private boolean result;
    private int idType;
    private int idFrom;
    private int idTo;
    private boolean idEscaped;
    private SequenceKind lastKind; // of the stream name streamName() returned
    private byte error; // ABSENT, OTHER, '{'
    private byte errorCodeState;
    private long errorCodeValue;
    private int msgFrom;
    private int msgTo;
    private boolean msgEscaped;

    /** Scans a frame from a combined connection ({@code /stream}). */
    public FrameScan scan(String frame) {
        return scan(frame, null);
    }

    /**
     * Scans a frame.
     *
     * @param rawStream the stream of a raw connection ({@code /ws/<name>}), whose payloads arrive unwrapped and
     *                  may carry no {@code e}; null on combined connections
     */
    public FrameScan scan(String frame, String rawStream) {
        FrameScan out = scan;
        out.reset(frame);
        if (frame == null) {
            return out;
        }
        s = frame;
        n = frame.length();
        stream = ABSENT;
        dataShape = ABSENT;
        result = false;
        idType = ID_ABSENT;
        error = ABSENT;
        errorCodeState = ABSENT;
        msgFrom = -1;
        top.reset();
        data.reset();
        try {
            int p = ws(0);
            if (ch(p) != '{') {
                return out; // arrays, scalars, empty: nothing Binance sends us at the top
            }
            p = object(p, 1, CTX_TOP, top);
            if (p < 0 || ws(p) != n) {
                if (stream == STRING) {
                    // malformed after a readable stream name: keep the name, so the frame is counted and
                    // dead-lettered under its stream rather than as "unknown"
                    out.stream = streamName();
                }
                return out;
            }
            classify(out, rawStream);
        } finally {
            s = null; // do not keep the frame alive
        }
        return out;
    }

    // ---------------------------------------------------------------- classification

    private void classify(FrameScan out, String rawStream) {
        if (stream == STRING && (dataShape == '{' || dataShape == '[')) {
            out.stream = streamName();
            boolean shutdown = SERVER_SHUTDOWN_STREAM.equals(out.stream)
                    || (dataShape == '{' && isString(data.e, data.eFrom, data.eTo, data.eEscaped, SERVER_SHUTDOWN_EVENT));
            if (shutdown) {
                out.kind = FrameScan.Kind.SERVER_SHUTDOWN;
                return;
            }
            out.kind = FrameScan.Kind.DATA;
            out.sequenceKind = lastKind;
            if (dataShape == '{') {
                payload(out, data);
            }
            return;
        }
        boolean idUsable = idType == ID_NUMBER || idType == ID_STRING || idType == ID_NULL;
        if (error == '{' && errorCodeState == INTEGER && (idUsable || idType == ID_ABSENT)) {
            out.kind = FrameScan.Kind.ERROR_RESPONSE;
            copyId(out);
            out.errorCode = errorCodeValue;
            out.messageFrom = msgFrom;
            out.messageTo = msgTo;
            out.messageEscaped = msgEscaped;
            return;
        }
        if (result && idUsable) {
            out.kind = FrameScan.Kind.RESPONSE;
            copyId(out);
            return;
        }
        if (top.e == STRING) {
            if (isString(top.e, top.eFrom, top.eTo, top.eEscaped, SERVER_SHUTDOWN_EVENT)) {
                out.kind = FrameScan.Kind.SERVER_SHUTDOWN;
                out.stream = rawStream;
                return;
            }
        } else if (rawStream == null) {
            return;
        }
        out.kind = FrameScan.Kind.DATA;
        out.stream = rawStream;
        out.sequenceKind = rawStream == null ? SequenceKind.NONE : SequenceKind.of(rawStream);
        payload(out, top);
    }

    private void copyId(FrameScan out) {
        out.idType = idType;
        out.idFrom = idFrom;
        out.idTo = idTo;
        out.idEscaped = idEscaped;
    }

    /** Fills the symbol and, when everything the stream's kind needs is there, the position. */
    private void payload(FrameScan out, Fields f) {
        if (f.s == STRING) {
            out.symbolFrom = f.sFrom;
            out.symbolTo = f.sTo;
            out.symbolEscaped = f.sEscaped;
        }
        SequenceKind kind = out.sequenceKind;
        if (kind == SequenceKind.NONE || f.s == OTHER || f.e == OTHER) {
            return;
        }
        String eventType = kind.eventType(); // bookTicker and partial depth have none to check
        if (eventType != null && f.e == STRING && !isString(f.e, f.eFrom, f.eTo, f.eEscaped, eventType)) {
            return;
        }
        if (f.s == STRING && !symbolMatches(out.stream, f)) {
            return;
        }
        long[] v = f.value;
        byte[] st = f.state;
        switch (kind) {
            case TRADE:
                if (st[F_T] == INTEGER) {
                    position(out, v[F_T], v[F_T], 0, 0);
                }
                break;
            case AGG_TRADE:
                if (st[F_A] == INTEGER && st[F_F] == INTEGER && st[F_L_LOWER] == INTEGER) {
                    position(out, v[F_A], v[F_A], v[F_F], v[F_L_LOWER]);
                }
                break;
            case DEPTH_DIFF:
                if (st[F_U_UPPER] == INTEGER && st[F_U_LOWER] == INTEGER && v[F_U_UPPER] <= v[F_U_LOWER]) {
                    position(out, v[F_U_UPPER], v[F_U_LOWER], 0, 0);
                }
                break;
            case BOOK_TICKER:
                if (st[F_U_LOWER] == INTEGER) {
                    position(out, v[F_U_LOWER], v[F_U_LOWER], 0, 0);
                }
                break;
            case PARTIAL_DEPTH:
                if (st[F_LAST_UPDATE_ID] == INTEGER) {
                    position(out, v[F_LAST_UPDATE_ID], v[F_LAST_UPDATE_ID], 0, 0);
                }
                break;
            case KLINE:
                if (f.k == '{' && st[F_KLINE_T] == INTEGER && st[F_KLINE_L] == INTEGER && st[F_KLINE_X] == INTEGER
                        && st[F_E_UPPER] == INTEGER) {
                    position(out, v[F_KLINE_T], v[F_KLINE_L], v[F_KLINE_X], v[F_E_UPPER]);
                }
                break;
            default:
                break;
        }
    }

    private static void position(FrameScan out, long first, long last, long aux1, long aux2) {
        out.hasPosition = true;
        out.first = first;
        out.last = last;
        out.aux1 = aux1;
        out.aux2 = aux2;
    }

    private boolean symbolMatches(String streamName, Fields f) {
        if (streamName == null) {
            return false;
        }
        int at = StreamName.symbolEnd(streamName);
        if (at < 0) {
            return false;
        }
        if (f.sEscaped) {
            return JsonString.decode(s, f.sFrom, f.sTo).equalsIgnoreCase(streamName.substring(0, at));
        }
        return f.sTo - f.sFrom == at && s.regionMatches(true, f.sFrom, streamName, 0, at);
    }

    private boolean isString(byte state, int from, int to, boolean escaped, String expected) {
        if (state != STRING) {
            return false;
        }
        if (escaped) {
            return JsonString.decode(s, from, to).equals(expected);
        }
        return to - from == expected.length() && s.startsWith(expected, from);
    }

    /** The wrapper's stream name, from the cache when seen before; sets {@link #lastKind}. */
    private String streamName() {
        if (streamEscaped) {
            String name = JsonString.decode(s, streamFrom, streamTo);
            lastKind = SequenceKind.of(name);
            return name;
        }
        int h = 0;
        for (int i = streamFrom; i < streamTo; i++) {
            h = 31 * h + s.charAt(i);
        }
        int slot = (h ^ (h >>> 16)) & (NAME_CACHE_SIZE - 1);
        String cached = names[slot];
        int len = streamTo - streamFrom;
        if (cached != null && cached.length() == len && s.startsWith(cached, streamFrom)) {
            lastKind = nameKinds[slot];
            return cached;
        }
        String name = s.substring(streamFrom, streamTo);
        SequenceKind kind = SequenceKind.of(name);
        names[slot] = name;
        nameKinds[slot] = kind;
        lastKind = kind;
        return name;
    }

    // ---------------------------------------------------------------- the walk

    /** Scans the object at {@code p} (a '{') whose nesting depth is {@code depth}; returns the index after it or -1. */
    private int object(int p, int depth, int ctx, Fields f) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        p = ws(p + 1);
        int c = ch(p);
        if (c == '}') {
            return p + 1;
        }
        while (true) {
            if (c != '"') {
                return -1;
            }
            int keyFrom = p + 1;
            p = string(p);
            if (p < 0) {
                return -1;
            }
            int key = stringEscaped ? keyCode(JsonString.decode(s, keyFrom, p - 1)) : keyCode(keyFrom, p - 1);
            p = ws(p);
            if (ch(p) != ':') {
                return -1;
            }
            p = ws(p + 1);
            p = member(p, depth, ctx, f, key);
            if (p < 0) {
                return -1;
            }
            p = ws(p);
            c = ch(p);
            if (c == ',') {
                p = ws(p + 1);
                c = ch(p);
            } else if (c == '}') {
                return p + 1;
            } else {
                return -1;
            }
        }
    }

    /** Scans one member value at {@code p}, keeping it if this context wants the key. */
    private int member(int p, int depth, int ctx, Fields f, int key) {
        int c = ch(p);
        switch (ctx) {
            case CTX_TOP:
                switch (key) {
                    case K_STREAM:
                        if (c == '"') {
                            streamFrom = p + 1;
                            p = string(p);
                            if (p < 0) {
                                return p; // an unterminated name: nothing to keep
                            }
                            streamTo = p - 1;
                            streamEscaped = stringEscaped;
                            stream = STRING;
                            return p;
                        }
                        stream = OTHER;
                        return value(p, depth);
                    case K_DATA:
                        if (c == '{') {
                            dataShape = '{';
                            data.reset();
                            return object(p, depth + 1, CTX_PAYLOAD, data);
                        }
                        dataShape = c == '[' ? (byte) '[' : OTHER;
                        return value(p, depth);
                    case K_RESULT:
                        result = true;
                        return value(p, depth);
                    case K_ID:
                        return id(p, depth);
                    case K_ERROR:
                        if (c == '{') {
                            error = '{';
                            errorCodeState = ABSENT;
                            msgFrom = -1;
                            return object(p, depth + 1, CTX_ERROR, f);
                        }
                        error = OTHER;
                        return value(p, depth);
                    default:
                        return payloadMember(p, depth, f, key);
                }
            case CTX_PAYLOAD:
                return payloadMember(p, depth, f, key);
            case CTX_KLINE:
                switch (key) {
                    case F_T:
                        return integer(p, depth, f, F_KLINE_T);
                    case F_L_UPPER:
                        return integer(p, depth, f, F_KLINE_L);
                    case K_X:
                        return bool(p, depth, f, F_KLINE_X);
                    default:
                        return value(p, depth);
                }
            case CTX_ERROR:
                switch (key) {
                    case K_CODE:
                        if (c == '-' || (c >= '0' && c <= '9')) {
                            p = number(p);
                            errorCodeState = numberIntegral ? INTEGER : OTHER;
                            errorCodeValue = numberValue;
                            return p;
                        }
                        errorCodeState = OTHER;
                        return value(p, depth);
                    case K_MSG:
                        if (c == '"') {
                            msgFrom = p + 1;
                            p = string(p);
                            msgTo = p - 1;
                            msgEscaped = stringEscaped;
                            return p;
                        }
                        msgFrom = -1;
                        return value(p, depth);
                    default:
                        return value(p, depth);
                }
            default:
                return value(p, depth);
        }
    }

    private int payloadMember(int p, int depth, Fields f, int key) {
        int c = ch(p);
        switch (key) {
            case F_T:
            case F_A:
            case F_F:
            case F_L_LOWER:
            case F_U_UPPER:
            case F_U_LOWER:
            case F_LAST_UPDATE_ID:
            case F_E_UPPER:
                return integer(p, depth, f, key);
            case K_E_LOWER:
                if (c == '"') {
                    f.eFrom = p + 1;
                    p = string(p);
                    f.eTo = p - 1;
                    f.eEscaped = stringEscaped;
                    f.e = STRING;
                    return p;
                }
                f.e = OTHER;
                return value(p, depth);
            case K_S:
                if (c == '"') {
                    f.sFrom = p + 1;
                    p = string(p);
                    f.sTo = p - 1;
                    f.sEscaped = stringEscaped;
                    f.s = STRING;
                    return p;
                }
                f.s = OTHER;
                return value(p, depth);
            case K_K:
                if (c == '{') {
                    f.k = '{';
                    f.state[F_KLINE_T] = ABSENT;
                    f.state[F_KLINE_L] = ABSENT;
                    f.state[F_KLINE_X] = ABSENT;
                    return object(p, depth + 1, CTX_KLINE, f);
                }
                f.k = OTHER;
                return value(p, depth);
            default:
                return value(p, depth);
        }
    }

    private int integer(int p, int depth, Fields f, int field) {
        int c = ch(p);
        if (c == '-' || (c >= '0' && c <= '9')) {
            p = number(p);
            f.state[field] = numberIntegral ? INTEGER : OTHER;
            f.value[field] = numberValue;
            return p;
        }
        f.state[field] = OTHER;
        return value(p, depth);
    }

    private int bool(int p, int depth, Fields f, int field) {
        if (s.startsWith("true", p)) {
            f.state[field] = INTEGER;
            f.value[field] = 1;
            return p + 4;
        }
        if (s.startsWith("false", p)) {
            f.state[field] = INTEGER;
            f.value[field] = 0;
            return p + 5;
        }
        f.state[field] = OTHER;
        return value(p, depth);
    }

    private int id(int p, int depth) {
        int c = ch(p);
        if (c == '"') {
            idFrom = p + 1;
            p = string(p);
            idTo = p - 1;
            idEscaped = stringEscaped;
            idType = ID_STRING;
            return p;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            idFrom = p;
            p = number(p);
            idTo = p;
            idType = ID_NUMBER;
            return p;
        }
        if (s.startsWith("null", p)) {
            idType = ID_NULL;
            return p + 4;
        }
        idType = ID_OTHER;
        return value(p, depth);
    }

    /**
     * Skips (and checks) any value at {@code p} whose container is at {@code depth}; iterative, so deep nesting
     * costs a byte of {@link #stack} per level instead of a stack frame.
     */
    private int value(int p, int depth) {
        int c = ch(p);
        if (c != '{' && c != '[') {
            return scalar(p);
        }
        byte[] st = stack;
        int open = 0;
        while (true) {
            c = ch(p);
            if (c == '{' || c == '[') {
                if (depth + open + 1 > MAX_DEPTH) {
                    return -1;
                }
                st[open++] = (byte) c;
                p = ws(p + 1);
                int next = ch(p);
                if (c == '{') {
                    if (next != '}') {
                        p = keyAndColon(p);
                        if (p < 0) {
                            return -1;
                        }
                        continue; // to the member's value
                    }
                } else if (next != ']') {
                    continue; // to the first element
                }
                open--;
                p++;
            } else {
                p = scalar(p);
                if (p < 0) {
                    return -1;
                }
            }
            // after a value: close containers until one continues with ','
            while (true) {
                if (open == 0) {
                    return p;
                }
                p = ws(p);
                c = ch(p);
                byte inner = st[open - 1];
                if (c == ',') {
                    p = ws(p + 1);
                    if (inner == '{') {
                        p = keyAndColon(p);
                        if (p < 0) {
                            return -1;
                        }
                    }
                    break;
                }
                if ((c == '}' && inner == '{') || (c == ']' && inner == '[')) {
                    open--;
                    p++;
                    continue;
                }
                return -1;
            }
        }
    }

    private int keyAndColon(int p) {
        if (ch(p) != '"') {
            return -1;
        }
        p = string(p);
        if (p < 0) {
            return -1;
        }
        p = ws(p);
        if (ch(p) != ':') {
            return -1;
        }
        return ws(p + 1);
    }

    private int scalar(int p) {
        int c = ch(p);
        if (c == '"') {
            return string(p);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number(p);
        }
        if (c == 't') {
            return s.startsWith("true", p) ? p + 4 : -1;
        }
        if (c == 'f') {
            return s.startsWith("false", p) ? p + 5 : -1;
        }
        if (c == 'n') {
            return s.startsWith("null", p) ? p + 4 : -1;
        }
        return -1;
    }

    /** The string starting with the quote at {@code p}; returns the index after the closing quote, or -1. */
    private int string(int p) {
        boolean escaped = false;
        p++;
        while (p < n) {
            char c = s.charAt(p);
            if (c == '"') {
                stringEscaped = escaped;
                return p + 1;
            }
            if (c == '\\') {
                escaped = true;
                if (p + 1 >= n) {
                    return -1;
                }
                char e = s.charAt(p + 1);
                if (e == 'u') {
                    if (p + 5 >= n || !hex(s.charAt(p + 2)) || !hex(s.charAt(p + 3)) || !hex(s.charAt(p + 4))
                            || !hex(s.charAt(p + 5))) {
                        return -1;
                    }
                    p += 6;
                    continue;
                }
                if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
                    return -1;
                }
                p += 2;
                continue;
            }
            if (c < 0x20) {
                return -1;
            }
            p++;
        }
        return -1;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * The number at {@code p}; returns the index after it, or -1. Sets {@link #numberIntegral} when it is a plain
     * integer that fits a long (no fraction or exponent), with its value in {@link #numberValue}.
     */
    private int number(int p) {
        boolean negative = false;
        if (ch(p) == '-') {
            negative = true;
            p++;
        }
        int c = ch(p);
        if (c < '0' || c > '9') {
            return -1;
        }
        // accumulate negatively so Long.MIN_VALUE fits
        long v = 0;
        boolean fits = true;
        if (c == '0') {
            p++;
        } else {
            while (c >= '0' && c <= '9') {
                int d = c - '0';
                if (v < (Long.MIN_VALUE + d) / 10) {
                    fits = false;
                } else {
                    v = v * 10 - d;
                }
                c = ch(++p);
            }
        }
        boolean integral = true;
        if (ch(p) == '.') {
            integral = false;
            c = ch(++p);
            if (c < '0' || c > '9') {
                return -1;
            }
            while (c >= '0' && c <= '9') {
                c = ch(++p);
            }
        }
        c = ch(p);
        if (c == 'e' || c == 'E') {
            integral = false;
            c = ch(++p);
            if (c == '+' || c == '-') {
                c = ch(++p);
            }
            if (c < '0' || c > '9') {
                return -1;
            }
            while (c >= '0' && c <= '9') {
                c = ch(++p);
            }
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                fits = false;
            }
            v = -v;
        }
        numberIntegral = integral && fits;
        numberValue = numberIntegral ? v : 0;
        return p;
    }

    private int ch(int p) {
        return p < n ? s.charAt(p) : -1;
    }

    private int ws(int p) {
        while (p < n) {
            char c = s.charAt(p);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return p;
            }
            p++;
        }
        return p;
    }

    // ---------------------------------------------------------------- keys

    private int keyCode(int from, int to) {
        switch (to - from) {
            case 1:
                switch (s.charAt(from)) {
                    case 't': return F_T;
                    case 'a': return F_A;
                    case 'f': return F_F;
                    case 'l': return F_L_LOWER;
                    case 'U': return F_U_UPPER;
                    case 'u': return F_U_LOWER;
                    case 'E': return F_E_UPPER;
                    case 'L': return F_L_UPPER;
                    case 'e': return K_E_LOWER;
                    case 's': return K_S;
                    case 'k': return K_K;
                    case 'x': return K_X;
                    default: return K_OTHER;
                }
            case 2:
                return s.startsWith("id", from) ? K_ID : K_OTHER;
            case 3:
                return s.startsWith("msg", from) ? K_MSG : K_OTHER;
            case 4:
                return s.startsWith("data", from) ? K_DATA : s.startsWith("code", from) ? K_CODE : K_OTHER;
            case 5:
                return s.startsWith("error", from) ? K_ERROR : K_OTHER;
            case 6:
                return s.startsWith("stream", from) ? K_STREAM : s.startsWith("result", from) ? K_RESULT : K_OTHER;
            case 12:
                return s.startsWith("lastUpdateId", from) ? F_LAST_UPDATE_ID : K_OTHER;
            default:
                return K_OTHER;
        }
    }

    /** Slow path for keys written with escapes, e.g. {@code "\u0074"} is {@code "t"}. */
    private static int keyCode(String key) {
        switch (key) {
            case "t": return F_T;
            case "a": return F_A;
            case "f": return F_F;
            case "l": return F_L_LOWER;
            case "U": return F_U_UPPER;
            case "u": return F_U_LOWER;
            case "E": return F_E_UPPER;
            case "L": return F_L_UPPER;
            case "e": return K_E_LOWER;
            case "s": return K_S;
            case "k": return K_K;
            case "x": return K_X;
            case "id": return K_ID;
            case "msg": return K_MSG;
            case "data": return K_DATA;
            case "code": return K_CODE;
            case "error": return K_ERROR;
            case "stream": return K_STREAM;
            case "result": return K_RESULT;
            case "lastUpdateId": return F_LAST_UPDATE_ID;
            default: return K_OTHER;
        }
    }
}
