package io.k2.binance.e2e;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timer route routes/heap-give-back.camel.yaml is on by default and checks the heap on its period. Whether a
 * check gives heap back is HeapGiveBackTest's; here the heap of the test JVM is whatever it is, so only the
 * checks are counted.
 */
class HeapGiveBackRouteTest extends PipelineTestSupport {

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder()
                .symbols(List.of("btcusdt"))
                .ratePerSecond(20)
                .seed(5)
                .build());
    }

    @Override protected String topicPrefix() { return "heap-give-back"; }
    @Override protected String symbols() { return "btcusdt"; }
    @Override protected String streams() { return "trade"; }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = super.useOverridePropertiesWithPropertiesComponent();
        p.setProperty("k2.observe.heap-give-back-check-seconds", "5");
        return p;
    }

    @Test
    void theRouteIsStartedByDefaultAndChecksOnItsPeriod() {
        assertThat(context.getRouteController().getRouteStatus("heap-give-back")).isEqualTo(ServiceStatus.Started);
        NotifyBuilder twoChecks = new NotifyBuilder(context).fromRoute("heap-give-back").whenCompleted(2).create();
        // the first check 5 s after start, the second 5 s later: 30 s leaves room for a slow CI machine
        assertThat(twoChecks.matches(30, TimeUnit.SECONDS)).as("two checks done, none failed").isTrue();
    }
}
