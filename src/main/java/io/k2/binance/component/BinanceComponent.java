package io.k2.binance.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code binance:} component: {@code binance:spot?symbols=btcusdt,ethusdt&streams=trade,depth@100ms}.
 *
 * <p>Our own small component over Vert.x's WebSocket client instead of camel-vertx-websocket's consumer,
 * which processes frames on a worker pool (order lost), sets no headers, fails start-up while the server
 * is down, and has a duplicate-socket reconnect bug in 4.17 (docs/adr/0001).
 */
public class BinanceComponent extends DefaultComponent {

    private final List<BinanceConsumer> consumers = new CopyOnWriteArrayList<>();
    private Vertx vertx;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!"spot".equals(remaining)) {
            throw new IllegalArgumentException("binance:" + remaining + " is not supported; use binance:spot");
        }
        BinanceEndpoint endpoint = new BinanceEndpoint(uri, this);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /** One Vert.x per component, with a single event loop: the client does little work per frame. */
    synchronized Vertx vertx() {
        if (vertx == null) {
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                    .setInternalBlockingPoolSize(1));
        }
        return vertx;
    }

    void register(BinanceConsumer consumer) {
        consumers.add(consumer);
    }

    void unregister(BinanceConsumer consumer) {
        consumers.remove(consumer);
    }

    /** The connection status of every started consumer. */
    public List<ConnectionStatus> connectionStatuses() {
        return consumers.stream().map(BinanceConsumer::status).toList();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        Vertx v;
        synchronized (this) {
            v = vertx;
            vertx = null;
        }
        if (v != null) {
            v.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
