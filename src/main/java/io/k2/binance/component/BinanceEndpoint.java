package io.k2.binance.component;

import java.util.List;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Binance spot market streams as a Camel consumer endpoint. Every option, its default and its check live in
 * {@link BinanceConfiguration}; docs/binance-endpoint.md lists them.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "binance", title = "Binance market streams",
             syntax = "binance:market", consumerOnly = true, category = { Category.MESSAGING })
public class BinanceEndpoint extends DefaultEndpoint {

    @UriPath(description = "Market: only spot is supported")
    @Metadata(required = true)
    private String market = "spot";
    @UriParam
    private final BinanceConfiguration configuration;

    public BinanceEndpoint(String uri, BinanceComponent component, BinanceConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public BinanceComponent getComponent() {
        return (BinanceComponent) super.getComponent();
    }

    public BinanceConfiguration getConfiguration() {
        return configuration;
    }

    /** Checks the options once, when the endpoint is created, so a bad URI fails start-up with every problem. */
    void validate() {
        List<BinanceConfiguration.Problem> problems = configuration.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("binance endpoint: " + String.join("; ",
                    problems.stream().map(BinanceConfiguration.Problem::toString).toList()));
        }
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("binance: is consumer-only (market streams are read-only)");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        BinanceConsumer consumer = new BinanceConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public String getMarket() {
        return market;
    }

    public void setMarket(String market) {
        this.market = market;
    }
}
