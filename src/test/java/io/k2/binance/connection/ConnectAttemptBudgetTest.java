package io.k2.binance.connection;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectAttemptBudgetTest {

    private static final long WINDOW = 300_000;

    @Test
    void allowsCapacityAttemptsAtOnceThenWaitsForTheOldestToken() {
        ConnectAttemptBudget budget = new ConnectAttemptBudget(3, WINDOW);
        assertThat(budget.delayBeforeAttempt(1_000)).isZero();
        assertThat(budget.delayBeforeAttempt(2_000)).isZero();
        assertThat(budget.delayBeforeAttempt(3_000)).isZero();
        assertThat(budget.delayBeforeAttempt(4_000)).isEqualTo(1_000 + WINDOW - 4_000);
        assertThat(budget.delayBeforeAttempt(4_000)).as("asking again takes nothing").isEqualTo(WINDOW - 3_000);
        assertThat(budget.delayBeforeAttempt(1_000 + WINDOW)).isZero();
        assertThat(budget.delayBeforeAttempt(1_000 + WINDOW)).isEqualTo(1_000);
    }

    @Test
    void noWindowEverHoldsMoreThanCapacityAttemptsAndNoAttemptIsRefusedNeedlessly() {
        // bursts and lulls of callers retrying the moment they are allowed, checked against an exact sliding log
        ConnectAttemptBudget budget = new ConnectAttemptBudget(300, WINDOW);
        Random random = new Random(5);
        Deque<Long> inWindow = new ArrayDeque<>();
        long now = 0;
        int refused = 0;
        for (int i = 0; i < 200_000; i++) {
            now += random.nextInt(10) == 0 ? random.nextInt(20_000) : random.nextInt(50);
            long delay = budget.delayBeforeAttempt(now);
            while (!inWindow.isEmpty() && inWindow.peekFirst() <= now - WINDOW) {
                inWindow.removeFirst();
            }
            if (delay == 0) {
                inWindow.addLast(now);
                assertThat(inWindow.size()).isLessThanOrEqualTo(300);
            } else {
                refused++;
                // refused only when the window is really full, and told to wait exactly until its oldest leaves
                assertThat(inWindow).hasSize(300);
                assertThat(delay).isEqualTo(inWindow.peekFirst() + WINDOW - now);
            }
        }
        assertThat(refused).as("the load must exceed the budget for this test to mean anything").isGreaterThan(1_000);
    }

    @Test
    void a429HoldsEveryAttemptUntilRetryAfter() {
        ConnectAttemptBudget budget = new ConnectAttemptBudget(300, WINDOW);
        budget.delayBeforeAttempt(0);
        budget.rejected(429, 30_000, 1_000);
        assertThat(budget.held(1_000)).isTrue();
        assertThat(budget.banned(1_000)).isFalse();
        assertThat(budget.heldUntilMillis()).isEqualTo(31_000);
        assertThat(budget.delayBeforeAttempt(11_000)).isEqualTo(20_000);
        assertThat(budget.attemptsInWindow(11_000)).as("held attempts take no token").isEqualTo(1);
        assertThat(budget.delayBeforeAttempt(31_000)).isZero();
        assertThat(budget.held(31_000)).isFalse();
        assertThat(budget.lastRejectedStatus()).isEqualTo(429);
    }

    @Test
    void a418IsABanHeldUntilRetryAfter() {
        ConnectAttemptBudget budget = new ConnectAttemptBudget(300, WINDOW);
        budget.rejected(418, 7_200_000, 0);
        assertThat(budget.banned(3_600_000)).isTrue();
        assertThat(budget.delayBeforeAttempt(3_600_000)).isEqualTo(3_600_000);
        assertThat(budget.banned(7_200_000)).isFalse();
    }

    @Test
    void withoutRetryAfterItHoldsForAWholeWindow() {
        ConnectAttemptBudget budget = new ConnectAttemptBudget(300, WINDOW);
        budget.rejected(429, -1, 5_000);
        assertThat(budget.heldUntilMillis()).isEqualTo(5_000 + WINDOW);
    }

    @Test
    void aLaterShorterRetryAfterDoesNotShortenAHold() {
        ConnectAttemptBudget budget = new ConnectAttemptBudget(300, WINDOW);
        budget.rejected(418, 600_000, 0);
        budget.rejected(429, 1_000, 10_000);
        assertThat(budget.heldUntilMillis()).isEqualTo(600_000);
    }

    @Test
    void otherStatusesAreRecordedButHoldNothing() {
        ConnectAttemptBudget budget = new ConnectAttemptBudget(300, WINDOW);
        budget.rejected(503, 60_000, 0);
        assertThat(budget.held(1)).isFalse();
        assertThat(budget.lastRejectedStatus()).isEqualTo(503);
        assertThat(budget.delayBeforeAttempt(1)).isZero();
    }

    @Test
    void threadsSharingItNeverGetMoreThanCapacityTokens() throws Exception {
        ConnectAttemptBudget budget = new ConnectAttemptBudget(100, WINDOW);
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 1_000; i++) {
                    if (budget.delayBeforeAttempt(42) == 0) {
                        granted.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(granted.get()).isEqualTo(100);
    }
}
