package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * REQUEST_WEIGHT over real HTTP: the used-weight header on every answer, Binance's weights, 429 with
 * Retry-After over the limit, the 418 ban for a client that does not back off, and the counters.
 */
class RestRateLimitTest extends RestTestSupport {

    /** An hour-long window: a test never straddles its end (unless run at the full hour). */
    private static final String HOURLY = "X-MBX-USED-WEIGHT-1H";

    @Test
    void everyAnswerCarriesTheWeightUsedSoFarWithBinanceWeights() {
        start(config().restWeightWindow(Duration.ofHours(1)));
        long used = 0;
        // path -> weight, answers of every kind (200, 400, 404) included
        Object[][] calls = {
                {"/api/v3/ping", 1}, {"/api/v3/time", 1}, {"/api/v3/exchangeInfo", 20},
                {"/api/v3/depth?symbol=BTCUSDT", 5}, {"/api/v3/depth?symbol=BTCUSDT&limit=100", 5},
                {"/api/v3/depth?symbol=BTCUSDT&limit=101", 25}, {"/api/v3/depth?symbol=BTCUSDT&limit=500", 25},
                {"/api/v3/depth?symbol=BTCUSDT&limit=1000", 50}, {"/api/v3/depth?symbol=BTCUSDT&limit=5000", 250},
                {"/api/v3/historicalTrades?symbol=BTCUSDT", 25}, {"/api/v3/trades?symbol=BTCUSDT", 25},
                {"/api/v3/aggTrades?symbol=BTCUSDT", 4}, {"/api/v3/trades?symbol=NOPE", 25}, {"/api/v3/klines", 1},
        };
        for (Object[] call : calls) {
            HttpResponse<String> r = get((String) call[0]);
            used += (int) call[1];
            assertThat(usedWeight(r, HOURLY)).as((String) call[0]).isEqualTo(used);
        }
        assertThat(sim.restUsedWeight()).isEqualTo(used);
        assertThat(sim.restMaxUsedWeight()).isEqualTo((int) used);
        assertThat(sim.restRequests("/api/v3/depth")).isEqualTo(6);
        assertThat(sim.restRequests("/api/v3/trades")).isEqualTo(2);
        assertThat(sim.restRequests("other")).isEqualTo(1);
        assertThat(sim.restResponses(200)).isEqualTo(12);
        assertThat(sim.restResponses(400)).isEqualTo(1);
        assertThat(sim.restResponses(404)).isEqualTo(1);
        // The control endpoint is not Binance's API and weighs nothing.
        assertThat(get("/sim/status").headers().firstValue(HOURLY)).isEmpty();
        assertThat(sim.restUsedWeight()).isEqualTo(used);
    }

    @Test
    void theDefaultWindowIsBinancesMinuteAndExchangeInfoSaysSo() {
        start(config());
        HttpResponse<String> r = get("/api/v3/exchangeInfo");
        assertThat(usedWeight(r, "X-MBX-USED-WEIGHT-1M")).isEqualTo(20);
        JsonNode limits = parse(r.body()).get("rateLimits");
        assertThat(limits.toString()).isEqualTo("[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000}]");
    }

