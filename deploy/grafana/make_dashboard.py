#!/usr/bin/env python3
"""Generates deploy/grafana/dashboards/k2-binance-stream.json. Edit here, then run:
   python3 deploy/grafana/make_dashboard.py
(Hand edits to the JSON are lost on the next run.)"""
import json, os

DS = {"type": "prometheus", "uid": "${datasource}"}
SEL = 'job="k2", colour=~"$colour"'
panels = []
y = 0
pid = 0


def row(title):
    global y, pid
    pid += 1
    panels.append({"type": "row", "title": title, "id": pid, "collapsed": False,
                   "gridPos": {"h": 1, "w": 24, "x": 0, "y": y}, "panels": []})
    y += 1


def ts(title, targets, unit="short", w=12, h=8, x=0, desc="", stack=False, newline=True, thresholds=None):
    global y, pid
    pid += 1
    p = {
        "type": "timeseries", "title": title, "id": pid, "datasource": DS, "description": desc,
        "gridPos": {"h": h, "w": w, "x": x, "y": y},
        "fieldConfig": {"defaults": {"unit": unit, "custom": {
            "drawStyle": "line", "lineWidth": 1, "fillOpacity": 10, "showPoints": "never",
            "stacking": {"mode": "normal" if stack else "none", "group": "A"}}},
            "overrides": []},
        "options": {"legend": {"displayMode": "table", "placement": "bottom", "calcs": ["lastNotNull", "max"]},
                    "tooltip": {"mode": "multi", "sort": "desc"}},
        "targets": [{"datasource": DS, "refId": chr(65 + i), "expr": e, "legendFormat": l}
                    for i, (e, l) in enumerate(targets)],
    }
    if thresholds:
        p["fieldConfig"]["defaults"]["thresholds"] = {"mode": "absolute", "steps": thresholds}
        p["fieldConfig"]["defaults"]["custom"]["thresholdsStyle"] = {"mode": "line"}
    panels.append(p)
    if newline and x + w >= 24:
        y += h


def stat(title, expr, unit="short", w=4, h=4, x=0, mappings=None, steps=None, desc="", newline=False):
    global y, pid
    pid += 1
    panels.append({
        "type": "stat", "title": title, "id": pid, "datasource": DS, "description": desc,
        "gridPos": {"h": h, "w": w, "x": x, "y": y},
        "fieldConfig": {"defaults": {"unit": unit, "mappings": mappings or [],
                                     "thresholds": {"mode": "absolute", "steps": steps or [{"color": "green", "value": None}]},
                                     "color": {"mode": "thresholds"}}, "overrides": []},
        "options": {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                    "colorMode": "background", "graphMode": "none", "textMode": "value_and_name"},
        "targets": [{"datasource": DS, "refId": "A", "expr": expr, "legendFormat": "{{instance}}"}],
    })
    if newline:
        y += h


RED, GREEN, ORANGE = "red", "green", "orange"

# ---- overview -------------------------------------------------------------------------------------------
row("Overview")
stat("Scrape up", f'up{{{SEL}}}', x=0, mappings=[{"type": "value", "options": {
    "0": {"text": "DOWN", "color": RED}, "1": {"text": "UP", "color": GREEN}}}],
    steps=[{"color": RED, "value": None}, {"color": GREEN, "value": 1}])
stat("Binance sockets open", f'sum by (instance) (k2_binance_connections_open{{{SEL}}})', x=4,
     mappings=[{"type": "value", "options": {"0": {"text": "CLOSED", "color": RED}}}],
     steps=[{"color": RED, "value": None}, {"color": GREEN, "value": 1}],
     desc="k2_binance_connections_open: open sockets to the exchange, one per shard, two for a shard during a rotation. 0 = disconnected (K2ExchangeDisconnected).")
stat("Events in /s", f'sum by (instance) (rate(k2_events_received_total{{{SEL}}}[1m]))', unit="ops", x=8)
stat("Acked /s", f'sum by (instance) (rate(k2_records_acked_total{{{SEL}}}[1m]))', unit="ops", x=12)
stat("Dead letters (1h)", f'sum by (instance) (increase(k2_records_dead_lettered_total{{{SEL}}}[1h]))', x=16,
     steps=[{"color": GREEN, "value": None}, {"color": ORANGE, "value": 1}])
