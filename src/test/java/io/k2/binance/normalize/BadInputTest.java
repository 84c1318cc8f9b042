package io.k2.binance.normalize;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each kind of bad frame gets its reason and a message naming the problem. */
class BadInputTest {

    private static final String TRADE = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1762578805373,"
            + "\"s\":\"BTCUSDT\",\"t\":5455447976,\"p\":\"102571.17000000\",\"q\":\"0.00100000\",\"T\":1762578805372,\"m\":true}}";

    private final BinanceNormalizer normalizer = Fixtures.normalizer();

    private BadInputException reject(String frame) {
        BadInputException e = catchThrowableOfType(BadInputException.class,
                () -> normalizer.normalize(frame, null, Fixtures.RECEIVED_AT));
        assertThat(e).as("frame %s should be rejected", frame).isNotNull();
        return e;
    }

    /** The valid trade with one token replaced. */
    private static String trade(String from, String to) {
        assertThat(TRADE).contains(from);
        return TRADE.replace(from, to);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "truncated          | {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\"    | malformed JSON",
            "not json           | hello                                                      | malformed JSON",
            "empty              | ''                                                         | empty frame",
            "trailing garbage   | {\"result\":null,\"id\":1} x                             | malformed JSON",
            "bare number        | 42                                                         | not an object"})
    void malformedJson(String name, String frame, String message) {
        BadInputException e = reject(frame);
        assertThat(e.reason()).isEqualTo(BadInputReason.MALFORMED_JSON);
        assertThat(e.getMessage()).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "miniTicker  | {\"e\":\"24hrMiniTicker\",\"E\":1762578803031,\"s\":\"BTCUSDT\",\"c\":\"1\"}             | 24hrMiniTicker",
            "avgPrice    | {\"stream\":\"btcusdt@avgPrice\",\"data\":{\"e\":\"avgPrice\",\"E\":1,\"s\":\"BTCUSDT\"}} | avgPrice",
            "future type | {\"e\":\"somethingNew\",\"E\":1762578803031,\"s\":\"BTCUSDT\"}                          | somethingNew",
            "array       | {\"stream\":\"!miniTicker@arr\",\"data\":[{\"e\":\"24hrMiniTicker\"}]}                 | !miniTicker@arr",
            "no type     | {\"x\":1}                                                                              | no event type"})
    void unknownEvents(String name, String frame, String message) {
        BadInputException e = reject(frame);
        assertThat(e.reason()).isEqualTo(BadInputReason.UNKNOWN_EVENT);
        assertThat(e.getMessage()).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "!ticker@arr | {\"stream\":\"!ticker@arr\",\"data\":[]}",
            "!bookTicker | {\"stream\":\"!bookTicker\",\"data\":{\"u\":1,\"s\":\"BTCUSDT\",\"b\":\"1\",\"B\":\"1\",\"a\":\"1\",\"A\":\"1\"}}"})
    void retiredStreams(String stream, String frame) {
        BadInputException e = reject(frame);
        assertThat(e.reason()).isEqualTo(BadInputReason.RETIRED_STREAM);
        assertThat(e.getMessage()).contains(stream).contains("retired");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "error frame       | {\"error\":{\"code\":2,\"msg\":\"Invalid request: invalid stream\"},\"id\":2} | invalid stream",
            "id before error   | {\"id\":\"abc\",\"error\":{\"msg\":\"Unknown property\",\"code\":0}}        | Unknown property",
            "error as array    | {\"error\":[1,{\"x\":2}],\"id\":9}                                            | request id 9"})
    void exchangeErrors(String name, String frame, String message) {
        BadInputException e = reject(frame);
        assertThat(e.reason()).isEqualTo(BadInputReason.EXCHANGE_ERROR);
        assertThat(e.getMessage()).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no price        | ,\"p\":\"102571.17000000\" |                   | 'p'",
            "null price      | \"102571.17000000\"        | null              | 'p' is null",
            "no trade time   | ,\"T\":1762578805372       |                   | 'T'",
            "no trade id     | \"t\":5455447976,          |                   | 't'",
            "null symbol     | \"BTCUSDT\"                | null              | 's'",
            "no event type   | \"e\":\"trade\",           |                   | 'e'",
            "no data         | ,\"data\":{\"e\"           | ,\"x\":{\"e\"     | 'data'"})
    void missingFields(String name, String from, String to, String message) {
        BadInputException e = reject(trade(from, to == null ? "" : to));
        assertThat(e.reason()).isEqualTo(BadInputReason.MISSING_FIELD);
        assertThat(e.getMessage()).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "word price      | \"102571.17000000\" | \"abc\"          | p: 'abc'",
            "exponent price  | \"102571.17000000\" | \"1e5\"          | p: '1e5'",
            "two dots        | \"0.00100000\"      | \"0.1.0\"        | q: '0.1.0'",
            "string id       | 5455447976          | \"5455447976\"   | t: expected an integer",
            "float id        | 5455447976          | 5455447976.5     | t: expected an integer",
            "object time     | 1762578805372       | {}               | T: expected an integer",
            "text maker flag | \"m\":true          | \"m\":\"yes\"    | m: expected true or false"})
    void nonNumeric(String name, String from, String to, String message) {
        BadInputException e = reject(trade(from, to));
        assertThat(e.reason()).isEqualTo(BadInputReason.NON_NUMERIC);
        assertThat(e.getMessage()).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "negative price     | \"102571.17000000\" | \"-1.0\"                  | p: -1",
            "zero price         | \"102571.17000000\" | \"0.00000000\"            | p: 0",
            "zero quantity      | \"0.00100000\"      | \"0\"                     | q: 0",
            "nine decimals      | \"0.00100000\"      | \"0.001000001\"           | more than 8 decimals",
            "31 integer digits  | \"102571.17000000\" | \"1234567890123456789012345678901\" | integer digits",
            "negative id        | 5455447976          | -5                        | t: -5 is negative",
            "id beyond 64 bits  | 5455447976          | 18446744073709551616      | 64-bit",
            "time before 2017   | 1762578805372       | 1262304000000             | before 2017-07-01",
            "time in the future | 1762578805372       | 1895000000000             | more than 1 day after",
            "unknown symbol     | \"BTCUSDT\"         | \"ZZZQQQ\"                | unknown symbol ZZZQQQ"})
    void absurdValues(String name, String from, String to, String message) {
        BadInputException e = reject(trade(from, to));
        assertThat(e.reason()).isEqualTo(BadInputReason.ABSURD_VALUE);
        assertThat(e.getMessage()).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "negative depth qty   | [[\"1.0\",\"-2\"]]         | ABSURD_VALUE  | b[0].quantity: -2",
            "zero depth price     | [[\"0\",\"2\"]]            | ABSURD_VALUE  | b[0].price: 0",
            "short level          | [[\"1.0\"]]                | MISSING_FIELD | b[0]",
            "word in level        | [[\"1.0\",\"2\"],[\"x\",\"1\"]] | NON_NUMERIC | b[1].price: 'x'",
            "level not an array   | [\"1.0\"]                  | NON_NUMERIC   | b[0]"})
    void badDepthLevels(String name, String bids, BadInputReason reason, String message) {
        String frame = "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1765107346014,"
                + "\"s\":\"BTCUSDT\",\"U\":1,\"u\":2,\"b\":" + bids + ",\"a\":[]}}";
        BadInputException e = reject(frame);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "kline f -2       | \"f\":-1 | \"f\":-2 | ABSURD_VALUE  | k.f: -2",
            "kline no close   | ,\"x\":false | ''  | MISSING_FIELD | 'k.x'",
            "kline no interval| \"i\":\"1s\", | '' | MISSING_FIELD | 'k.i'"})
    void badKlines(String name, String from, String to, BadInputReason reason, String message) {
        String kline = "{\"stream\":\"btcusdt@kline_1s\",\"data\":{\"e\":\"kline\",\"E\":1653818762502,\"s\":\"BTCUSDT\","
                + "\"k\":{\"t\":1653818762000,\"T\":1653818762999,\"s\":\"BTCUSDT\",\"i\":\"1s\",\"f\":-1,\"L\":-1,"
                + "\"o\":\"1\",\"c\":\"1\",\"h\":\"1\",\"l\":\"1\",\"v\":\"0\",\"n\":0,\"x\":false,\"q\":\"0\",\"V\":\"0\",\"Q\":\"0\"}}}";
        assertThat(kline).contains(from);
        BadInputException e = reject(kline.replace(from, to));
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).contains(message);
    }

    @org.junit.jupiter.api.Test
    void snapshotWithoutStreamCannotBeAttributed() {
        BadInputException e = reject("{\"lastUpdateId\":160,\"bids\":[],\"asks\":[]}");
        assertThat(e.reason()).isEqualTo(BadInputReason.MISSING_FIELD);
        assertThat(e.getMessage()).contains("stream");
    }

    @org.junit.jupiter.api.Test
    void aggTradeWithReversedRangeIsAbsurd() {
        String frame = Fixtures.line(11).replace("\"f\":19862790", "\"f\":19862791");
        BadInputException e = reject(frame);
        assertThat(e.reason()).isEqualTo(BadInputReason.ABSURD_VALUE);
        assertThat(e.getMessage()).contains("f (19862791) is after l (19862790)");
    }
}
