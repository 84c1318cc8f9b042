package io.k2.binance.observe;

import java.util.Collection;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Camel 4.17's Micrometer service registers {@code app.info} (tags camel.version, camel.context,
 * camel.runtime.provider, camel.runtime.version) with {@code MeterRegistry.gaugeCollectionSize} over a new list
 * that nothing else refers to. Micrometer holds a gauge's object weakly, so after the first GC {@code app_info}
 * reads NaN for good (found by NoGaugeReadsNaNAfterGcTest). This puts it back with the same name, tags and value
 * (the size of an empty list, 0) over a list that is held strongly. Camel registers it only when it is missing,
 * so it stays replaced.
 */
public final class CamelAppInfoGauge {

    private static final String NAME = "app.info";

    private CamelAppInfoGauge() {
    }

    /** Replaces Camel's app.info gauge, if there is one, by one whose object cannot be collected. */
    public static void holdStrongly(MeterRegistry registry) {
        for (Gauge camels : registry.find(NAME).gauges()) {
            Meter.Id id = camels.getId();
            registry.remove(camels);
            Gauge.builder(NAME, List.of(), Collection::size).tags(id.getTags()).description(id.getDescription())
                    .baseUnit(id.getBaseUnit()).strongReference(true).register(registry);
        }
    }
}
