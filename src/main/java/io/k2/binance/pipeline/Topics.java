package io.k2.binance.pipeline;

import java.util.EnumMap;
import java.util.Map;

import io.k2.binance.normalize.EventType;

/** The Kafka topic of each event type, and the dead-letter topic (k2.kafka.topic.*). */
public final class Topics {

    private final Map<EventType, String> byType;
    private final String deadLetter;

    public Topics(Map<EventType, String> byType, String deadLetter) {
        this.byType = new EnumMap<>(byType);
        this.deadLetter = deadLetter;
        for (EventType t : EventType.values()) {
            if (!this.byType.containsKey(t)) {
                throw new IllegalArgumentException("no topic for event type " + t.streamType());
            }
        }
    }

    public String of(EventType type) {
        return byType.get(type);
    }

    public String deadLetter() {
        return deadLetter;
    }
}
