package io.k2.binance.pipeline;

import io.k2.binance.connection.BinanceFrame;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dead letter's value is what arrived, byte for byte: the original bytes of a message that was not valid
 * UTF-8 (not its U+FFFD-decoded text), and the head of an oversized one with its full size in a header.
 */
class DeadLetterKeepsTheBytesThatArrivedTest {

    private final DeadLetters deadLetters = new DeadLetters("dl");

    private Exchange letter(BinanceFrame frame) {
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        deadLetters.make(e, frame, "malformed_json", "bad");
        return e;
    }

    @Test
    void invalidUtf8StaysAsItArrived() {
        byte[] arrived = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        BinanceFrame frame = new BinanceFrame("{\"a\":\"\uFFFD(\"}", arrived, null, "c-1", 1, 0);
        Exchange e = letter(frame);
        assertThat(e.getIn().getBody(byte[].class)).containsExactly(arrived);
        assertThat(e.getIn().getHeader(PipelineHeaders.TRUNCATED)).isNull();
    }

    @Test
    void anOversizedMessageKeepsItsHeadAndSaysItsFullSize() {
        String head = "x".repeat(1000);
        BinanceFrame frame = new BinanceFrame(head, null, "btcusdt@trade", "c-1", 1, 5_000_000);
        Exchange e = letter(frame);
        assertThat(e.getIn().getBody(byte[].class)).hasSize(1000);
        assertThat(e.getIn().getHeader(PipelineHeaders.TRUNCATED)).isEqualTo("true");
        assertThat(e.getIn().getHeader(PipelineHeaders.FRAME_BYTES)).isEqualTo("5000000");
    }
}
