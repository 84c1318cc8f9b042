package io.k2.binance.simulator;

import java.time.Duration;

/**
 * Binance's REQUEST_WEIGHT limit for one IP (the simulator has one client IP as far as limits go): the
 * weight used in the current window, the 429 answered once it is over the limit, and the 418 ban for a
 * client that keeps sending inside that window anyway. Windows are aligned to their boundary on the
 * wall clock, as Binance's calendar minute is, so a window ends at the same moment for every client
 * and Retry-After is the time to that end.
 *
 * <p>Also holds the forced answers of the {@code rest-reject} fault, since they take the same path.
 * Confined to the simulator's event loop.
 */
final class RestWeight {

    /** What to answer: status 0 lets the request through, otherwise 429 or 418 with Retry-After. */
    record Decision(int status, long retryAfterSeconds, long bannedUntilMillis) {
        static final Decision PASS = new Decision(0, 0, 0);

        boolean passes() {
            return status == 0;
        }
    }

    private final int limit;
    private final long windowMillis;
    private final int banAfter429s;
    private final long banMillis;
    private final String headerName;
    private long windowStart = Long.MIN_VALUE;
    private int used;
    private int maxUsed;
    /** Requests after the first 429 of the current window; over {@link #banAfter429s} bans. */
    private int after429;
    private boolean in429;
    private long bannedUntil;
    private int forcedLeft;
    private int forcedStatus;
    private long forcedRetryAfterSeconds;

    RestWeight(int limit, Duration window, int banAfter429s, Duration ban) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.banAfter429s = banAfter429s;
        this.banMillis = ban.toMillis();
        this.headerName = "X-MBX-USED-WEIGHT-" + intervalName(window);
    }

    /**
     * Binance's interval naming, {@code (intervalNum)(intervalLetter)}: the largest of D, H, M, S that
     * divides the window, so 60 s is {@code 1M} and 90 s {@code 90S}.
     */
    static String intervalName(Duration window) {
        long s = window.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "D";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "H";
        }
        if (s % 60 == 0) {
            return s / 60 + "M";
        }
        return s + "S";
    }

    /** The window as Binance words it in errors and exchangeInfo: {@code 1 MINUTE}, {@code 10 SECOND}. */
    static String intervalWords(Duration window) {
        String name = intervalName(window);
        String unit = switch (name.charAt(name.length() - 1)) {
            case 'D' -> "DAY";
            case 'H' -> "HOUR";
            case 'M' -> "MINUTE";
            default -> "SECOND";
        };
        return name.substring(0, name.length() - 1) + " " + unit;
    }

    /** The {@code rateLimits} entry of exchangeInfo. */
    static String rateLimitJson(Duration window, int limit) {
        String[] words = intervalWords(window).split(" ");
        return "{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"" + words[1] + "\",\"intervalNum\":"
                + words[0] + ",\"limit\":" + limit + "}";
    }

    /** {@code X-MBX-USED-WEIGHT-1M} for the default one-minute window. */
    String headerName() {
        return headerName;
    }

    int limit() {
        return limit;
    }

    /**
     * Accounts one request of this weight at {@code nowMillis} and decides its answer. Weight counts also
     * for requests that are refused with 429, as on Binance, which is why hammering on only digs deeper.
     */
    Decision admit(int weight, long nowMillis) {
        roll(nowMillis);
        if (forcedLeft > 0) {
            forcedLeft--;
            return new Decision(forcedStatus, forcedRetryAfterSeconds,
                    forcedStatus == 418 ? nowMillis + forcedRetryAfterSeconds * 1000 : 0);
        }
        if (nowMillis < bannedUntil) {
            return banned(nowMillis);
        }
        if (in429 && ++after429 > banAfter429s) {
            bannedUntil = nowMillis + banMillis;
            return banned(nowMillis);
        }
        used += weight;
        maxUsed = Math.max(maxUsed, used);
        if (used > limit) {
            in429 = true;
            long toWindowEnd = windowStart + windowMillis - nowMillis;
            return new Decision(429, Math.max(1, ceilSeconds(toWindowEnd)), 0);
        }
        return Decision.PASS;
    }

    private Decision banned(long nowMillis) {
        return new Decision(418, Math.max(1, ceilSeconds(bannedUntil - nowMillis)), bannedUntil);
    }

    private void roll(long nowMillis) {
        long start = Math.floorDiv(nowMillis, windowMillis) * windowMillis;
        if (start != windowStart) {
            windowStart = start;
            used = 0;
            in429 = false;
            after429 = 0;
        }
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }

    /** Weight used in the window that holds {@code nowMillis}: the value of {@link #headerName()}. */
    int used(long nowMillis) {
        roll(nowMillis);
        return used;
    }

    /** The highest weight any window reached, refused requests included. */
    int maxUsed() {
        return maxUsed;
    }

    /** End of the current or last ban, epoch ms; 0 when none was imposed (or it was cleared). */
    long bannedUntil() {
        return bannedUntil;
    }

    /** The next {@code count} requests get {@code status} with this Retry-After, whatever their weight. */
    void force(int count, int status, long retryAfterSeconds) {
        forcedLeft = count;
        forcedStatus = status;
        forcedRetryAfterSeconds = retryAfterSeconds;
    }

    /** Lifts a ban and forgets the 429 state and forced answers; the used weight stays, as it was used. */
    void unban() {
        bannedUntil = 0;
        in429 = false;
        after429 = 0;
        forcedLeft = 0;
    }
}
