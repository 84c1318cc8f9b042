package io.k2.binance.normalize;

import io.k2.marketdata.TradeV2;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** platform_sequence counts accepted events per symbol, from 1, in one normalizer instance. */
class PlatformSequenceTest {

    private static long seq(NormalizedEvent e) {
        return (Long) e.record().get("platform_sequence");
    }

    @Test
    void increasesPerSymbolAcrossEventTypes() {
        BinanceNormalizer n = Fixtures.normalizer();
        assertThat(seq(n.normalize(Fixtures.line(1), null, Fixtures.RECEIVED_AT))).isEqualTo(1);   // NKNUSDT depth
        assertThat(seq(n.normalize(Fixtures.line(24), null, Fixtures.RECEIVED_AT))).isEqualTo(1);  // BTCUSDT trade
        assertThat(seq(n.normalize(Fixtures.line(8), null, Fixtures.RECEIVED_AT))).isEqualTo(2);   // NKNUSDT quote
        assertThat(seq(n.normalize(Fixtures.line(11), null, Fixtures.RECEIVED_AT))).isEqualTo(3);  // NKNUSDT aggTrade
    }

    @Test
    void rejectedFramesDoNotConsumeANumber() {
        BinanceNormalizer n = Fixtures.normalizer();
        n.normalize(Fixtures.line(26), null, Fixtures.RECEIVED_AT);
        try {
            n.normalize(Fixtures.line(27).replace("\"p\":\"109849.68000000\"", "\"p\":\"-1\""), null, Fixtures.RECEIVED_AT);
        } catch (BadInputException expected) {
            // absurd price
        }
        TradeV2 t = (TradeV2) n.normalize(Fixtures.line(28), null, Fixtures.RECEIVED_AT).record();
        assertThat(t.getPlatformSequence()).isEqualTo(2);
    }

    @Test
    void aNewInstanceStartsAgain() {
        BinanceNormalizer first = Fixtures.normalizer();
        first.normalize(Fixtures.line(26), null, Fixtures.RECEIVED_AT);
        first.normalize(Fixtures.line(27), null, Fixtures.RECEIVED_AT);
        assertThat(seq(Fixtures.normalizer().normalize(Fixtures.line(28), null, Fixtures.RECEIVED_AT))).isEqualTo(1);
    }

    @Test
    void concurrentCallersNeverShareOrSkipANumber() throws Exception {
        BinanceNormalizer n = Fixtures.normalizer();
        int perThread = 5_000;
        java.util.concurrent.ConcurrentLinkedQueue<Long> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Runnable work = () -> {
            for (int i = 0; i < perThread; i++) {
                seen.add(seq(n.normalize(Fixtures.line(24), null, Fixtures.RECEIVED_AT)));
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        assertThat(new java.util.TreeSet<>(seen)).hasSize(2 * perThread).first().isEqualTo(1L);
        assertThat(new java.util.TreeSet<>(seen).last()).isEqualTo(2L * perThread);
    }
}
