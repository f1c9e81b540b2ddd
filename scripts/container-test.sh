#!/usr/bin/env bash
# Builds the image from the unchanged Dockerfile and checks what a user of the container relies on.
#
#   bash scripts/container-test.sh           # lint, build, run the checks
#   bash scripts/container-test.sh --load    # the same, then 30 s of wrk load to measure memory
#
# It runs rootful podman (no Docker engine is needed) and installs what it lacks on a Debian
# machine: podman, buildah, runc, debootstrap. Without access to a container registry it makes
# local stand-ins for the two base images, eclipse-temurin:17-jdk and eclipse-temurin:17-jre
# (Debian bookworm minbase with OpenJDK 17 from Debian), once; later runs reuse them.
#
# Environment: CONTAINER_TEST_PORT (host port, default a free one), DEBIAN_MIRROR (mirror for the
# stand-ins, default the host's apt sources or else debootstrap's own), IMAGE (default
# localhost/activation-lab:test).
set -euo pipefail
cd "$(dirname "$0")/.."

readonly IMAGE=${IMAGE:-localhost/activation-lab:test}
readonly STANDIN_SUITE=bookworm
readonly READY_LIMIT_S=20
readonly STOP_LIMIT_S=10
readonly MEMORY_LIMIT=512m
readonly DOCKERFILELINT_VERSION=1.8.0
readonly KUBERNETES_MODELS_VERSION=5.1.0
readonly JS_YAML_VERSION=4.1.0
readonly BUILD_LABEL=dev.activationlab.container-test=true
load=false
case "${1-}" in
  --load) load=true ;;
  '') ;;
  *) echo "usage: $0 [--load]" >&2; exit 2 ;;
esac

passed=0
containers=()
standin_ctr=
scratch=$(mktemp -d)

cleanup() {
  local c
  for c in "${containers[@]}"; do podman rm -f -t 0 "$c" >/dev/null 2>&1 || true; done
  if [[ -n $standin_ctr ]]; then buildah rm "$standin_ctr" >/dev/null 2>&1 || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '\n==> %s\n' "$*"; }
pass() { passed=$((passed + 1)); printf 'ok   %s\n' "$*"; }
fail() {
  printf '\nFAIL %s\n' "$*" >&2
  printf 'container-test: %d passed, 1 failed\n' "$passed"
  exit 1
}
now_ms() { date +%s%3N; }

# --- tools -------------------------------------------------------------------------------------

