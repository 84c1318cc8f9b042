package io.k2.binance.gap;

/**
 * The REST weight this process may still spend, per Binance's rules (rest-api.md "LIMITS"): weight is
 * counted per IP in windows aligned to the clock (the minute for REQUEST_WEIGHT); every answer says in
 * {@code X-MBX-USED-WEIGHT-1M} how much the IP has used; a 429 says "back off for Retry-After seconds",
 * and going on after 429s earns a 418 ban of 2 minutes to 3 days.
 *
 * <p>We keep our own count of what we spent in the window and take the header when it is higher (other
 * processes on the same IP spend too), so a burst of requests never relies on answers that have not come
 * back yet. Pure arithmetic over a given clock, so it is tested without time passing.
 */
final class RestWeightBudget {

    private final long limit;
    private final long windowMillis;
    private long windowStart = Long.MIN_VALUE;
    private long used;
    private long backoffUntil;
    private long bannedUntil;

    RestWeightBudget(long limit, long windowMillis) {
        if (limit <= 0 || windowMillis <= 0) {
            throw new IllegalArgumentException("limit and window must be positive");
        }
        this.limit = limit;
        this.windowMillis = windowMillis;
    }

    private void roll(long now) {
        long start = now - Math.floorMod(now, windowMillis);
        if (start != windowStart) {
            windowStart = start;
            used = 0;
        }
    }

    /** How long to wait before a request of this weight may go; 0 = now. */
    long delayFor(int weight, long now) {
        if (now < bannedUntil) {
            return bannedUntil - now;
        }
        if (now < backoffUntil) {
            return backoffUntil - now;
        }
        roll(now);
        if (used + weight <= limit || used == 0) {
            return 0; // a single request heavier than the whole budget still goes, alone in its window
        }
        return windowStart + windowMillis - now;
    }

    void spend(int weight, long now) {
        roll(now);
        used += weight;
    }

    /**
     * The IP's used weight as the exchange reported it in the answer to a request sent at {@code sentAt}. An
     * answer to a request of an earlier window speaks of that window, not of this one, and is ignored.
     */
    void observed(long usedByIp, long sentAt, long now) {
        roll(now);
        if (sentAt >= windowStart) {
            used = Math.max(used, usedByIp);
        }
    }

    /** 429: nothing goes until Retry-After has passed (at least to the end of the window). */
    void rateLimited(long retryAfterMillis, long now) {
        roll(now);
        long until = now + Math.max(retryAfterMillis, windowStart + windowMillis - now);
        backoffUntil = Math.max(backoffUntil, until);
    }

    /** 418: the IP is banned until Retry-After (two minutes when the header is missing, Binance's shortest ban). */
    void banned(long retryAfterMillis, long now) {
        bannedUntil = Math.max(bannedUntil, now + (retryAfterMillis > 0 ? retryAfterMillis : 120_000));
    }

    long bannedUntil() {
        return bannedUntil;
    }

    long backoffUntil() {
        return backoffUntil;
    }

    long used() {
        return used;
    }

    long limit() {
        return limit;
    }
}