    @Test
    void overTheLimitIs429ThenHammeringOnBans() {
        start(config().restWeightWindow(Duration.ofHours(1)).restWeightLimit(100).restBanAfter429s(3)
                .restBanDuration(Duration.ofSeconds(120)));
        for (int i = 0; i < 4; i++) {
            assertThat(get("/api/v3/trades?symbol=BTCUSDT&limit=1").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> over = get("/api/v3/trades?symbol=BTCUSDT&limit=1");
        assertThat(over.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(over.body()).isEqualTo("{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 100"
                + " request weight per 1 HOUR. Please use WebSocket Streams for live updates to avoid polling the API.\"}");
        assertThat(usedWeight(over, HOURLY)).isEqualTo(125);
        assertThat(sim.restBannedUntil()).isNull();
        // Three more inside the window are still "only" 429s ...
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v3/ping").statusCode()).isEqualTo(429);
        }
        // ... the fourth is one too many: banned.
        long before = System.currentTimeMillis();
        HttpResponse<String> banned = get("/api/v3/ping");
        assertThat(banned.statusCode()).isEqualTo(418);
        assertThat(banned.headers().firstValue("Retry-After")).hasValue("120");
        long until = sim.restBannedUntil().toEpochMilli();
        assertThat(until).isBetween(before + 120_000, System.currentTimeMillis() + 120_000);
        assertThat(banned.body()).isEqualTo("{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until "
                + until + ". Please use WebSocket Streams for live updates to avoid bans.\"}");
        assertThat(usedWeight(banned, HOURLY)).isEqualTo(128);
        // Every request while banned is refused, whatever it is.
        assertThat(get("/api/v3/exchangeInfo").statusCode()).isEqualTo(418);
        assertThat(sim.restResponses(429)).isEqualTo(4);
        assertThat(sim.restResponses(418)).isEqualTo(2);
        assertThat(sim.restResponses(200)).isEqualTo(4);
        assertThat(sim.restRequests("/api/v3/ping")).isEqualTo(4);
        assertThat(sim.restMaxUsedWeight()).isEqualTo(128);
    }

    @Test
    void aClientThatWaitsForTheWindowToEndGetsThrough() {
        start(config().restWeightWindow(Duration.ofSeconds(2)).restWeightLimit(30).restBanAfter429s(0));
        String header = "X-MBX-USED-WEIGHT-2S";
        assertThat(get("/api/v3/trades?symbol=BTCUSDT&limit=1").statusCode()).isEqualTo(200);
        HttpResponse<String> over = get("/api/v3/trades?symbol=BTCUSDT&limit=1");
        long windowEnd = (System.currentTimeMillis() / 2000 + 1) * 2000;
        if (over.statusCode() == 200) {
            // The first call was the last of a window (rare): this one opened the next; go over in it.
            over = get("/api/v3/trades?symbol=BTCUSDT&limit=1");
        }
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
        // Backing off until the window's end, without a request meanwhile, avoids the ban.
        await().atMost(WAIT).until(() -> System.currentTimeMillis() >= windowEnd);
        HttpResponse<String> fresh = get("/api/v3/trades?symbol=BTCUSDT&limit=1");
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(usedWeight(fresh, header)).isEqualTo(25);
        assertThat(sim.restBannedUntil()).isNull();
        assertThat(sim.restMaxUsedWeight()).isEqualTo(50);
    }

    @Test
    void theWeightLimitsAreSimulatorOptions() {
        SimulatorConfig c = SimulatorMain.config(java.util.Map.of("--rest-weight-limit", "1200", "--rest-weight-window", "10s",
                "--rest-ban-after", "1", "--rest-ban", "5m", "--book-history", "7"));
        assertThat(c.restWeightLimit()).isEqualTo(1200);
        assertThat(c.restWeightWindow()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.restBanAfter429s()).isEqualTo(1);
        assertThat(c.restBanDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.bookHistory()).isEqualTo(7);
        SimulatorConfig defaults = SimulatorMain.config(java.util.Map.of());
        assertThat(List.of(defaults.restWeightLimit(), defaults.restBanAfter429s(), defaults.bookHistory())).containsExactly(6000, 3, 0);
        assertThat(defaults.restWeightWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.restBanDuration()).isEqualTo(Duration.ofMinutes(2));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulatorConfig.builder().restWeightWindow(Duration.ofMillis(1500)).build())
                .hasMessageContaining("whole number of seconds");
        java.io.ByteArrayOutputStream help = new java.io.ByteArrayOutputStream();
        SimulatorMain.printHelp(new java.io.PrintStream(help, true));
        assertThat(help.toString()).contains("--rest-weight-limit N", "--rest-weight-window DURATION", "--rest-ban-after N",
                "--rest-ban DURATION", "--book-history N");
    }
}
