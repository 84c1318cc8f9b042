package io.k2.binance.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.k2.binance.testing.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** After a SIGKILL (no shutdown at all) the broker recovers its log on restart and takes writes again. */
@Timeout(180)
class KillThenRestartRecoversTest {

    @RegisterExtension
    static KafkaBrokerExtension kafka = KafkaBrokerExtension.dedicated();

    @Test
    void acknowledgedRecordsSurviveAKillAndNewOnesAreAccepted() throws Exception {
        kafka.createTopic("crash", 1);
        TestRecords.produce(kafka.bootstrapServers(), "crash", 0, 1000);

        kafka.kill();
        assertThat(kafka.isRunning()).isFalse();
        kafka.restart();

        assertThat(TestRecords.values(kafka.consumeAll("crash", 1000, Duration.ofSeconds(60))))
                .containsExactlyElementsOf(TestRecords.expectedValues(0, 1000));
        TestRecords.produce(kafka.bootstrapServers(), "crash", 1000, 10);
        assertThat(kafka.consumeAll("crash", 1010, Duration.ofSeconds(60))).hasSize(1010);
    }
}