stat("Dead-letter FAILED (24h)", f'sum by (instance) (increase(k2_records_dead_letter_failed_total{{{SEL}}}[24h])) or sum by (instance) (up{{{SEL}}}) * 0',
     x=20, steps=[{"color": GREEN, "value": None}, {"color": RED, "value": 1}],
     desc="Frames that reached no topic: failed dead-letter writes, frames shed by back-pressure (ingest_overflow), unaccounted, shutdown_unsettled. Must be 0.", newline=True)

# ---- throughput -----------------------------------------------------------------------------------------
row("Throughput")
ts("Events received vs acked per stream (/s)", [
    (f'sum by (instance, stream) (rate(k2_events_received_total{{{SEL}}}[1m]))', "in {{instance}} {{stream}}"),
    (f'sum by (instance, stream) (rate(k2_records_acked_total{{{SEL}}}[1m]))', "acked {{instance}} {{stream}}"),
], unit="ops", w=16, newline=False,
   desc="Received = frames read off the socket; acked = records Kafka acknowledged on a data topic.")
ts("Unsettled (received - all outcomes) /s", [
    (f'sum by (instance) (rate(k2_events_received_total{{{SEL}}}[5m])) '
     f'- (sum by (instance) (rate(k2_records_acked_total{{{SEL}}}[5m])) or sum by (instance) (rate(k2_events_received_total{{{SEL}}}[5m])) * 0) '
     f'- (sum by (instance) (rate(k2_records_dead_lettered_total{{{SEL}}}[5m])) or sum by (instance) (rate(k2_events_received_total{{{SEL}}}[5m])) * 0) '
     f'- (sum by (instance) (rate(k2_control_frames_total{{{SEL}}}[5m])) or sum by (instance) (rate(k2_events_received_total{{{SEL}}}[5m])) * 0) '
     f'- (sum by (instance) (rate(k2_events_duplicates_total{{{SEL}}}[5m])) or sum by (instance) (rate(k2_events_received_total{{{SEL}}}[5m])) * 0) '
     f'- (sum by (instance) (rate(k2_records_dead_letter_failed_total{{{SEL}}}[5m])) or sum by (instance) (rate(k2_events_received_total{{{SEL}}}[5m])) * 0)',
     "{{instance}}"),
], unit="ops", w=8, x=16,
   desc="Accounting identity: received = acked + dead-lettered + control frames + duplicates + dead-letter failed, once in-flight settles. Should hover around 0; a lasting positive value is records stuck in flight.")

# ---- errors -----------------------------------------------------------------------------------------------
row("Dead letters")
ts("Dead letters by reason (/s)", [
    (f'sum by (instance, reason) (rate(k2_records_dead_lettered_total{{{SEL}}}[5m]))', "{{instance}} {{reason}}"),
], unit="ops", w=12, newline=False, stack=True)
ts("Dead letters by stream (/s) and dead-letter write failures", [
    (f'sum by (instance, stream) (rate(k2_records_dead_lettered_total{{{SEL}}}[5m]))', "{{instance}} {{stream}}"),
    (f'sum by (instance, stream, reason) (rate(k2_records_dead_letter_failed_total{{{SEL}}}[5m]))', "FAILED {{instance}} {{stream}} {{reason}}"),
], unit="ops", w=12, x=12)

# ---- latency ------------------------------------------------------------------------------------------------
row("Latency")
ts("Receive-to-ack latency p50 / p99 by type", [
    (f'max by (instance, type) (k2_ack_latency_seconds{{{SEL}, quantile="0.5"}})', "p50 {{instance}} {{type}}"),
    (f'max by (instance, type) (k2_ack_latency_seconds{{{SEL}, quantile="0.99"}})', "p99 {{instance}} {{type}}"),
], unit="s", w=12, newline=False, thresholds=[{"color": GREEN, "value": None}, {"color": RED, "value": 1}],
   desc="Client-side percentiles (Micrometer, ~2 min decaying window) per instance; alert K2AckLatencyHigh at p99 > 1 s.")
ts("Latency max and mean by type", [
    (f'max by (instance, type) (k2_ack_latency_seconds_max{{{SEL}}})', "max {{instance}} {{type}}"),
    (f'sum by (instance, type) (rate(k2_ack_latency_seconds_sum{{{SEL}}}[5m])) / sum by (instance, type) (rate(k2_ack_latency_seconds_count{{{SEL}}}[5m]))', "mean {{instance}} {{type}}"),
], unit="s", w=12, x=12)

