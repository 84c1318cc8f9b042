package io.k2.binance.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.k2.binance.connection.ConnectAttemptBudget;
import io.k2.binance.connection.GroupStatus;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code binance:} component: {@code binance:spot?symbols=btcusdt,ethusdt&streams=trade,depth@100ms}.
 *
 * <p>Our own small component over Vert.x's WebSocket client instead of camel-vertx-websocket's consumer,
 * which processes frames on a worker pool (order lost), sets no headers, fails start-up while the server
 * is down, and has a duplicate-socket reconnect bug in 4.17 (docs/adr/0001). The component holds what all
 * its endpoints share: one Vert.x event loop, and the budget of connection attempts, which Binance counts
 * per IP, not per connection.
 */
public class BinanceComponent extends DefaultComponent {

    private final List<BinanceConsumer> consumers = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    @Metadata(defaultValue = "150", description = "Connection attempts allowed per 5 minutes for all endpoints "
            + "together; Binance allows 300 per IP, and blue and green on one IP share that")
    private int connectAttemptsPerWindow = 150;
    private ConnectAttemptBudget attempts;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!"spot".equals(remaining)) {
            throw new IllegalArgumentException("binance:" + remaining + " is not supported; use binance:spot");
        }
        BinanceConfiguration configuration = new BinanceConfiguration();
        setProperties(configuration, parameters);
        BinanceEndpoint endpoint = new BinanceEndpoint(uri, this, configuration);
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

    synchronized ConnectAttemptBudget attempts() {
        if (attempts == null) {
            attempts = new ConnectAttemptBudget(connectAttemptsPerWindow, ConnectAttemptBudget.BINANCE_WINDOW_MILLIS);
        }
        return attempts;
    }

    void register(BinanceConsumer consumer) {
        consumers.add(consumer);
    }

    void unregister(BinanceConsumer consumer) {
        consumers.remove(consumer);
    }

    /** The connections of every started consumer. */
    public List<GroupStatus> connectionStatuses() {
        return consumers.stream().map(BinanceConsumer::status).toList();
    }

    /** Liveness: started consumers whose dispatcher is wedged (a hand-over that never returns), with why. */
    public List<String> wedged() {
        return consumers.stream().map(BinanceConsumer::wedged).filter(w -> w != null).toList();
    }

    /**
     * Changes the streams of every consumer while running (live SUBSCRIBE/UNSUBSCRIBE, no reconnect).
     *
     * @return one line per consumer saying what changed
     */
    public List<String> updateStreams(String symbols, String streams) {
        io.k2.binance.connection.StreamSet next = io.k2.binance.connection.StreamSet.parse(symbols, streams);
        return consumers.stream().map(c -> c.updateStreams(next)).toList();
    }

    /** The timer route's rotation check, for every consumer. */
    public void checkRotations() {
        consumers.forEach(BinanceConsumer::checkRotations);
    }

    public int getConnectAttemptsPerWindow() {
        return connectAttemptsPerWindow;
    }

    public void setConnectAttemptsPerWindow(int n) {
        if (n < 1 || n > 300) {
            throw new IllegalArgumentException("connectAttemptsPerWindow " + n + ": must be 1-300 (Binance allows 300 "
                    + "connection attempts per 5 minutes per IP)");
        }
        this.connectAttemptsPerWindow = n;
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
