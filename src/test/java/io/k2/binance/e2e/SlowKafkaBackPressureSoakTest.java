package io.k2.binance.e2e;

import org.junit.jupiter.api.Tag;

/**
 * {@link SlowKafkaBackPressureStaysBoundedTest} at the length and the production settings: back-pressure
 * for 90 s (more than a minute, Binance's pong deadline), the default 10 s pause, 10,000 queue, 50,000 in
 * flight, and the simulator's heartbeat as Binance documents it (ping every 20 s, pong within 60 s). Run with
 * {@code mvn -Psoak test -Dtest=SlowKafkaBackPressureSoakTest}; {@code -Dk2.soak.slow-seconds=N} changes it.
 */
@Tag("soak")
class SlowKafkaBackPressureSoakTest extends SlowKafkaBackPressureStaysBoundedTest {

    @Override protected String topicPrefix() { return "slow-kafka-soak"; }
    @Override protected int slowSeconds() { return param("k2.soak.slow-seconds", 90); }
    @Override protected int maxPauseSeconds() { return param("k2.soak.max-pause-seconds", 10); }
    @Override protected int pongTimeoutSeconds() { return param("k2.soak.pong-timeout-seconds", 60); }
    @Override protected int pingIntervalSeconds() { return param("k2.soak.ping-interval-seconds", 20); }
    @Override protected int queueCapacity() { return param("k2.soak.queue-capacity", 10_000); }
    @Override protected int maxInflight() { return param("k2.soak.max-inflight", 50_000); }
}