install_tools() {
  local missing=() cmd pkg
  for pair in podman:podman buildah:buildah runc:runc debootstrap:debootstrap curl:curl node:nodejs npm:npm \
              newuidmap:uidmap fuse-overlayfs:fuse-overlayfs slirp4netns:slirp4netns python3:python3; do
    cmd=${pair%%:*} pkg=${pair##*:}
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if $load && ! command -v wrk >/dev/null 2>&1; then missing+=(wrk); fi
  [[ ${#missing[@]} -eq 0 ]] && return 0
  command -v apt-get >/dev/null 2>&1 || fail "missing ${missing[*]} and no apt-get to install them"
  say "installing ${missing[*]}"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; } \
    </dev/null >"$scratch/apt.log" 2>&1 \
    || { tail -n 30 "$scratch/apt.log" >&2; fail "apt-get could not install ${missing[*]}"; }
}

# Sets KEY = VALUE in [TABLE] of a TOML file, leaving every other line as it is: replaces the key
# where it is set (a multi-line array included), else adds it under the table, else adds the table.
set_toml_key() {
  /usr/bin/python3 - "$@" <<'PY'
import pathlib, re, sys
path, table, key, value = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
lines = path.read_text().splitlines() if path.exists() else []
wanted = f"{key} = {value}"
header = re.compile(r"^\s*\[([^\[\]]+)\]\s*(#.*)?$")
current, table_at, key_at, key_end = None, None, None, None
for i, line in enumerate(lines):
    m = header.match(line)
    if m:
        current = m.group(1).strip()
        if current == table and table_at is None:
            table_at = i
        continue
    if current == table and key_at is None and re.match(rf"^\s*{re.escape(key)}\s*=", line):
        key_at = key_end = i
        # An array may run over several lines: the assignment ends at the line closing it.
        depth = line.split("#")[0].count("[") - line.split("#")[0].count("]")
        while depth > 0 and key_end + 1 < len(lines):
            key_end += 1
            depth += lines[key_end].split("#")[0].count("[") - lines[key_end].split("#")[0].count("]")
if key_at is not None:
    if lines[key_at:key_end + 1] == [wanted]:
        sys.exit(0)
    lines[key_at:key_end + 1] = [wanted]
elif table_at is not None:
    lines.insert(table_at + 1, wanted)
else:
    lines += ([""] if lines else []) + [f"[{table}]", wanted]
path.parent.mkdir(parents=True, exist_ok=True)
path.write_text("\n".join(lines) + "\n")
print(f"{path}: [{table}] {wanted}")
PY
}

configure_podman() {
  local conf=/etc/containers/containers.conf
  # runc is the runtime these machines run. Podman raises a container's open-files limit to
  # 1048576 unless told otherwise, above the hard limit these machines grant, and runc then
  # fails with "error setting rlimits".
  set_toml_key "$conf" engine runtime '"runc"'
  set_toml_key "$conf" containers default_ulimits '["nofile=8192:8192", "nproc=8192:8192"]'
}

# --- stand-in base images ----------------------------------------------------------------------

# The mirror the host's apt sources name: the one for the stand-in's suite, else the one for the
# host's own release (a Debian mirror carries every release), else nothing: debootstrap's default.
debian_mirror() {
  if [[ -n ${DEBIAN_MIRROR-} ]]; then echo "$DEBIAN_MIRROR"; return; fi
  local host_suite suite
  # shellcheck disable=SC1091 # the host's own file
  host_suite=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME-}")
  for suite in "$STANDIN_SUITE" ${host_suite:+"$host_suite"}; do
    {
      # One-line format: deb [options] URI SUITE COMPONENT...
      cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
        | sed -E 's/\[[^]]*\]//' \
        | awk -v suite="$suite" '$1 == "deb" && $3 == suite { print $2 }'
      # deb822 format: stanzas of Types, URIs, Suites, separated by blank lines.
      cat /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | awk -v suite="$suite" '
            function flush() { if (deb && has) print uri; deb = has = 0; uri = "" }
            /^[[:space:]]*$/ { flush(); next }
            /^Types:/  { for (i = 2; i <= NF; i++) if ($i == "deb") deb = 1 }
            /^URIs:/   { uri = $2 }
            /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) has = 1 }
            END { flush() }'
    } | grep -E '^https?://' | head -n 1
  done | head -n 1 || true
}

# Raise when the stand-ins' contents change, so that older ones on a machine are rebuilt.
STANDIN_REVISION=2

