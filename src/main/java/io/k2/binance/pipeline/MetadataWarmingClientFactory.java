package io.k2.binance.pipeline;

import java.util.Properties;

import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.camel.component.kafka.KafkaClientFactory;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * camel-kafka's client factory (set with {@code camel.component.kafka.kafkaClientFactory}): Camel's default
 * one, plus every producer it creates is handed to the {@link TopicMetadataWarmer}, so its metadata for our
 * topics is fetched before the first record needs it and kept from expiring.
 */
public final class MetadataWarmingClientFactory implements KafkaClientFactory {

    private final KafkaClientFactory delegate = new DefaultKafkaClientFactory();
    private final TopicMetadataWarmer warmer;

    public MetadataWarmingClientFactory(TopicMetadataWarmer warmer) {
        this.warmer = warmer;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Producer getProducer(Properties props) {
        Producer producer = delegate.getProducer(props);
        warmer.register(producer, props);
        return producer;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Consumer getConsumer(Properties props) {
        return delegate.getConsumer(props);
    }

    @Override
    public String getBrokers(KafkaConfiguration configuration) {
        return delegate.getBrokers(configuration);
    }
}
