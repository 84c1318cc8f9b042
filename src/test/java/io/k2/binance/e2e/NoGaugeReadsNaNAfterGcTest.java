package io.k2.binance.e2e;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.k2.binance.observe.MetricNames;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.SimulatorConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Micrometer holds the object a gauge (or a function counter or timer) reads only weakly, unless told
 * otherwise; once that object is collected the meter reads NaN for good. The first RSS gauge did that after
 * the first GC. This runs the whole app, forces collections until a weakly held control gauge has gone NaN (so
 * the collections did clear weak references), and then requires every such meter the app registered to still
 * read a number.
 */
class NoGaugeReadsNaNAfterGcTest extends PipelineTestSupport {

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder()
                .symbols(List.of("btcusdt", "ethusdt"))
                .ratePerSecond(50)
                .seed(11)
                .build());
    }

    @Override protected String topicPrefix() { return "gauges-gc"; }
    @Override protected String symbols() { return "btcusdt,ethusdt"; }
    @Override protected String streams() { return "trade,bookTicker"; }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    /** What a function-tracking meter reads now: NaN once its object has been collected. */
    private static double read(Meter meter) {
        if (meter instanceof Gauge g) {
            return g.value();
        }
        if (meter instanceof TimeGauge t) {
            return t.value(TimeUnit.SECONDS);
        }
        if (meter instanceof FunctionCounter c) {
            return c.count();
        }
        if (meter instanceof FunctionTimer t) {
            return t.count();
        }
        return 0;
    }

    @Test
    void noGaugeTheAppRegisteredReadsNaNAfterGarbageCollections() {
        // the app running: connections, the pipeline, the memory monitor's gauges all registered
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics().total(MetricNames.RECORDS_ACKED) >= 50
                && metrics().registry().find(MetricNames.LEAK_SCORE).gauge() != null);
        MeterRegistry registry = metrics().registry();
        long gauges = registry.getMeters().stream().filter(m -> m instanceof Gauge).count();
        assertThat(gauges).as("gauges registered").isGreaterThan(20);

        // the control: held weakly, as the first RSS gauge's object was
        Gauge control = Gauge.builder("k2.test.weakly.held", new AtomicLong(42), AtomicLong::get).register(registry);
        assertThat(control.value()).isEqualTo(42);
        long before = collections();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            System.gc();
            return collections() >= before + 2 && Double.isNaN(control.value());
        });
        registry.remove(control);

        TreeSet<String> nan = new TreeSet<>();
        for (Meter m : registry.getMeters()) {
            if (Double.isNaN(read(m))) {
                nan.add(m.getId().getName() + m.getId().getTags());
            }
        }
        assertThat(nan).as("meters reading NaN after GC (an object held weakly and collected)").isEmpty();
        // and the memory gauges in particular still read the process
        assertThat(registry.get(MetricNames.PROCESS_MEMORY_RSS).gauge().value()).isPositive();
        assertThat(registry.get(MetricNames.PROCESS_RSS).gauge().value()).isPositive();
    }
}
