package io.k2.binance.e2e;

import org.junit.jupiter.api.Tag;

/**
 * {@link KafkaDownLongerThanDeliveryTimeoutDeadLettersTest} at the full length: the default delivery
 * timeout (120 s) and the broker down for 3 minutes. Run with
 * {@code mvn -Psoak test -Dtest=KafkaDownLongerThanDeliveryTimeoutSoakTest}; {@code -Dk2.soak.down-seconds=N}
 * and {@code -Dk2.soak.delivery-timeout-seconds=N} change them (keep the outage between one and two timeouts).
 */
@Tag("soak")
class KafkaDownLongerThanDeliveryTimeoutSoakTest extends KafkaDownLongerThanDeliveryTimeoutDeadLettersTest {

    @Override protected String topicPrefix() { return "down-mid-stream-soak"; }
    @Override protected int deliveryTimeoutSeconds() { return param("k2.soak.delivery-timeout-seconds", 120); }
    @Override protected int downSeconds() { return param("k2.soak.down-seconds", 180); }
}
