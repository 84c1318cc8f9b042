package io.k2.binance.soak;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One stream's ids in Kafka against what the simulator generated: every id in
 * {@code [firstSeen, lastGenerated]} must be there exactly once.
 *
 * @param firstSeen      lowest id found in Kafka (null: none at all, which fails the check)
 * @param lastGenerated  the simulator's newest id on the stream when injecting stopped
 * @param maxSeen        highest id found (above lastGenerated: events that came after, not checked)
 * @param records        records read for the stream
 * @param missing        ids in the range not found
 * @param duplicates     records whose id had been found before (anywhere, not only in the range)
 * @param someMissing    the first missing ids, to look them up in the app's log and the gaps topic
 */
public record LedgerCheck(String stream, Long firstSeen, long lastGenerated, Long maxSeen, long records, long missing,
                          long duplicates, List<Long> someMissing) {

    @JsonProperty("passed")
    public boolean passed() {
        return firstSeen != null && missing == 0 && duplicates == 0;
    }
}
