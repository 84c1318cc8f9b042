package io.k2.binance.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Every partition of some topics, for the dev tools that read topics whole without a consumer group (tail,
 * bench, soak, dev's last prices): assigned, not subscribed, so no group coordinator and no rebalance.
 */
public final class TopicPartitions {

    private TopicPartitions() {
    }

    /** The partitions of each topic that exists; a topic the broker does not know adds none. */
    public static List<TopicPartition> of(Consumer<?, ?> consumer, List<String> topics, Duration timeout) {
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions != null) {
                partitions.forEach(p -> all.add(new TopicPartition(topic, p.partition())));
            }
        }
        return all;
    }
}
