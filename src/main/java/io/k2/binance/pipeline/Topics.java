package io.k2.binance.pipeline;

import java.util.EnumMap;
import java.util.Map;

import io.k2.binance.normalize.EventType;

/** The Kafka topic of each event type, the gaps topic and the dead-letter topic (k2.kafka.topic.*). */
public final class Topics {

    private final Map<EventType, String> byType;
    private final String deadLetter;
    private final String gaps;

    public Topics(Map<EventType, String> byType, String gaps, String deadLetter) {
        this.byType = new EnumMap<>(byType);
        this.gaps = gaps;
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

    /** Gap records (GapV1): every hole in a stream's ids, and its outcome. */
    public String gaps() {
        return gaps;
    }

    public String deadLetter() {
        return deadLetter;
    }
}
