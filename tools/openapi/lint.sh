#!/usr/bin/env bash
# Lints the live OpenAPI document of a running service with Spectral (spectral:oas) and Redocly
# (recommended), and fails on any error or warning of either.
# Usage: tools/openapi/lint.sh http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")"
base_url=${1:?usage: lint.sh BASE_URL}
[ -d node_modules ] || npm ci --no-audit --no-fund
doc=$(mktemp --suffix=.json)
trap 'rm -f "$doc"' EXIT
curl -sf "$base_url/v3/api-docs" -o "$doc"

echo "Spectral (spectral:oas):"
npx --no-install spectral lint "$doc" --ruleset .spectral.yaml --fail-severity=warn

echo "Redocly (recommended):"
# No usage report and no look-up of newer versions: nothing but the service is asked.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
report=$(npx --no-install redocly lint "$doc" --config redocly.yaml --format=json 2>/dev/null || true)
python3 -c '
import json, sys
report = json.loads(sys.argv[1])
for problem in report["problems"]:
    where = problem["location"][0]["pointer"] if problem.get("location") else ""
    print(problem["severity"], problem["ruleId"], where, problem["message"])
totals = report["totals"]
print("Redocly: %d errors, %d warnings" % (totals["errors"], totals["warnings"]))
sys.exit(1 if totals["errors"] or totals["warnings"] else 0)
' "$report"
