package io.k2.binance.normalize;

import java.time.Instant;

/**
 * Binance times are epoch milliseconds (13 digits), or microseconds (16 digits) on connections opened with
 * {@code timeUnit=MICROSECOND}. The records always carry microseconds.
 */
public final class Timestamps {

    /** 2017-07-01T00:00:00Z: Binance opened on 2017-07-14, so anything earlier is not a Binance time. */
    public static final long EARLIEST_MICROS = 1_498_867_200_000_000L;
    /** How far ahead of the receive time an exchange time may be (clock skew, never real data). */
    public static final long MAX_AHEAD_MICROS = 86_400_000_000L;
    /**
     * Below this a value is milliseconds: as ms it is before year 5138, as µs it would be before 1973, so the
     * two ranges cannot be confused for any plausible Binance time.
     */
    private static final long MICROS_THRESHOLD = 100_000_000_000_000L;

    private Timestamps() {
    }

    /** Milliseconds or microseconds (told apart by magnitude) to microseconds, refusing implausible values. */
    public static long toMicros(long raw, String field, long receivedAtMicros) {
        long micros = raw < MICROS_THRESHOLD ? raw * 1000 : raw;
        if (raw < 0 || micros < EARLIEST_MICROS) {
            throw new BadInputException(BadInputReason.ABSURD_VALUE,
                    field + ": " + raw + " is before 2017-07-01, not a Binance time");
        }
        if (micros > receivedAtMicros + MAX_AHEAD_MICROS) {
            throw new BadInputException(BadInputReason.ABSURD_VALUE,
                    field + ": " + raw + " is more than 1 day after the receive time " + receivedAtMicros + " µs");
        }
        return micros;
    }

    /** Like {@link #toMicros(long, String, long)} without the future bound, for candle close times (a 1M candle closes weeks ahead). */
    public static long toMicrosNoFutureBound(long raw, String field) {
        return toMicros(raw, field, Long.MAX_VALUE - MAX_AHEAD_MICROS);
    }

    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}
