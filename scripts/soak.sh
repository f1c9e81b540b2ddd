#!/usr/bin/env bash
# Starts the packaged jar as the container starts it in a 512 MiB limit, and runs the soak
# (scripts/soak.py) and the stalled-clients check (scripts/stalled-clients.py) against it.
#
#   ./mvnw -B package -DskipTests && bash scripts/soak.sh [--seconds 60]
#
# The JVM options and MALLOC_ARENA_MAX are read from the Dockerfile, so this measures what the
# image runs; -XX:MaxRAM=512m stands in for the container's memory limit (the JVM sizes its heap
# and picks its collector from it as it does inside the container). Needs wrk and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
    -h|--help) sed -n '2,10s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

jar=$(ls target/activation-lab-*.jar | grep -v plain | head -n 1)
options=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile)
arenas=$(sed -n 's/^ *MALLOC_ARENA_MAX=\([0-9]*\).*/\1/p' Dockerfile)
[[ -n $options && -n $arenas ]] || { echo "soak: no JAVA_TOOL_OPTIONS or MALLOC_ARENA_MAX in the Dockerfile" >&2; exit 1; }
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
port=$(free_port)
mport=$(free_port)
log=$(mktemp)
# shellcheck disable=SC2086 # the options are words
MALLOC_ARENA_MAX=$arenas java -XX:MaxRAM=512m $options -jar "$jar" --server.port="$port" \
  --management.server.port="$mport" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$mport/actuator/health" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
echo "service: java -XX:MaxRAM=512m $options -jar $(basename "$jar") (MALLOC_ARENA_MAX=$arenas), pid $pid"
status=0
python3 scripts/soak.py --pid "$pid" --port "$port" --management-port "$mport" --seconds "$seconds" || status=1
python3 scripts/stalled-clients.py --port "$port" --management-port "$mport" || status=1
if grep -q OutOfMemoryError "$log"; then echo "OutOfMemoryError in the log"; status=1; fi
exit "$status"
