package io.k2.binance.e2e;

import org.junit.jupiter.api.Tag;

/**
 * {@link KafkaDownAtStartupKeepsTheConnectionAliveTest} at the full length and the production settings:
 * the broker down for 90 s after start-up, the default 10 s pause and 10,000-frame queue, and the simulator's
 * heartbeat as Binance documents it (ping every 20 s, pong due within 60 s). Run with
 * {@code mvn -Psoak test -Dtest=KafkaDownAtStartupSoakTest}; {@code -Dk2.soak.outage-seconds=N} changes the outage.
 */
@Tag("soak")
class KafkaDownAtStartupSoakTest extends KafkaDownAtStartupKeepsTheConnectionAliveTest {

    @Override protected String topicPrefix() { return "down-at-start-soak"; }
    @Override protected int outageSeconds() { return param("k2.soak.outage-seconds", 90); }
    @Override protected int maxPauseSeconds() { return param("k2.soak.max-pause-seconds", 10); }
    @Override protected int pongTimeoutSeconds() { return param("k2.soak.pong-timeout-seconds", 60); }
    @Override protected int pingIntervalSeconds() { return param("k2.soak.ping-interval-seconds", 20); }
    @Override protected int queueCapacity() { return param("k2.soak.queue-capacity", 10_000); }
}
