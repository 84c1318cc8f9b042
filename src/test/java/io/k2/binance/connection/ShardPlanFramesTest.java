package io.k2.binance.connection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SUBSCRIBE/UNSUBSCRIBE batching under the ~4 KB frame limit (§2) and the combined-URL threshold (§1). */
class ShardPlanFramesTest {

    private static List<String> aggTrades(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.format("sym%05dusdt@aggTrade", i));
        }
        return out;
    }

    @Test
    void framesStayUnderTheLimitCarryEveryStreamOnceInOrderWithConsecutiveIds() throws Exception {
        List<String> streams = aggTrades(1024);
        List<String> frames = ShardPlan.subscribeFrames(streams, 41, ShardPlan.MAX_CONTROL_FRAME_BYTES);
        List<String> carried = new ArrayList<>();
        long id = 41;
        for (String frame : frames) {
            assertThat(frame.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4000).isLessThan(4096);
            JsonNode node = JacksonFrameReference.MAPPER.readTree(frame);
            assertThat(node.get("method").asText()).isEqualTo("SUBSCRIBE");
            assertThat(node.get("id").asLong()).isEqualTo(id++);
            node.get("params").forEach(p -> carried.add(p.asText()));
        }
        assertThat(carried).isEqualTo(streams);
        assertThat(frames).hasSizeLessThan(10); // batched, not one per stream: each frame costs a message
    }

    @Test
    void framesAreFilledAsFullAsTheLimitAllows() {
        List<String> frames = ShardPlan.subscribeFrames(aggTrades(1024), 1, 4000);
        for (String frame : frames.subList(0, frames.size() - 1)) {
            int bytes = frame.length();
            // the next name (25 bytes with quotes and comma) would not have fitted
            assertThat(bytes + 25).isGreaterThan(4000);
        }
    }

    @Test
    void theExactShapeBinanceExpects() {
        assertThat(ShardPlan.subscribeFrames(List.of("btcusdt@aggTrade", "btcusdt@depth"), 1, 4000))
                .containsExactly("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\",\"btcusdt@depth\"],\"id\":1}");
        assertThat(ShardPlan.unsubscribeFrames(List.of("btcusdt@depth"), 312, 4000))
                .containsExactly("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@depth\"],\"id\":312}");
        assertThat(ShardPlan.subscribeFrames(List.of(), 1, 4000)).isEmpty();
    }

    @Test
    void theLimitIsCountedInUtf8BytesAndIncludesTheGrowingId() {
        List<String> streams = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            streams.add("币安" + i + "usdt@trade"); // 3 bytes per CJK char
        }
        for (int limit : new int[] {100, 101, 150, 999, 4000}) {
            for (String frame : ShardPlan.subscribeFrames(streams, 9_999_990, limit)) {
                assertThat(frame.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(limit);
            }
        }
    }

    @Test
    void aNameThatCannotFitIsRejected() {
        assertThatThrownBy(() -> ShardPlan.subscribeFrames(List.of("x".repeat(100)), 1, 80))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shortStreamListsFitTheUrl() {
        String base = "wss://stream.binance.com:9443";
        List<String> streams = List.of("btcusdt@trade", "ethusdt@depth@100ms");
        assertThat(ShardPlan.fitsInUrl(base, streams)).isTrue();
        assertThat(ShardPlan.combinedUrl(base + "/", streams))
                .isEqualTo("wss://stream.binance.com:9443/stream?streams=btcusdt@trade/ethusdt@depth@100ms");
    }

    @Test
    void theUrlThresholdIsTwoThousandChars() {
        String base = "wss://stream.binance.com:9443";
        List<String> streams = new ArrayList<>();
        while (ShardPlan.combinedUrl(base, streams.isEmpty() ? List.of("x") : streams).length() < 2_000 - 20) {
            streams.add(String.format("s%04dusdt@trade", streams.size()));
        }
        int length = ShardPlan.combinedUrl(base, streams).length();
        assertThat(ShardPlan.fitsInUrl(base, streams)).isEqualTo(length <= 2_000);
        // pad to exactly 2000, then one more char
        String pad = "p".repeat(2_000 - length);
        List<String> exact = new ArrayList<>(streams);
        exact.set(0, pad + exact.get(0));
        assertThat(ShardPlan.combinedUrl(base, exact)).hasSize(2_000);
        assertThat(ShardPlan.fitsInUrl(base, exact)).isTrue();
        exact.set(0, "q" + exact.get(0));
        assertThat(ShardPlan.fitsInUrl(base, exact)).isFalse();
    }

    @Test
    void aThousandStreamsDoNotFitAndNoStreamsHaveNoUrl() {
        assertThat(ShardPlan.fitsInUrl("wss://stream.binance.com:9443", aggTrades(1000))).isFalse();
        assertThat(ShardPlan.fitsInUrl("wss://stream.binance.com:9443", List.of())).isFalse();
    }

    @Test
    void nonAsciiNamesCountTheirPercentEncodedLength() {
        String base = "wss://x";
        // 币 is 3 UTF-8 bytes, so 9 chars once percent-encoded: 222 of them are 1998 chars plus the rest
        String name = "币".repeat(222) + "@trade";
        assertThat(ShardPlan.combinedUrl(base, List.of(name)).length()).isLessThan(2_000);
        assertThat(ShardPlan.fitsInUrl(base, List.of(name))).isFalse();
    }
}
