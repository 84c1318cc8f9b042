package io.k2.binance.testing;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The {@link EventKey} of a record the app wrote to a data topic, read from its headers only (independent of
 * the Avro value): {@code k2.stream} + {@code #} + what follows the third ':' of {@code k2.eventId}
 * ({@code BINANCE:BTCUSDT:trade:5455447976} gives {@code btcusdt@trade#5455447976}; depth diffs
 * {@code U-u}, klines {@code t:L:x:E}, as EventKey builds them from a frame or a ledger entry).
 */
public final class KafkaRecordKey {

    private KafkaRecordKey() {
    }

    public static String of(ConsumerRecord<byte[], byte[]> record) {
        String stream = header(record, "k2.stream");
        String eventId = header(record, "k2.eventId");
        if (stream == null || eventId == null) {
            throw new AssertionError("record without k2.stream/k2.eventId headers at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset());
        }
        int at = -1;
        for (int i = 0; i < 3; i++) {
            at = eventId.indexOf(':', at + 1);
            if (at < 0) {
                throw new AssertionError("k2.eventId with fewer than three ':': " + eventId);
            }
        }
        return stream + "#" + eventId.substring(at + 1);
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
