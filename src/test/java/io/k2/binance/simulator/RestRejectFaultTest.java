package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code rest-reject} forces 429/418 answers on REST; {@code rest-unban} lifts a ban. */
class RestRejectFaultTest extends RestTestSupport {

    @Test
    void restRejectAnswersTheNextRequestsWithTheStatusAndRetryAfter() {
        start(config());
        HttpResponse<String> fault = post("/sim/faults/rest-reject?status=418&count=2&retryAfter=30s");
        assertThat(fault.statusCode()).as(fault.body()).isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            long before = System.currentTimeMillis();
            HttpResponse<String> r = get("/api/v3/depth?symbol=BTCUSDT");
            assertThat(r.statusCode()).isEqualTo(418);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(r.headers().firstValue("X-MBX-USED-WEIGHT-1M")).isPresent();
            JsonNode body = parse(r.body());
            assertThat(body.get("code").asInt()).isEqualTo(-1003);
            String until = body.get("msg").asText().replaceAll(".*banned until (\\d+)\\..*", "$1");
            assertThat(Long.parseLong(until)).isBetween(before + 30_000, System.currentTimeMillis() + 30_000);
        }
        assertThat(get("/api/v3/depth?symbol=BTCUSDT").statusCode()).isEqualTo(200);

        sim.rejectRest(1, 429, Duration.ofMillis(4200));
        HttpResponse<String> limited = get("/api/v3/ping");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(parse(limited.body()).get("msg").asText()).startsWith("Too much request weight used; current limit is 6000 request weight per 1 MINUTE.");
        assertThat(get("/api/v3/ping").statusCode()).isEqualTo(200);
        assertThat(sim.restResponses(418)).isEqualTo(2);
        assertThat(sim.restResponses(429)).isEqualTo(1);

        assertThat(post("/sim/faults/rest-reject?status=500").statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> sim.rejectRest(1, 503, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void restUnbanLiftsABan() {
        start(config().restWeightWindow(Duration.ofHours(1)).restWeightLimit(10).restBanAfter429s(0)
                .restBanDuration(Duration.ofHours(1)));
        assertThat(get("/api/v3/exchangeInfo").statusCode()).isEqualTo(429);
        assertThat(get("/api/v3/ping").statusCode()).isEqualTo(418);
        assertThat(sim.restBannedUntil()).isAfter(java.time.Instant.now().plusSeconds(3500));
        JsonNode status = parse(get("/sim/status").body());
        assertThat(status.get("restBannedUntil").asLong()).isEqualTo(sim.restBannedUntil().toEpochMilli());
        assertThat(status.get("restMaxUsedWeight").asInt()).isEqualTo(20);
        assertThat(status.get("restWeightLimit").asInt()).isEqualTo(10);
        assertThat(get("/api/v3/ping").statusCode()).isEqualTo(418);

        HttpResponse<String> unban = post("/sim/faults/rest-unban");
        assertThat(unban.statusCode()).as(unban.body()).isEqualTo(200);
        assertThat(sim.restBannedUntil()).isNull();
        assertThat(parse(get("/sim/status").body()).get("restBannedUntil").isNull()).isTrue();
        // Still over the weight of this window: a 429 again, not a 418.
        assertThat(get("/api/v3/ping").statusCode()).isEqualTo(429);

        sim.rejectRest(3, 418, Duration.ofSeconds(10));
        sim.clearRestBan();
        assertThat(get("/api/v3/ping").statusCode()).as("pending forced answers are cleared too").isNotEqualTo(418);
    }
}
