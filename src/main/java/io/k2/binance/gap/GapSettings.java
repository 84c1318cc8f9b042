package io.k2.binance.gap;

import java.time.Duration;

/**
 * What the gap closer may do and spend. Built by the endpoint configuration, which is the one home of the
 * defaults and their checks (k2.gaps.* and k2.rest.* in application.properties).
 *
 * @param restBaseUrl          Binance's REST API, e.g. https://api.binance.com
 * @param backfill             false: gaps are detected and published, and given up at once ("backfill_disabled")
 * @param maxHold              longest a stream's live frames wait behind its backfill; then they go on and the
 *                             backfill lands after them (the gap's outcome then says in_order=false)
 * @param maxHeldFrames        frames held back over all streams at once; past it the hold of the stream whose frame crossed
 *                             the limit is released
 * @param maxEventsPerGap      a trade gap larger than this is given up as over_budget without a request
 * @param lookBack             a gap not closed this long after it was detected is given up (look_back_exceeded,
 *                             or rest_banned when a 418 ban is why)
 * @param weightLimit          REST weight this process spends per window; Binance allows 6000 per minute per IP
 * @param weightWindow         the window of that limit (Binance: 1 minute, aligned to the clock minute)
 * @param maxConcurrent        REST requests in flight at once
 * @param requestTimeout       one REST request's deadline
 * @param depthSnapshotLimit   levels per side asked of /api/v3/depth (weight 5/25/50/250 for ≤100/500/1000/5000)
 * @param microseconds         the streams use timeUnit=MICROSECOND, so REST is asked for µs too
 * @param initialSnapshot      also publish a depth snapshot before each depth stream's first diff after start-up
 */
public record GapSettings(String restBaseUrl, boolean backfill, Duration maxHold, int maxHeldFrames, long maxEventsPerGap,
                          Duration lookBack, int weightLimit, Duration weightWindow, int maxConcurrent,
                          Duration requestTimeout, int depthSnapshotLimit, boolean initialSnapshot, boolean microseconds,
                          boolean sslVerify, String caBundle) {

    /** Binance's weight for GET /api/v3/depth with this limit (rest-api.md, "Order book"). */
    public static int depthWeight(int limit) {
        if (limit <= 100) {
            return 5;
        }
        if (limit <= 500) {
            return 25;
        }
        return limit <= 1000 ? 50 : 250;
    }

    /** GET /api/v3/historicalTrades: weight 25, no API key since 2023-07-11. */
    public static final int HISTORICAL_TRADES_WEIGHT = 25;
    /** GET /api/v3/aggTrades: weight 4. */
    public static final int AGG_TRADES_WEIGHT = 4;
    /** Rows per page Binance returns at most for both trade endpoints. */
    public static final int MAX_ROWS = 1000;
}
