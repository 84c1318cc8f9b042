#!/usr/bin/env bash
# Validates the Prometheus config, the alert/recording rules, runs the rule unit tests, parses every
# Grafana dashboard query and checks that every runbook_url points at a file in docs/runbooks/.
# Exit 0: all passed (or promtool missing: skipped, see below); non-zero: something failed.
# Install promtool: apt-get install -y prometheus  (Debian/Ubuntu), or use the prom/prometheus image:
#   docker run --rm -v "$PWD/deploy/prometheus:/p" --entrypoint /bin/sh prom/prometheus -c 'cd /p && ./check.sh'
set -euo pipefail
cd "$(dirname "$0")"

PROMTOOL="${PROMTOOL:-promtool}"
if ! command -v "$PROMTOOL" >/dev/null 2>&1; then
  echo "SKIPPED: promtool not found (set PROMTOOL=/path/to/promtool or apt-get install -y prometheus)." >&2
  echo "         Nothing in deploy/prometheus was checked." >&2
  exit 0
fi

promtool_version=$("$PROMTOOL" --version 2>&1)
echo "${promtool_version%%$'\n'*}"  # first line, without a pipe that SIGPIPE could break under pipefail
fail=0
run() { echo "+ $*"; "$@" || fail=1; }

run "$PROMTOOL" check config prometheus.yml
run "$PROMTOOL" check rules rules/*.yml
run "$PROMTOOL" test rules tests/*.test.yml

# every PromQL query of the Grafana dashboards must parse
if command -v python3 >/dev/null 2>&1; then
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  for d in ../grafana/dashboards/*.json; do
    run python3 ../grafana/promql_parse_test.py "$d" "$tmp/$(basename "$d" .json).test.yml"
    run "$PROMTOOL" test rules "$tmp/$(basename "$d" .json).test.yml"
  done
else
  echo "SKIPPED: dashboard query check (python3 not found)" >&2
fi

# every runbook_url must point at an existing runbook
for url in $(grep -ho 'runbook_url: "[^"]*"' rules/*.yml | sed 's/runbook_url: "\(.*\)"/\1/' | sort -u); do
  if [[ ! -f "../../$url" ]]; then
    echo "MISSING runbook: $url" >&2
    fail=1
  fi
done

if [[ $fail -ne 0 ]]; then
  echo "FAILED" >&2
  exit 1
fi
echo "OK: config, rules, rule tests, dashboard queries and runbook links"
