package io.k2.binance.gap;

import io.k2.binance.sequence.GapCause;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gap notice text reads back to what was written, and the connection origin maps to a cause. */
class GapNoticeTest {

    @Test
    void roundTrips() {
        GapNotice n = new GapNotice(GapNotice.CLOSED, "btcusdt@aggTrade:10-12", "BTCUSDT", "btcusdt@aggTrade", "aggTrade",
                10, 12, 100L, 104L, 1_700_000_000_000_000L, "reconnect", "ab12-3", GapNotice.GIVEN_UP, "rest_banned", 1,
                false, null, 1_700_000_000_500_000L, "ab12");
        assertThat(GapNotice.parse(n.toJson())).isEqualTo(n);
    }

    @Test
    void textThatIsNotANoticeIsRefused() {
        assertThatThrownBy(() -> GapNotice.parse("{\"stream\":\"btcusdt@trade\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GapNotice.parse("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCauseFollowsWhyTheConnectionWasOpened() {
        assertThat(GapCause.ofConnectionOrigin("close_1006")).isEqualTo(GapCause.RECONNECT);
        assertThat(GapCause.ofConnectionOrigin("connect_failed")).isEqualTo(GapCause.RECONNECT);
        assertThat(GapCause.ofConnectionOrigin("pong_timeout")).isEqualTo(GapCause.STALL);
        assertThat(GapCause.ofConnectionOrigin("stale")).isEqualTo(GapCause.STALL);
        assertThat(GapCause.ofConnectionOrigin("stream_stale")).isEqualTo(GapCause.STALL);
        assertThat(GapCause.ofConnectionOrigin("lifetime")).isEqualTo(GapCause.ROTATION_SEAM);
        assertThat(GapCause.ofConnectionOrigin("server_shutdown")).isEqualTo(GapCause.ROTATION_SEAM);
        assertThat(GapCause.ofConnectionOrigin("start")).isEqualTo(GapCause.UNKNOWN);
    }
}
