package io.k2.binance.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Responses, errors and serverShutdown (§1, §3). */
class FrameScannerControlFramesTest {

    private final FrameScanner scanner = new FrameScanner();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"result\":null,\"id\":1}|1",
        "{\"result\":[\"btcusdt@aggTrade\"],\"id\":3}|3",
        "{\"result\":true,\"id\":2}|2",
        "{\"id\":-9223372036854775808,\"result\":{\"a\":[1,{\"b\":null}]}}|-9223372036854775808",
        "{\"result\":null,\"id\":\"a1b2c3d4-0000-0000-0000-000000000000\"}|a1b2c3d4-0000-0000-0000-000000000000",
        "{\"result\":null,\"id\":\"s\\\"q\"}|s\"q",
    })
    void responsesCarryTheirRequestId(String frame, String id) {
        FrameScan scan = scanner.scan(frame);
        assertThat(scan.kind()).isEqualTo(FrameScan.Kind.RESPONSE);
        assertThat(scan.requestId()).isEqualTo(id);
        assertThat(scan.hasRequestId()).isTrue();
        JacksonFrameReference.assertAgrees(scan, frame, null);
    }

    @Test
    void aNullIdIsAResponseWithoutId() {
        FrameScan scan = scanner.scan("{\"result\":null,\"id\":null}");
        assertThat(scan.kind()).isEqualTo(FrameScan.Kind.RESPONSE);
        assertThat(scan.requestId()).isNull();
        assertThat(scan.hasRequestId()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"result\":null}", "{\"id\":1}", "{\"result\":null,\"id\":true}",
        "{\"result\":null,\"id\":[1]}", "{\"error\":\"bad\",\"id\":1}", "{\"error\":{\"code\":\"2\"},\"id\":1}",
        "{\"error\":{\"code\":2.5},\"id\":1}", "{\"error\":{\"msg\":\"x\"},\"id\":1}", "{}", "[]", "\"x\"", "42",
        "{\"stream\":\"btcusdt@trade\"}", "{\"stream\":5,\"data\":{}}", "{\"stream\":\"btcusdt@trade\",\"data\":5}"})
    void otherShapesAreUnrecognised(String frame) {
        FrameScan scan = scanner.scan(frame);
        assertThat(scan.kind()).isEqualTo(FrameScan.Kind.UNRECOGNISED);
        JacksonFrameReference.assertAgrees(scan, frame, null);
    }

    @Test
    void errorsCarryCodeMessageAndId() {
        FrameScan scan = scanner.scan("{\"id\":\"req-7\",\"error\":{\"code\":2,\"msg\":\"Invalid request: invalid stream\"}}");
        assertThat(scan.kind()).isEqualTo(FrameScan.Kind.ERROR_RESPONSE);
        assertThat(scan.requestId()).isEqualTo("req-7");
        assertThat(scan.errorCode()).isEqualTo(2);
        assertThat(scan.errorMessage()).isEqualTo("Invalid request: invalid stream");
    }

    @Test
    void anErrorWithoutIdIsStillAnError() {
        // Binance cannot echo an id it failed to parse (code 3, bad JSON)
        FrameScan scan = scanner.scan("{\"error\":{\"code\":3,\"msg\":\"Invalid JSON: expected value at line 1 column 1\"}}");
        assertThat(scan.kind()).isEqualTo(FrameScan.Kind.ERROR_RESPONSE);
        assertThat(scan.errorCode()).isEqualTo(3);
        assertThat(scan.hasRequestId()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"e\":\"serverShutdown\",\"E\":1770123456789}",
        "{\"E\":1770123456789,\"e\":\"serverShutdown\"}",
        "{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\",\"E\":1770123456789}}",
        "{\"data\":{\"E\":1770123456789,\"e\":\"serverShutdown\"},\"stream\":\"!serverShutdown\"}",
        "{\"stream\":\"!serverShutdown\",\"data\":{}}",
        "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"serverShutdown\",\"E\":1}}",
    })
    void serverShutdownRawOrCombined(String frame) {
        FrameScan scan = scanner.scan(frame);
        assertThat(scan.kind()).isEqualTo(FrameScan.Kind.SERVER_SHUTDOWN);
        JacksonFrameReference.assertAgrees(scan, frame, null);
    }

    @Test
    void aRawConnectionsPayloadsWithoutEventTypeAreItsData() {
        String bookTicker = "{\"u\":400900217,\"s\":\"BNBUSDT\",\"b\":\"25.35190000\",\"B\":\"31.21000000\"}";
        assertThat(scanner.scan(bookTicker).kind()).isEqualTo(FrameScan.Kind.UNRECOGNISED);
        FrameScan raw = scanner.scan(bookTicker, "bnbusdt@bookTicker");
        assertThat(raw.kind()).isEqualTo(FrameScan.Kind.DATA);
        assertThat(raw.position()).isEqualTo(io.k2.binance.sequence.Position.bookTicker(400900217));
        // a response on a raw connection is still a response
        assertThat(scanner.scan("{\"result\":null,\"id\":1}", "bnbusdt@bookTicker").kind())
                .isEqualTo(FrameScan.Kind.RESPONSE);
    }
}
