#!/usr/bin/env bash
# Creates the k2 topics on the compose Kafka (run by the kafka-init service). Idempotent.
# Env: BOOTSTRAP, PARTITIONS, RETENTION_MS, DEAD_LETTER_RETENTION_MS, TOPICS (space-separated), DEAD_LETTER_TOPIC,
#      GAPS_TOPIC (default binance.gaps = k2.kafka.topic.gaps), GAPS_RETENTION_MS (default DEAD_LETTER_RETENTION_MS)
set -euo pipefail
KT=/opt/kafka/bin/kafka-topics.sh
: "${BOOTSTRAP:?}" "${PARTITIONS:?}" "${RETENTION_MS:?}" "${DEAD_LETTER_RETENTION_MS:?}" "${TOPICS:?}" "${DEAD_LETTER_TOPIC:?}"

create() { # name retention-ms
  "$KT" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$1" \
    --partitions "$PARTITIONS" --replication-factor 1 \
    --config retention.ms="$2" --config compression.type=producer --config max.message.bytes=1048588
}

for t in $TOPICS; do
  create "$t" "$RETENTION_MS"
done
# dead letters are kept longer: they are the evidence for replay and bug reports
create "$DEAD_LETTER_TOPIC" "$DEAD_LETTER_RETENTION_MS"
# gap records (GapV1, docs/gaps.md) are the ledger of what was lost and recovered: kept as long as dead letters
create "${GAPS_TOPIC:-binance.gaps}" "${GAPS_RETENTION_MS:-$DEAD_LETTER_RETENTION_MS}"

"$KT" --bootstrap-server "$BOOTSTRAP" --list
echo "kafka-init: topics ready"