# ---- connection -------------------------------------------------------------------------------------------------
# docs/runbooks/connection-incidents.md has the normal values of every panel here.
row("Binance connections")
ts("Sockets open per route (shards; +1 during a rotation)", [
    (f'sum by (instance, route) (k2_binance_connections_open{{{SEL}}})', "{{instance}} {{route}}"),
], w=8, newline=False,
   desc="k2_binance_connections_open: one socket per shard, two for a shard while it rotates (seconds). 0 = disconnected.")
ts("Connection age per shard", [
    (f'max by (instance, route, shard) (binance_connection_lifetime_seconds{{{SEL}}})', "{{instance}} {{route}} shard {{shard}}"),
], unit="s", w=8, x=8, newline=False,
   thresholds=[{"color": GREEN, "value": None}, {"color": ORANGE, "value": 15300}, {"color": RED, "value": 85800}],
   desc="binance_connection_lifetime_seconds of the oldest open connection per shard. Normal: a saw-tooth up to k2.binance.connection-max-lifetime-hours (4 h). K2RotationOverdue at 4 h 15 min, K2ConnectionNearBinanceCutoff at 23 h 50 min.")
ts("Rotations by reason, and catch-up timeouts (per 15 min)", [
    (f'sum by (instance, reason) (increase(binance_connection_rotations_total{{{SEL}}}[15m]))', "{{instance}} {{reason}}"),
    (f'sum by (instance) (increase(binance_connection_rotation_catch_up_timeouts_total{{{SEL}}}[15m]))', "catch-up TIMEOUT {{instance}}"),
], w=8, x=16,
   desc="Make-before-break replacements. Normal: lifetime every 4 h per shard, server_shutdown now and then; pong_timeout, stale, stream_stale rare. A catch-up timeout is a possible gap (K2RotationCatchUpTimeouts).")
ts("Reconnects by reason (per 5 min)", [
    (f'sum by (instance, reason) (increase(binance_reconnects_total{{{SEL}}}[5m]))', "{{instance}} {{reason}}"),
    (f'sum by (instance) (increase(k2_binance_connects_total{{{SEL}}}[5m]))', "connects {{instance}}"),
], w=8, newline=False,
   desc="binance_reconnects_total: unplanned closes (close_<code>) and failed connects (connect_failed, handshake_timeout, http_<status>). Normal: close to none. Connects include rotations.")
ts("Pong timeouts (per 15 min)", [
    (f'sum by (instance) (increase(binance_pong_timeouts_total{{{SEL}}}[15m]))', "{{instance}}"),
], w=8, x=8, newline=False,
   desc="Our ping got no pong within k2.binance.ping-timeout-seconds: the connection was dead and was replaced (gap). Normal: 0 (BinancePongTimeout).")
ts("Time since the last pong, per connection", [
    (f'time() - max by (instance, shard, connection) (binance_last_pong_timestamp_seconds{{{SEL}}} > 0)', "{{instance}} shard {{shard}} {{connection}}"),
], unit="s", w=8, x=16,
   thresholds=[{"color": GREEN, "value": None}, {"color": ORANGE, "value": 190}],
   desc="Normal: below k2.binance.ping-interval-seconds (180 s) + a pong round trip. A new connection has no pong yet (not shown).")
ts("Time since the last message, per stream", [
    (f'time() - max by (instance, stream) (binance_last_message_timestamp_seconds{{{SEL}}} > 0)', "{{instance}} {{stream}}"),
], unit="s", w=16, newline=False,
   thresholds=[{"color": GREEN, "value": None}, {"color": ORANGE, "value": 300}, {"color": RED, "value": 600}],
   desc="binance_last_message_timestamp_seconds. Klines and partial depth tick every few seconds: 10 min is K2StreamStale. Trade, aggTrade, bookTicker and depth diffs may be silent in a quiet market (K2StreamQuiet after 1 h). The app replaces a connection once when a stream is silent 300 s (k2.binance.stream-stale-seconds).")
ts("Streams silent > 5 min (including never delivered)", [
    (f'count by (instance) ((time() - binance_last_message_timestamp_seconds{{{SEL}}}) > 300) or sum by (instance) (up{{{SEL}}}) * 0', "{{instance}}"),
], w=8, x=16,
   desc="Configured streams with no message for k2.binance.stream-stale-seconds (300 s), or none since start. Readiness lists them as staleStreams.")
