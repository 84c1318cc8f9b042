package io.k2.binance.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Binance kline intervals with their UTC boundaries: weeks start on Monday, months on the 1st. */
enum KlineInterval {
    S1("1s", 1_000L), M1("1m", 60_000L), M3("3m", 180_000L), M5("5m", 300_000L), M15("15m", 900_000L),
    M30("30m", 1_800_000L), H1("1h", 3_600_000L), H2("2h", 7_200_000L), H4("4h", 14_400_000L),
    H6("6h", 21_600_000L), H8("8h", 28_800_000L), H12("12h", 43_200_000L), D1("1d", 86_400_000L),
    D3("3d", 259_200_000L), W1("1w", 604_800_000L), MONTH1("1M", 0L);

    private static final long MONDAY_1970_01_05 = 4 * 86_400_000L;

    final String code;
    private final long millis;

    KlineInterval(String code, long millis) {
        this.code = code;
        this.millis = millis;
    }

    static KlineInterval byCode(String code) {
        for (KlineInterval i : values()) {
            if (i.code.equals(code)) {
                return i;
            }
        }
        return null;
    }

    long openTime(long nowMillis) {
        if (this == MONTH1) {
            ZonedDateTime t = Instant.ofEpochMilli(nowMillis).atZone(ZoneOffset.UTC);
            return t.withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        if (this == W1) {
            return Math.floorDiv(nowMillis - MONDAY_1970_01_05, millis) * millis + MONDAY_1970_01_05;
        }
        return Math.floorDiv(nowMillis, millis) * millis;
    }

    /** Last millisecond of the kline that opens at {@code openTime}. */
    long closeTime(long openTime) {
        if (this == MONTH1) {
            return Instant.ofEpochMilli(openTime).atZone(ZoneOffset.UTC).plusMonths(1).toInstant().toEpochMilli() - 1;
        }
        return openTime + millis - 1;
    }
}
