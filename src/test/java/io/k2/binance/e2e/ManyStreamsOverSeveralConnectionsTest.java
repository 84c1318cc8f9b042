package io.k2.binance.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.k2.binance.connection.ShardStatus;
import io.k2.binance.simulator.BinanceSimulator;
import io.k2.binance.simulator.ConnectionInfo;
import io.k2.binance.simulator.SimulatorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * More than 1024 streams (220 symbols x 5 kinds = 1100) over several connections of at most 200 streams
 * ({@code k2.binance.streams-per-connection}), each symbol's streams on one. A 200-stream URL would be far over
 * the 2000 characters the app allows itself, so each connection opens on bare {@code /stream} and subscribes
 * with SUBSCRIBE frames, which the simulator ignores above 4 KB (as Binance does): every stream delivering is
 * what shows they fit. Then {@code serverShutdown} on one connection: that shard rotates, the others keep their
 * connections, and every event of all 1100 streams is in Kafka once.
 */
class ManyStreamsOverSeveralConnectionsTest extends FaultTestSupport {

    private static final int SYMBOLS = 220;
    private static final int PER_CONNECTION = 200;
    private static final List<String> SIM_SYMBOLS = new ArrayList<>();
    private static final List<String> APP_SYMBOLS = new ArrayList<>();

    static {
        for (int i = 0; i < SYMBOLS; i++) {
            String base = "Q" + (char) ('A' + i / 26) + (char) ('A' + i % 26);
            SIM_SYMBOLS.add(base + "USDT:" + base + "/USDT");
            APP_SYMBOLS.add(base.toLowerCase() + "usdt");
        }
    }

    @BeforeAll
    static void startSimulator() {
        simulator = BinanceSimulator.start(SimulatorConfig.builder().symbols(SIM_SYMBOLS).ratePerSecond(1_500)
                .seed(111).shutdownNotice(Duration.ofSeconds(5)).build());
    }

    @Override protected String topicPrefix() { return "fault-many-streams"; }
    @Override protected String symbols() { return String.join(",", APP_SYMBOLS); }

    @Override
    protected void settings(Properties p) {
        p.setProperty("k2.binance.streams-per-connection", Integer.toString(PER_CONNECTION));
    }

    @Test
    void elevenHundredStreamsOverSixConnectionsAndOneRotatesAlone() {
        assertThat(subscribedStreams()).hasSize(1_100);
        awaitAllStreamsDeliver(Duration.ofSeconds(40));

        List<ShardStatus> shards = group().shards();
        assertThat(shards).hasSize(6);
        int bare = 0;
        for (ShardStatus s : shards) {
            assertThat(s.streams()).isLessThanOrEqualTo(PER_CONNECTION);
            String url = s.connections().get(0).url();
            if (url.endsWith("/stream")) {
                bare++;
            } else {
                assertThat(url.length()).as("shard " + s.shard() + " (" + s.streams() + " streams) in its URL")
                        .isLessThanOrEqualTo(io.k2.binance.connection.ShardPlan.MAX_URL_CHARS);
            }
        }
        // 200 streams of ~22 characters are ~4400 characters: the full shards must subscribe by frames
        assertThat(bare).as("shards on bare /stream, subscribed by SUBSCRIBE frames").isGreaterThanOrEqualTo(5);
        List<ConnectionInfo> open = simulator.connections();
        assertThat(open).hasSize(6);
        assertThat(open.stream().mapToInt(c -> c.streams().size()).sum()).as("streams subscribed over all connections")
                .isEqualTo(1_100);
        assertThat(open).allMatch(c -> c.streams().size() <= PER_CONNECTION && c.combined());

        String announced = open.get(0).id();
        List<String> others = open.stream().skip(1).map(ConnectionInfo::id).toList();
        simulator.sendServerShutdown(announced);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> !simulator.connectionIds().contains(announced) && simulator.connectionIds().size() == 6);
        awaitMoreAcked(1_500, Duration.ofSeconds(10));
        settle();

        assertThat(simulator.connectionIds()).as("the other shards' connections are the ones they had").containsAll(others);
        assertThat(rotations()).as("rotations: the announced shard's only").isEqualTo(1);
        assertThat(reconnects()).isZero();
        assertThat(shards.stream().mapToLong(s -> shard(s.shard()).rotations()).sum()).isEqualTo(1);
        delivery().assertEveryEventOnce();
    }
}
