package io.k2.binance.pipeline;

import io.k2.binance.gap.GapNotice;
import io.k2.binance.normalize.Timestamps;
import io.k2.marketdata.GapCause;
import io.k2.marketdata.GapOutcome;
import io.k2.marketdata.GapRecordType;
import io.k2.marketdata.GapV1;

/** A gap notice from the gap closer as the GapV1 Avro record of the gaps topic. */
final class GapRecords {

    private GapRecords() {
    }

    static GapV1 toAvro(GapNotice n) {
        return GapV1.newBuilder()
                .setMessageId(messageId(n))
                .setRecord(GapRecordType.valueOf(n.record()))
                .setGapId(n.gapId())
                .setSymbol(n.symbol())
                .setStream(n.stream())
                .setEventType(n.eventType())
                .setFirstMissingId(n.firstMissing())
                .setLastMissingId(n.lastMissing())
                .setFirstMissingTradeId(n.firstMissingTrade())
                .setLastMissingTradeId(n.lastMissingTrade())
                .setDetectedAt(Timestamps.instant(n.detectedAtMicros()))
                .setCause(GapCause.valueOf(n.cause().toUpperCase(java.util.Locale.ROOT)))
                .setConnectionId(n.connectionId())
                .setOutcome(n.outcome() == null ? null : GapOutcome.valueOf(n.outcome()))
                .setReason(n.reason())
                .setRecovered(n.recovered())
                .setInOrder(n.inOrder())
                .setSnapshotUpdateId(n.snapshotUpdateId())
                .setClosedAt(n.closedAtMicros() == null ? null : Timestamps.instant(n.closedAtMicros()))
                .setInstance(n.instance())
                .build();
    }

    static String messageId(GapNotice n) {
        return "BINANCE:" + n.symbol() + ":gap:" + n.gapId() + ":" + n.record();
    }

}
