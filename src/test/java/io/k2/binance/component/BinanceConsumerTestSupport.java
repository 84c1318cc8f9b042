package io.k2.binance.component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.k2.binance.connection.ShardStatus;
import io.k2.binance.simulator.BinanceSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * A context with one route {@code from(binance:spot?...)} that records every exchange it gets, against a
 * simulator the subclass starts. One behaviour per subclass, as in Camel's own component tests.
 */
abstract class BinanceConsumerTestSupport extends CamelTestSupport {

    protected final List<Exchange> received = Collections.synchronizedList(new ArrayList<>());

    /** The endpoint URI under test. */
    protected abstract String binanceUri();

    static String uri(BinanceSimulator sim, String symbols, String streams, String extra) {
        return "binance:spot?symbols=" + symbols + "&streams=" + streams + "&baseUrl=" + sim.wsBaseUrl()
                + "&restBaseUrl=" + sim.restBaseUrl()
                + "&reconnectInitialDelay=100&reconnectMaxDelay=500" + (extra.isEmpty() ? "" : "&" + extra);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(binanceUri()).routeId("binance-test").process(received::add);
            }
        };
    }

    protected BinanceComponent component() {
        return context.getComponent("binance", BinanceComponent.class);
    }

    /** Shard 0 of the (only) endpoint. */
    protected ShardStatus status() {
        return component().connectionStatuses().get(0).shards().get(0);
    }

    /** Id of the connection delivering shard 0, or null. */
    protected String deliveringId() {
        return status().connections().stream().filter(c -> c.role().equals("delivering")).map(ShardStatus.Connection::id)
                .findFirst().orElse(null);
    }
}