build_standin() {
  local tag=$1 package=$2 mirror arch ctr mnt
  mirror=$(debian_mirror)
  arch=$(dpkg --print-architecture)
  say "making a local stand-in for $tag: debootstrap $STANDIN_SUITE minbase + $package (mirror: ${mirror:-debootstrap default})"
  ctr=$(buildah from scratch)
  standin_ctr=$ctr
  mnt=$(buildah mount "$ctr")
  mkdir -p "$scratch/debs"
  # shellcheck disable=SC2086 # an empty mirror means debootstrap's default
  if ! debootstrap --variant=minbase --cache-dir="$scratch/debs" --include="ca-certificates,$package" \
      "$STANDIN_SUITE" "$mnt" $mirror >"$scratch/debootstrap.log" 2>&1; then
    tail -n 30 "$scratch/debootstrap.log" >&2
    fail "debootstrap of the $tag stand-in failed (log above)"
  fi
  # Like the real images: no package lists, caches, manuals or translations; copyright files stay.
  rm -rf "$mnt"/var/cache/apt/archives/*.deb "$mnt"/var/cache/apt/*.bin "$mnt"/var/lib/apt/lists/* \
    "$mnt"/var/log/*.log "$mnt"/var/log/apt/* "$mnt"/usr/share/man/* "$mnt"/usr/share/info/* \
    "$mnt"/usr/share/locale/*
  find "$mnt"/usr/share/doc -type f ! -name copyright -delete
  buildah umount "$ctr" >/dev/null
  buildah config --env LANG=C.UTF-8 --env "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-$arch" \
    --cmd /bin/bash \
    --label "org.opencontainers.image.description=Local stand-in for $tag: Debian $STANDIN_SUITE minbase with $package" \
    --label "dev.activationlab.standin-revision=$STANDIN_REVISION" \
    "$ctr"
  buildah commit --rm --quiet "$ctr" "localhost/$tag" >/dev/null
  standin_ctr=
}

# True when the tag is missing, or is a stand-in of an older revision (never true of a real image).
needs_standin() {
  local tag=$1 description revision
  podman image exists "$tag" || return 0
  description=$(podman image inspect -f '{{index .Labels "org.opencontainers.image.description"}}' "$tag" 2>/dev/null || true)
  revision=$(podman image inspect -f '{{index .Labels "dev.activationlab.standin-revision"}}' "$tag" 2>/dev/null || true)
  [[ $description == "Local stand-in for"* && $revision != "$STANDIN_REVISION" ]]
}

ensure_base_images() {
  # The real Temurin images carry fontconfig (and through it a font), which AWT needs to draw
  # the plots; the stand-ins do too.
  if needs_standin eclipse-temurin:17-jre; then
    build_standin eclipse-temurin:17-jre openjdk-17-jre-headless,fontconfig
  fi
  if needs_standin eclipse-temurin:17-jdk; then
    build_standin eclipse-temurin:17-jdk openjdk-17-jdk-headless,fontconfig
  fi
}

# --- checks that need no container -------------------------------------------------------------

lint_dockerfile() {
  command -v npx >/dev/null 2>&1 || fail "npx (npm) is needed to run dockerfilelint"
  local out
  if ! out=$(npx --yes "dockerfilelint@$DOCKERFILELINT_VERSION" "$PWD/Dockerfile" 2>&1); then
    printf '%s\n' "$out" >&2
    fail "dockerfilelint reports findings in the Dockerfile"
  fi
  grep -q 'None found' <<<"$out" || { printf '%s\n' "$out" >&2; fail "dockerfilelint gave no verdict"; }
  pass "dockerfilelint $DOCKERFILELINT_VERSION: no findings"
}

# The manifests against the Kubernetes API schema (types, required fields) with the npm package
# kubernetes-models, then what this service needs of them.
check_manifests() {
  local dir=$scratch/manifests out
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error \
    "kubernetes-models@$KUBERNETES_MODELS_VERSION" "js-yaml@$JS_YAML_VERSION" >"$dir/npm.log" 2>&1 \
    || { cat "$dir/npm.log" >&2; fail "npm could not install kubernetes-models"; }
  cat >"$dir/check.mjs" <<'JS'
import assert from "node:assert/strict";
import fs from "node:fs";
import yaml from "js-yaml";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { Service } from "kubernetes-models/v1/Service";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";

const models = { Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget };
const docs = {};
for (const file of process.argv.slice(2)) {
  for (const doc of yaml.loadAll(fs.readFileSync(file, "utf8"))) {
    if (!doc) continue;
    const Model = models[doc.kind];
    assert.ok(Model, `${file}: unexpected kind ${doc.kind}`);
    new Model(doc).validate();
    docs[doc.kind] = doc;
  }
}
for (const kind of ["Deployment", "Service", "HorizontalPodAutoscaler"]) assert.ok(docs[kind], `no ${kind}`);
const deployment = docs.Deployment;
const pod = deployment.spec.template.spec;
const app = pod.containers[0];
assert.equal(app.readinessProbe?.httpGet?.path, "/actuator/health/readiness", "readiness probe");
assert.equal(app.livenessProbe?.httpGet?.path, "/actuator/health/liveness", "liveness probe");
const management = (app.ports ?? []).find((p) => p.containerPort === 8081);
assert.ok(management, "the management port 8081 is declared");
for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
  assert.equal(app[probe]?.httpGet?.port, management.name, `${probe} on the management port`);
}
for (const kind of ["requests", "limits"]) {
  assert.ok(app.resources?.[kind]?.cpu && app.resources[kind].memory, `resources.${kind}: cpu and memory`);
}
assert.equal(pod.securityContext?.runAsNonRoot, true, "runAsNonRoot");
assert.equal(app.securityContext?.readOnlyRootFilesystem, true, "readOnlyRootFilesystem");
const tmp = (app.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
assert.ok(tmp && pod.volumes.some((v) => v.name === tmp.name && v.emptyDir), "an emptyDir on /tmp");
assert.deepEqual(docs.Service.spec.selector, deployment.spec.selector.matchLabels, "Service selects the pods");
const hpa = docs.HorizontalPodAutoscaler.spec;
assert.equal(hpa.scaleTargetRef.name, deployment.metadata.name, "HPA target");
assert.equal(hpa.metrics[0].resource?.name, "cpu", "HPA metric");
console.log(Object.keys(docs).sort().join(", "));
JS
  out=$(node "$dir/check.mjs" deploy/kubernetes/*.yaml 2>&1) \
    || { printf '%s\n' "$out" >&2; fail "the Kubernetes manifests in deploy/kubernetes/ are not as required"; }
  pass "Kubernetes manifests valid against the API schema, with probes, limits, non-root, read-only root: $out"
}

# --- build -------------------------------------------------------------------------------------

build_image() {
  say "building $IMAGE from the Dockerfile"
  local started
  started=$(now_ms)
  # --format docker keeps the HEALTHCHECK (the OCI format has none). The host's certificates
  # are mounted read-only for the RUN steps only: a bind mount is never part of a layer.
  local options=(--format docker --pull=never --layers --label "$BUILD_LABEL" -v /etc/ssl/certs:/etc/ssl/certs:ro)
  podman build "${options[@]}" -t "$IMAGE" . >"$scratch/build.log" 2>&1 \
    || { tail -n 40 "$scratch/build.log" >&2; fail "podman build failed (last lines above)"; }
  build_s=$(( ($(now_ms) - started) / 1000 ))
  # Naming the build stage keeps its layers (the Maven dependencies) as the cache of the next
  # run; the images of earlier runs, now unnamed, are removed so repeated runs do not fill the disk.
  podman build "${options[@]}" --target build -t "$IMAGE-build-stage" . >>"$scratch/build.log" 2>&1 \
    || { tail -n 40 "$scratch/build.log" >&2; fail "podman build --target build failed"; }
  podman image prune -f --filter "label=$BUILD_LABEL" >/dev/null 2>&1 || true
  pass "image built from the unchanged Dockerfile in ${build_s} s"
}

check_no_host_certificates() {
  local cert line fingerprint found=0 listing
  listing=$(podman run --rm --entrypoint keytool "$IMAGE" -list -cacerts -storepass changeit 2>/dev/null | tr -d ':' | tr 'a-f' 'A-F' || true)
  for cert in /usr/local/share/ca-certificates/*.crt; do
    [[ -f $cert ]] || continue
    line=$(grep -v -- '-----' "$cert" | sed -n '5p')
    if [[ -n $line ]] && podman run --rm --entrypoint grep "$IMAGE" -rqF -- "$line" /etc/ssl /usr/local/share 2>/dev/null; then
      found=1; echo "the image holds $cert" >&2
    fi
    fingerprint=$(openssl x509 -in "$cert" -noout -fingerprint -sha256 2>/dev/null | sed 's/.*=//' | tr -d ':' || true)
    if [[ -n $fingerprint ]] && grep -q "$fingerprint" <<<"$listing"; then
      found=1; echo "the image's Java trust store holds $cert" >&2
    fi
  done
  [[ $found -eq 0 ]] || fail "a certificate authority of the host went into the image"
  pass "no certificate authority of the host's own is in the image"
}

# --- run ---------------------------------------------------------------------------------------

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts the image read-only with a tmpfs on /tmp and waits for readiness; sets ready_ms.
start_container() {
  local name=$1 port=$2 mport=$3 started deadline body
  containers+=("$name")
  podman rm -f -t 0 "$name" >/dev/null 2>&1 || true
  started=$(now_ms)
  # Podman complains on stderr that it cannot set up a systemd timer for the HEALTHCHECK on a
  # machine without systemd; the check below runs the HEALTHCHECK itself.
  podman run -d --name "$name" --read-only --tmpfs /tmp:rw,size=64m,mode=1777 \
    --memory "$MEMORY_LIMIT" -p "127.0.0.1:$port:8080" -p "127.0.0.1:$mport:8081" "$IMAGE" >/dev/null 2>"$scratch/run.log" \
    || { cat "$scratch/run.log" >&2; fail "podman run of $IMAGE failed"; }
  deadline=$((started + READY_LIMIT_S * 1000))
  while (( $(now_ms) < deadline )); do
    body=$(curl -s --max-time 1 "http://127.0.0.1:$mport/actuator/health/readiness" || true)
    if [[ $body == *'"status":"UP"'* ]]; then
      ready_ms=$(( $(now_ms) - started ))
      (( ready_ms <= READY_LIMIT_S * 1000 )) && return 0
      break
    fi
    [[ $(podman inspect -f '{{.State.Running}}' "$name") == true ]] \
      || { podman logs "$name" 2>&1 | tail -n 40 >&2; fail "the container exited before it was ready"; }
    sleep 0.1
  done
  podman logs "$name" 2>&1 | tail -n 40 >&2
  fail "/actuator/health/readiness was not UP within $READY_LIMIT_S s (load average: $(cut -d ' ' -f 1-3 /proc/loadavg))"
}

check_evaluate() {
  local port=$1 out
  out=$(curl -s --max-time 5 -H 'Content-Type: application/json' -d '{"x": [-2.0, 0.0, 3.5]}' \
    "http://127.0.0.1:$port/api/v1/activations/relu/evaluate") || fail "the evaluate request got no answer"
  /usr/bin/python3 -c '
import json, sys
body = json.loads(sys.argv[1])
assert body["activation"] == "relu" and body["values"] == [0.0, 0.0, 3.5], body
' "$out" || fail "POST /api/v1/activations/relu/evaluate answered $out"
  pass "POST /api/v1/activations/relu/evaluate answers [0, 0, 3.5]"
}

check_plot() {
  local port=$1 headers
  headers=$(curl -s --max-time 20 -o "$scratch/plot.png" -D - \
    "http://127.0.0.1:$port/api/v1/activations/sigmoid/plot?format=png&width=400&height=300") \
    || fail "the plot request got no answer"
  grep -qi '^content-type: image/png' <<<"$headers" || fail "GET .../sigmoid/plot?format=png answered: $(head -n 1 <<<"$headers")"
  [[ $(head -c 8 "$scratch/plot.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] \
    || fail "GET .../sigmoid/plot?format=png did not send a PNG"
  pass "GET /api/v1/activations/sigmoid/plot?format=png draws a PNG (fonts and headless AWT work)"
}

check_non_root() {
  local name=$1 uids
  uids=$(podman exec "$name" cat /proc/1/status | awk '/^Uid:/ { print $2, $3, $4, $5 }')
  [[ -n $uids && ! $uids =~ (^| )0( |$) ]] || fail "the service runs with user ids '$uids', root among them"
  pass "the service (PID 1) runs as user ${uids%% *}, not root"
}

check_read_only() {
  local name=$1
  [[ $(podman inspect -f '{{.HostConfig.ReadonlyRootfs}}' "$name") == true ]] || fail "the root file system is writable"
  # As root inside the container, so that only the read-only mount can refuse the write.
  if podman exec --user 0 "$name" sh -c 'echo x > /app/probe' 2>/dev/null; then fail "/app is writable"; fi
  podman exec "$name" sh -c 'echo x > /tmp/probe && rm /tmp/probe' || fail "/tmp (tmpfs) is not writable"
  pass "runs with a read-only root file system and a writable tmpfs /tmp"
}

check_healthcheck() {
  local name=$1 idle=$1-idle
  podman healthcheck run "$name" >/dev/null 2>&1 || fail "the image's HEALTHCHECK reports the ready service unhealthy"
  # The same HEALTHCHECK where no service listens must say unhealthy.
  containers+=("$idle")
  podman run -d --name "$idle" --entrypoint sleep "$IMAGE" 60 >/dev/null 2>>"$scratch/run.log" \
    || { cat "$scratch/run.log" >&2; fail "podman run of an idle $IMAGE failed"; }
  if podman healthcheck run "$idle" >/dev/null 2>&1; then fail "the HEALTHCHECK reports healthy with no service running"; fi
  podman rm -f -t 0 "$idle" >/dev/null 2>&1 || true
  pass "the image's HEALTHCHECK reports the ready service healthy, and unhealthy where none runs"
}

# The heap follows the container's memory: MaxRAMPercentage=75 of the limit.
check_heap_sizing() {
  local mport=$1 heap limit_bytes
  heap=$(curl -s --max-time 5 "http://127.0.0.1:$mport/actuator/prometheus" \
    | awk '/^jvm_memory_max_bytes\{.*area="heap"/ && $NF > 0 { sum += $NF } END { printf "%d", sum }')
  limit_bytes=$(( ${MEMORY_LIMIT%m} * 1024 * 1024 ))
  (( heap > limit_bytes * 60 / 100 && heap <= limit_bytes * 76 / 100 )) \
    || fail "the maximum heap is $heap bytes for a $MEMORY_LIMIT container (expected about 75 %)"
  pass "maximum heap $((heap / 1024 / 1024)) MiB for a $MEMORY_LIMIT container (MaxRAMPercentage=75)"
}

check_sigterm() {
  local name=$1 started stopped_ms code
  started=$(now_ms)
  podman kill --signal TERM "$name" >/dev/null
  while [[ $(podman inspect -f '{{.State.Running}}' "$name") == true ]]; do
    (( $(now_ms) - started < STOP_LIMIT_S * 1000 )) || fail "the container still runs $STOP_LIMIT_S s after SIGTERM"
    sleep 0.1
  done
  stopped_ms=$(( $(now_ms) - started ))
  code=$(podman inspect -f '{{.State.ExitCode}}' "$name")
  # The log is read whole first: grep -q stops at the first match (there is one for each of the two
  # connectors), and under pipefail the writer it leaves behind would fail the pipeline.
  local log
  log=$(podman logs "$name" 2>&1)
  grep -q 'Graceful shutdown complete' <<<"$log" \
    || { tail -n 20 <<<"$log" >&2; fail "no graceful shutdown in the log after SIGTERM"; }
  pass "SIGTERM: graceful shutdown, exited (code $code) after $stopped_ms ms"
}

# --- load (optional) ---------------------------------------------------------------------------

measure_under_load() {
  local name=$1 port=$2 peak=0 sample mib
  cat >"$scratch/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"x": [-3.0, -1.5, -0.25, 0.0, 0.5, 1.0, 2.0, 4.0]}'
wrk.headers["Content-Type"] = "application/json"
LUA
  say "30 s of wrk load on 127.0.0.1:$port (2 threads, 16 connections)"
  wrk -t2 -c16 -d30s -s "$scratch/post.lua" "http://127.0.0.1:$port/api/v1/activations/relu/evaluate" \
    >"$scratch/wrk.log" 2>&1 &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    # Such as "125.5MiB / 512MiB".
    sample=$(podman stats --no-stream --format '{{.MemUsageBytes}}' "$name" 2>/dev/null | awk '{ print $1 }')
    mib=$(awk -v s="$sample" 'BEGIN {
      n = s + 0; u = s; sub(/^[0-9.]+/, "", u)
      if (u ~ /^G/) n *= 1024; else if (u ~ /^k/) n /= 1024; else if (u ~ /^B/) n /= 1048576
      printf "%d", n }')
    (( mib > peak )) && peak=$mib
    sleep 2
  done
  wait "$wrk_pid" || fail "wrk failed: $(cat "$scratch/wrk.log")"
  cat "$scratch/wrk.log"
  ! grep -q 'Non-2xx' "$scratch/wrk.log" || fail "some answers under load were not 200"
  load_peak_mib=$peak
  load_rate=$(awk '/^Requests\/sec:/ { print $2 }' "$scratch/wrk.log")
  load_after=$(podman stats --no-stream --format '{{.MemUsageBytes}}' "$name")
  pass "30 s of wrk load: $load_rate requests/s, all answered 200; memory peak $peak MiB"
}

# --- main --------------------------------------------------------------------------------------

# Rootful podman, debootstrap and the podman configuration all need root.
[[ $(id -u) -eq 0 ]] || fail "run as root (sudo bash $0): podman runs rootful here"
say "tools and podman configuration"
install_tools
configure_podman
lint_dockerfile
check_manifests
ensure_base_images
build_image
check_no_host_certificates

port=${CONTAINER_TEST_PORT:-$(free_port)}
mport=$(free_port)
name=activation-lab-test-$$
say "running $IMAGE as $name on 127.0.0.1:$port (--read-only, tmpfs /tmp, --memory $MEMORY_LIMIT)"
start_container "$name" "$port" "$mport"
pass "/actuator/health/readiness UP $ready_ms ms after podman run"
check_evaluate "$port"
check_plot "$port"
check_non_root "$name"
check_read_only "$name"
check_healthcheck "$name"
check_heap_sizing "$mport"
if $load; then measure_under_load "$name" "$port"; fi
check_sigterm "$name"

image_size=$(podman image inspect -f '{{.Size}}' "$IMAGE")
say "figures"
printf 'image size:           %d MB (%s)\n' $((image_size / 1000000)) "$IMAGE"
printf 'start to ready:       %d ms\n' "$ready_ms"
if $load; then
  printf 'memory under load:    peak %d MiB (limit %s); %s right after it\n' "$load_peak_mib" "$MEMORY_LIMIT" "$load_after"
fi
printf 'container-test: %d passed, 0 failed\n' "$passed"
