package io.k2.binance.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.k2.binance.testing.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A graceful stop and start keeps the address and every acknowledged record. */
@Timeout(180)
class RestartKeepsDataTest {

    @RegisterExtension
    static KafkaBrokerExtension kafka = KafkaBrokerExtension.dedicated();

    @Test
    void recordsSurviveARestartOnTheSameAddress() throws Exception {
        kafka.createTopic("kept", 3);
        TestRecords.produce(kafka.bootstrapServers(), "kept", 0, 300);
        String before = kafka.bootstrapServers();

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        kafka.restart();

        assertThat(kafka.isRunning()).isTrue();
        assertThat(kafka.bootstrapServers()).isEqualTo(before);
        assertThat(TestRecords.values(kafka.consumeAll("kept", 300, Duration.ofSeconds(60))))
                .containsExactlyInAnyOrderElementsOf(TestRecords.expectedValues(0, 300));
    }
}
