package io.k2.binance.gap;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One gap record as the gap closer hands it to the route: the text of a {@code GAP_RECORD} frame, turned into
 * a {@code GapV1} Avro record by the normalize step. JSON rather than an object so that a gap record Kafka
 * refuses lands on the dead-letter topic as readable text, like any other frame. This class is the one home of
 * that format: it writes it and reads it.
 *
 * @param record            DETECTED, or CLOSED for the outcome (same key, same gap_id)
 * @param gapId             {@code <stream>:<firstMissing>-<lastMissing>}; both records of a gap carry it
 * @param firstMissingTrade aggTrade only: the trade ids (f/l) that jumped, else null
 * @param outcome           CLOSED only: BACKFILLED, SNAPSHOT_PUBLISHED or GIVEN_UP
 * @param reason            GIVEN_UP: why (older_than_rest_history, over_budget, rest_banned, look_back_exceeded,
 *                          backfill_disabled, trade_ids_only, rest_http_NNN, rest_unreachable); else null
 * @param recovered         CLOSED: events backfilled (0 for a snapshot)
 * @param inOrder           CLOSED: true when every backfilled event went out before the live events after the gap
 * @param snapshotUpdateId  SNAPSHOT_PUBLISHED: the snapshot's lastUpdateId
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GapNotice(String record, String gapId, String symbol, String stream, String eventType,
                        long firstMissing, long lastMissing, Long firstMissingTrade, Long lastMissingTrade,
                        long detectedAtMicros, String cause, String connectionId, String outcome, String reason,
                        long recovered, boolean inOrder, Long snapshotUpdateId, Long closedAtMicros, String instance) {

    public static final String DETECTED = "DETECTED";
    public static final String CLOSED = "CLOSED";
    public static final String BACKFILLED = "BACKFILLED";
    public static final String SNAPSHOT_PUBLISHED = "SNAPSHOT_PUBLISHED";
    public static final String GIVEN_UP = "GIVEN_UP";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the text is not a gap notice */
    public static GapNotice parse(String json) {
        try {
            GapNotice n = JSON.readValue(json, GapNotice.class);
            if (n.gapId == null || n.symbol == null || n.stream == null || n.record == null) {
                throw new IllegalArgumentException("not a gap notice: " + json);
            }
            return n;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a gap notice: " + e.getMessage(), e);
        }
    }
}
