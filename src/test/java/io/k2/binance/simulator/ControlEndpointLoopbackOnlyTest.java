package io.k2.binance.simulator;

import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bound to every interface, the control endpoint still refuses peers that are not loopback unless told
 * otherwise. Needs a non-loopback IPv4 address on this machine to come from; skipped without one.
 */
class ControlEndpointLoopbackOnlyTest extends SimulatorTestSupport {

    private static InetAddress nonLoopbackAddress() throws Exception {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (ni.isUp() && !ni.isLoopback()) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return a;
                    }
                }
            }
        }
        return null;
    }

    private int statusFrom(InetAddress address, String path) throws Exception {
        URI uri = URI.create("http://" + address.getHostAddress() + ":" + sim.port() + path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void nonLoopbackPeersAreRefusedUnlessAllowed() throws Exception {
        InetAddress own = nonLoopbackAddress();
        assumeTrue(own != null, "no non-loopback IPv4 address to connect from");
        start(config().host("0.0.0.0").ratePerSecond(0));
        assertThat(statusFrom(own, "/sim/status")).isEqualTo(403);
        assertThat(statusFrom(InetAddress.getLoopbackAddress(), "/sim/status")).isEqualTo(200);
        // The market-data API stays open to everyone the simulator is bound for.
        assertThat(statusFrom(own, "/api/v3/ping")).isEqualTo(200);
        sim.close();

        start(config().host("0.0.0.0").ratePerSecond(0).controlFromAnyHost(true));
        assertThat(statusFrom(own, "/sim/status")).isEqualTo(200);
    }
}