ts("Duplicates dropped per stream (per 5 min)", [
    (f'sum by (instance, stream) (increase(k2_events_duplicates_total{{{SEL}}}[5m]))', "{{instance}} {{stream}}"),
], w=8, newline=False,
   desc="k2_events_duplicates_total: the overlap of a rotation, dropped by the dedup. Normal: a burst at each rotation, flat in between (K2DuplicatesOutsideRotation).")
ts("Connection attempts per 5 min, all instances (Binance limit 300/IP)", [
    ('sum (increase(k2_binance_connects_total{job="k2"}[5m])) + (sum (increase(binance_reconnects_total{job="k2", reason=~"connect_failed|handshake_timeout|http_.*"}[5m])) or vector(0))', "attempts"),
], w=8, x=8, newline=False, thresholds=[{"color": GREEN, "value": None}, {"color": ORANGE, "value": 150}, {"color": RED, "value": 300}],
   desc="Successful connects (first, reconnects, rotations) + failed connects, all colours together: Binance counts per IP. Each process holds itself to k2.binance.connect-attempts-per-5-minutes (150).")
ts("Connect attempts delayed, subscription failures (per 5 min)", [
    (f'sum by (instance) (increase(k2_binance_connect_attempts_delayed_total{{{SEL}}}[5m]))', "delayed {{instance}}"),
    (f'sum by (instance, outcome) (increase(k2_binance_subscription_failures_total{{{SEL}}}[5m]))', "SUBSCRIBE {{outcome}} {{instance}}"),
], w=8, x=16,
   desc="Delayed: connects or rotations held back by the attempt budget or a 429/418 Retry-After (a held rotation is re-checked every 250 ms, each check counts). Subscription failures: SUBSCRIBE refused (error_<code>) or unanswered (no_answer).")

# ---- gaps ------------------------------------------------------------------------------------------------------
# docs/gaps.md; docs/runbooks/sequence-gaps.md has the normal values.
row("Gaps and REST backfill")
ts("Gaps /s by stream", [
    (f'sum by (instance, stream) (rate(binance_sequence_gaps_total{{{SEL}}}[5m]))', "{{instance}} {{stream}}"),
], unit="ops", w=8, newline=False,
   desc="binance_sequence_gaps_total: holes in trade t, aggTrade a or f/l, depth U/u. bookTicker, partial depth and klines never report gaps. Normal: a few at a reconnect, pong timeout or timed-out rotation.")
ts("Missing events /s by stream", [
    (f'sum by (instance, stream) (rate(binance_missing_events_total{{{SEL}}}[5m]))', "{{instance}} {{stream}}"),
], unit="ops", w=8, x=8, newline=False,
   desc="binance_missing_events_total: ids missing in those holes, in the stream's own id space.")
ts("Open gaps and oldest open age", [
    (f'max by (instance) (binance_gaps_open{{{SEL}}})', "open {{instance}}"),
    (f'max by (instance) (binance_gaps_oldest_open_age_seconds{{{SEL}}})', "oldest age s {{instance}}"),
], w=8, x=16, thresholds=[{"color": GREEN, "value": None}, {"color": ORANGE, "value": 120}],
   desc="binance_gaps_open and binance_gaps_oldest_open_age_seconds (seconds). Normal: back to 0 within seconds. K2GapsOpenTooLong when the oldest is above 120 s for 1 min.")
ts("Gaps closed by outcome (per 5 min)", [
    (f'sum by (instance, outcome) (increase(binance_gaps_closed_total{{{SEL}}}[5m]))', "{{instance}} {{outcome}}"),
], w=8, newline=False, stack=True,
   desc="binance_gaps_closed_total: backfilled (trades/aggTrades fetched over REST), snapshot_published (depth), given_up (lost for good on this colour).")
ts("Gaps given up by reason (per 5 min)", [
    (f'sum by (instance, stream, reason) (increase(binance_gaps_given_up_total{{{SEL}}}[5m]))', "{{instance}} {{stream}} {{reason}}"),
], w=8, x=8, newline=False, stack=True,
   desc="binance_gaps_given_up_total. Every reason but trade_ids_only (an exchange-side jump of aggTrade trade ids) is events lost on this colour: K2GapsGivenUp.")
