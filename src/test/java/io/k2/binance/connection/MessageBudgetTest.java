package io.k2.binance.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBudgetTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    @Test
    void ourOwnMessagesGetAtMostFourPerWindowLeavingRoomForAPong() {
        MessageBudget budget = new MessageBudget();
        for (int i = 0; i < 4; i++) {
            assertThat(budget.tryControl(i * MS)).isTrue();
        }
        assertThat(budget.tryControl(4 * MS)).isFalse();
        budget.pongSent(5 * MS); // the 5th message is the pong's
        assertThat(budget.inWindow(5 * MS)).isEqualTo(5);
    }

    @Test
    void nanosUntilControlSaysWhenTheNextSubscribeMayGo() {
        MessageBudget budget = new MessageBudget(5, 1, SECOND);
        for (int i = 0; i < 4; i++) {
            budget.tryControl(i * 100 * MS); // at 0, 100, 200, 300 ms
        }
        long wait = budget.nanosUntilControl(500 * MS);
        assertThat(wait).isEqualTo(SECOND - 500 * MS + 1); // the one at 0 ms leaves just after 1 s
        assertThat(budget.tryControl(500 * MS + wait - 1)).isFalse();
        assertThat(budget.tryControl(500 * MS + wait)).isTrue();
    }

    @Test
    void pongsCountAgainstOurOwnMessages() {
        MessageBudget budget = new MessageBudget(5, 1, SECOND);
        budget.pongSent(0);
        budget.pongSent(10 * MS);
        budget.pongSent(20 * MS);
        assertThat(budget.tryControl(30 * MS)).isTrue();
        assertThat(budget.tryControl(40 * MS)).isFalse();
        assertThat(budget.nanosUntilControl(40 * MS)).isPositive();
    }

    @Test
    void pongsNeverWait() {
        MessageBudget budget = new MessageBudget(5, 1, SECOND);
        for (int i = 0; i < 4; i++) {
            budget.tryControl(i);
        }
        budget.pongSent(10); // no return value to refuse with: it is counted, and sent
        assertThat(budget.inWindow(10)).isEqualTo(5);
    }

    @Test
    void theDefaultWindowHasAMarginForNetworkJitter() {
        MessageBudget budget = new MessageBudget();
        for (int i = 0; i < 4; i++) {
            budget.tryControl(0);
        }
        assertThat(budget.tryControl(SECOND + MS)).as("1 s later is still inside the 1.1 s window").isFalse();
        assertThat(budget.tryControl(1_100 * MS + 1)).isTrue();
    }

    @Test
    void noOneSecondWindowEverHoldsMoreThanFiveWhateverTheMix() {
        // a caller that SUBSCRIBEs/pings whenever allowed, pongs at random moments (Binance pings at most once a
        // second; every 20 s in the docs), checked with an exact sliding 1 s window over everything sent
        Random random = new Random(11);
        for (int run = 0; run < 50; run++) {
            MessageBudget budget = new MessageBudget(5, 1, SECOND); // the bare 1 s window: the strict case
            List<Long> sent = new ArrayList<>();
            long now = 0;
            long lastPong = -SECOND;
            for (int step = 0; step < 20_000; step++) {
                now += random.nextInt(4) == 0 ? random.nextInt(400) * MS : random.nextInt(2_000_000);
                if (now - lastPong >= SECOND && random.nextInt(20) == 0) {
                    budget.pongSent(now);
                    sent.add(now);
                    lastPong = now;
                } else if (random.nextBoolean()) {
                    long wait = budget.nanosUntilControl(now);
                    boolean sentNow = budget.tryControl(now);
                    assertThat(sentNow).isEqualTo(wait == 0);
                    if (sentNow) {
                        sent.add(now);
                    }
                }
            }
            assertMaxPerWindow(sent, 5, SECOND);
            assertThat(sent.size()).as("controls must still flow").isGreaterThan((int) (now / SECOND) * 3);
        }
    }

    /** Every window [t - window, t] (inclusive: the strictest reading of "rolling second") holds at most max. */
    private static void assertMaxPerWindow(List<Long> times, int max, long window) {
        int from = 0;
        for (int to = 0; to < times.size(); to++) {
            while (times.get(to) - times.get(from) > window) {
                from++;
            }
            assertThat(to - from + 1).as("messages in the window ending at %d ns", times.get(to)).isLessThanOrEqualTo(max);
        }
    }
}
