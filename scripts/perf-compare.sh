#!/usr/bin/env bash
# Measures the service against the FastAPI + NumPy peer of shared/perf/, as the README's
# Performance section reports it: startup to ready, the wrk comparison (shared/perf/compare.sh)
# and the service's peak resident memory over it.
#
#   bash scripts/perf-compare.sh [--java PATH] [--port P] [--peer-port P] [--no-build] [compare.sh options...]
#
#   --java PATH     the java that runs the service (default: java on PATH)
#   --port P        port of the service (default 8080; its management port is the next one)
#   --peer-port P   port of the peer (default 8090)
#   --no-build      use target/activation-lab-*.jar as it is
#   anything else goes to compare.sh, e.g. --rounds 3 (its default here) or --seconds 10
#
# Steps: package the jar (tests skipped: this measures, .ci/run tests); start it as a user does,
#   java -jar target/activation-lab-*.jar
# with no JVM options at all, and time it until GET /actuator/health on the management port
# answers UP; start the peer (shared/perf/start_peer.sh;
# it needs Debian's python3-fastapi python3-uvicorn python3-numpy python3-torch python3-ujson
# python3-uvloop python3-httptools); run compare.sh; print the peak resident set (VmHWM) of the
# service; stop both, also on failure or Ctrl-C. SHARED names the shared/ folder (default ../shared).
set -euo pipefail
cd "$(dirname "$0")/.."

java_cmd=java
port=8080
peer_port=8090
build=true
compare_args=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --java) java_cmd=${2:?--java needs a path}; shift 2 ;;
    --port) port=${2:?--port needs a number}; shift 2 ;;
    --peer-port) peer_port=${2:?--peer-port needs a number}; shift 2 ;;
    --no-build) build=false; shift ;;
    -h|--help) sed -n '2,22s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) compare_args+=("$1"); shift ;;
  esac
done
[[ " ${compare_args[*]-} " == *" --rounds "* ]] || compare_args+=(--rounds 3)

shared=${SHARED:-../shared}
perf=$shared/perf
if $build; then
  ./mvnw -B package -DskipTests
fi
jar=$(ls target/activation-lab-*.jar | grep -v plain | head -n 1)
management_port=$((port + 1))

service_pid=''
peer_started=false
cleanup() {
  if [[ -n $service_pid ]]; then
    kill "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
  fi
  if $peer_started; then
    bash "$perf/stop_peer.sh" "$peer_port" >/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

health=http://127.0.0.1:$management_port/actuator/health
if curl -s -o /dev/null -m 2 "$health"; then
  echo "perf-compare: something already answers on port $port" >&2
  exit 1
fi
started=$(date +%s%N)
log=target/perf-service.log
"$java_cmd" -jar "$jar" --server.port="$port" --management.server.port="$management_port" >"$log" 2>&1 &
service_pid=$!
until curl -sf -m 1 "$health" 2>/dev/null | grep -q '"UP"'; do
  if ! kill -0 "$service_pid" 2>/dev/null; then
    cat "$log" >&2
    echo "perf-compare: the service exited during start-up" >&2
    exit 1
  fi
  if (( ($(date +%s%N) - started) / 1000000000 > 60 )); then
    echo "perf-compare: the service was not ready within 60 s" >&2
    exit 1
  fi
  sleep 0.05
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))

bash "$perf/start_peer.sh" "$peer_port"
peer_started=true

status=0
bash "$perf/compare.sh" --ours "http://127.0.0.1:$port" --peer "http://127.0.0.1:$peer_port" \
  "${compare_args[@]}" || status=$?

peak_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$service_pid/status")
echo
echo "service: $java_cmd -jar $jar (no JVM options), $("$java_cmd" -version 2>&1 | head -n 1)"
echo "service: ready $ready_ms ms after launch (GET /actuator/health UP);" \
  "$(grep -o 'Started ActivationLabApplication in [0-9.]* seconds' "$log" || true)"
echo "service: peak resident set (VmHWM) over the whole comparison: $peak_kb kB" \
  "($(( peak_kb * 1024 / 1000000 )) MB)"
exit "$status"