ts("Backfilled events /s by stream, REST records acked by origin", [
    (f'sum by (instance, stream) (rate(binance_backfilled_events_total{{{SEL}}}[5m]))', "backfilled {{instance}} {{stream}}"),
    (f'sum by (instance, origin) (rate(k2_records_acked_from_rest_total{{{SEL}}}[5m]))', "acked {{instance}} {{origin}}"),
], unit="ops", w=8, x=16,
   desc="binance_backfilled_events_total: events fetched over REST and published in place of missed ones. k2_records_acked_from_rest_total: those and the depth snapshots, acked by Kafka (origin backfill, snapshot).")
ts("REST weight used vs limit", [
    (f'max by (instance) (binance_rest_weight_used{{{SEL}}})', "used {{instance}}"),
    (f'max by (instance) (binance_rest_weight_limit{{{SEL}}})', "limit {{instance}}"),
], w=8, newline=False, thresholds=[{"color": GREEN, "value": None}, {"color": RED, "value": 6000}],
   desc="binance_rest_weight_used: the IP's weight in the current minute as Binance last reported it (X-MBX-USED-WEIGHT-1M), all processes on the IP. binance_rest_weight_limit: k2.rest.weight-limit (3000). Binance allows 6000 per minute per IP.")
ts("REST requests /s by endpoint and status", [
    (f'sum by (instance, endpoint, status) (rate(binance_rest_requests_total{{{SEL}}}[5m]))', "{{instance}} {{endpoint}} {{status}}"),
], unit="ops", w=8, x=8, newline=False,
   desc="binance_rest_requests_total: historicalTrades, aggTrades, depth; status 200, 429 (K2RestRateLimited), 418 (K2RestBanned), other codes, error = no answer.")
ts("REST ban: seconds left, and REST queue", [
    (f'max by (instance) (binance_rest_banned_until_timestamp_seconds{{{SEL}}}) - time() > 0', "ban left s {{instance}}"),
    (f'max by (instance) (binance_rest_queue{{{SEL}}})', "queued {{instance}}"),
], w=8, x=16,
   desc="binance_rest_banned_until_timestamp_seconds - time(): shown only while Binance bans this IP from REST (418). binance_rest_queue: requests waiting for weight, a 429 back-off or the ban. Normal: no ban line, queue 0.")
ts("Gap hold time (mean and max)", [
    (f'sum by (instance) (rate(binance_gap_hold_seconds_sum{{{SEL}}}[5m])) / sum by (instance) (rate(binance_gap_hold_seconds_count{{{SEL}}}[5m]))', "mean {{instance}}"),
    (f'max by (instance) (binance_gap_hold_seconds_max{{{SEL}}})', "max {{instance}}"),
], unit="s", w=8, newline=False, thresholds=[{"color": GREEN, "value": None}, {"color": ORANGE, "value": 5}],
   desc="binance_gap_hold_seconds: how long a gapped stream's live events waited behind its backfill. Bounded by k2.gaps.max-hold-ms (5 s).")
ts("Frames held behind gaps", [
    (f'max by (instance) (binance_gap_held_frames{{{SEL}}})', "{{instance}}"),
], w=8, x=8, newline=False, thresholds=[{"color": GREEN, "value": None}, {"color": ORANGE, "value": 20000}],
   desc="binance_gap_held_frames: live frames held now, all streams (limit k2.gaps.max-held-frames, 20000; ~0.5 KB each).")
ts("Holds expired by stream (per 30 min)", [
    (f'sum by (instance, stream) (increase(binance_gap_holds_expired_total{{{SEL}}}[30m]))', "{{instance}} {{stream}}"),
], w=8, x=16,
   desc="binance_gap_holds_expired_total: holds that ran out (time or frames), so the backfill landed after later live events (in_order=false). K2GapHoldsExpiring above 3 in 30 min.")

# ---- ingest ------------------------------------------------------------------------------------------------
row("Ingest back-pressure")
ts("Queue depth and in-flight", [
    (f'max by (instance) (k2_ingest_queue_depth{{{SEL}}})', "queue {{instance}}"),
    (f'max by (instance) (k2_ingest_inflight{{{SEL}}})', "in-flight {{instance}}"),
], w=8, newline=False, desc="Defaults: k2.ingest.queue-capacity 10000, k2.ingest.max-inflight 50000.")
ts("Back-pressure pauses (per 5 min)", [
    (f'sum by (instance) (increase(k2_ingest_backpressure_pauses_total{{{SEL}}}[5m]))', "{{instance}}"),
], w=8, x=8, newline=False, desc="Each pause lasts at most k2.ingest.max-pause-seconds (10 s).")
ts("Shed frames /s (ingest_overflow: data loss)", [
    (f'sum by (instance, stream) (rate(k2_records_dead_letter_failed_total{{{SEL}, reason="ingest_overflow"}}[5m]))', "{{instance}} {{stream}}"),
], unit="ops", w=8, x=16, thresholds=[{"color": GREEN, "value": None}, {"color": RED, "value": 0.000001}],
   desc="Frames dropped after a back-pressure pause ran out with the queue still full (K2IngestShedding). Must be empty.")

# ---- camel --------------------------------------------------------------------------------------------------------
row("Camel routes")
ts("Exchanges /s by route", [
    (f'sum by (instance, routeId) (rate(camel_exchanges_total{{{SEL}, eventType="route"}}[1m]))', "{{instance}} {{routeId}}"),
], unit="ops", w=12, newline=False)
ts("Failed and handled (dead-lettered) exchanges /s by route", [
    (f'sum by (instance, routeId) (rate(camel_exchanges_failed_total{{{SEL}, eventType="route"}}[5m]))', "failed {{instance}} {{routeId}}"),
    (f'sum by (instance, routeId) (rate(camel_exchanges_failures_handled_total{{{SEL}, eventType="route"}}[5m]))', "handled {{instance}} {{routeId}}"),
], unit="ops", w=12, x=12)

# ---- jvm ------------------------------------------------------------------------------------------------------------
row("JVM and process")
ts("Heap used vs max", [
    (f'sum by (instance) (jvm_memory_used_bytes{{{SEL}, area="heap"}})', "used {{instance}}"),
    (f'sum by (instance) (jvm_memory_max_bytes{{{SEL}, area="heap"}} > 0)', "max {{instance}}"),
], unit="bytes", w=8, newline=False)
ts("Process RSS and non-heap", [
    (f'k2_process_resident_memory_bytes{{{SEL}}}', "RSS {{instance}}"),
    (f'sum by (instance) (jvm_memory_used_bytes{{{SEL}, area="nonheap"}})', "non-heap {{instance}}"),
], unit="bytes", w=8, x=8, newline=False,
   desc="process_resident_memory_bytes is only present when the registry exports process metrics; compare with the container limit (K2_MEM_LIMIT).")
ts("GC pause time and CPU", [
    (f'sum by (instance) (rate(jvm_gc_pause_seconds_sum{{{SEL}}}[5m]))', "GC s/s {{instance}}"),
    (f'process_cpu_usage{{{SEL}}}', "CPU {{instance}}"),
], unit="percentunit", w=8, x=16)
ts("Threads and open files", [
    (f'jvm_threads_live_threads{{{SEL}}}', "threads {{instance}}"),
    (f'process_files_open_files{{{SEL}}}', "open files {{instance}}"),
], w=12, newline=True)

dashboard = {
    "uid": "k2-binance-stream",
    "title": "k2-binance-stream",
    "tags": ["k2", "binance", "kafka"],
    "timezone": "utc",
    "schemaVersion": 39,
    "version": 1,
    "editable": False,
    "refresh": "30s",
    "time": {"from": "now-6h", "to": "now"},
    "graphTooltip": 1,
    "annotations": {"list": [{"builtIn": 1, "datasource": {"type": "grafana", "uid": "-- Grafana --"},
                              "enable": True, "hide": True, "iconColor": "rgba(0, 211, 255, 1)",
                              "name": "Annotations & Alerts", "type": "dashboard"}]},
    "links": [],
    "templating": {"list": [
        {"name": "datasource", "type": "datasource", "query": "prometheus", "label": "Data source",
         "current": {"text": "Prometheus", "value": "k2-prometheus"}, "hide": 0},
        {"name": "colour", "type": "query", "label": "Colour", "datasource": DS,
         "query": {"query": 'label_values(up{job="k2"}, colour)', "refId": "colour"},
         "definition": 'label_values(up{job="k2"}, colour)',
         "includeAll": True, "multi": True, "allValue": ".*", "refresh": 2,
         "current": {"text": "All", "value": "$__all"}, "hide": 0},
    ]},
    "panels": panels,
}

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dashboards", "k2-binance-stream.json")
with open(out, "w") as f:
    json.dump(dashboard, f, indent=2)
    f.write("\n")
print("wrote", out, len(panels), "panels")
