#!/usr/bin/env python3
"""A mixed soak against a running Activation Lab: small requests, huge bodies and plots at once.

For SECONDS seconds: wrk drives 32 keep-alive connections of small evaluate requests; two clients
loop 1,000,000-value evaluate bodies (about 20 MB of JSON each); one client loops PNG plots. The
resident memory of PID is read at 20 s and at the end. Every answer must be 2xx, or 503 with
Retry-After; the service must still be UP on its management port afterwards.

    python3 scripts/soak.py --pid PID [--port 8080] [--management-port 8081] [--seconds 60]

Needs wrk on PATH. Exit status 0 when every criterion holds: answers 2xx or 503 + Retry-After,
still UP, small requests' p99 <= 100 ms, resident memory at the end within 15 % of the 20 s reading
and below 85 % of 512 MiB.
"""
import argparse
import http.client
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time

SMALL_LUA = """
wrk.method = "POST"
wrk.body = '{"x": [-2.0, -0.5, 0.0, 0.5, 2.0]}'
wrk.headers["Content-Type"] = "application/json"
"""


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Loop(threading.Thread):
    """Sends one request over and over on a keep-alive connection, counting the answers."""

    def __init__(self, host, port, method, path, body, content_type, stop):
        super().__init__(daemon=True)
        self.args = (host, port, method, path, body, content_type)
        self.stop = stop
        self.counts = {}
        self.bad = []

    def run(self):
        host, port, method, path, body, content_type = self.args
        conn = None
        while not self.stop.is_set():
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(host, port, timeout=60)
                headers = {"Content-Type": content_type} if body else {}
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
                self.counts[status] = self.counts.get(status, 0) + 1
                if status == 503:
                    if response.getheader("Retry-After") is None:
                        self.bad.append("503 without Retry-After")
                    time.sleep(float(response.getheader("Retry-After") or 1) * random.random())
                elif not 200 <= status < 300:
                    self.bad.append(f"status {status}")
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except OSError as e:
                self.bad.append(f"{type(e).__name__}: {e}")
                conn = None
                time.sleep(0.2)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pid", type=int, required=True, help="process id of the service (for its memory)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--management-port", type=int, default=8081)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()

    rng = random.Random(1)
    big = json.dumps({"x": [rng.uniform(-6, 6) for _ in range(1_000_000)]}).encode()
    print(f"big body: {len(big) / 1e6:.1f} MB of JSON (1,000,000 values)")

    stop = threading.Event()
    loops = [Loop(args.host, args.port, "POST", "/api/v1/activations/gelu/evaluate", big, "application/json", stop)
             for _ in range(2)]
    loops.append(Loop(args.host, args.port, "GET",
                      "/api/v1/activations/sigmoid/plot?format=png&width=1600&height=1200", None, None, stop))
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(SMALL_LUA)
    wrk = subprocess.Popen(["wrk", "-t2", "-c32", f"-d{args.seconds}s", "--latency", "-s", lua.name,
                            f"http://{args.host}:{args.port}/api/v1/activations/relu/evaluate"],
                           stdout=subprocess.PIPE, text=True)
    for loop in loops:
        loop.start()
    start = time.monotonic()
    time.sleep(20)
    rss20 = rss_kb(args.pid)
    print(f"resident memory at 20 s: {rss20} kB")
    out, _ = wrk.communicate()
    stop.set()
    for loop in loops:
        loop.join(90)
    rss_end = rss_kb(args.pid)
    print(f"resident memory at the end ({time.monotonic() - start:.0f} s): {rss_end} kB")
    os.unlink(lua.name)

    ok = True
    p99_ms = None
    for line in out.splitlines():
        match = re.match(r"\s+99%\s+([\d.]+)(us|ms|s)", line)
        if match:
            p99_ms = float(match.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[match.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    requests = re.search(r"(\d+) requests in", out)
    print(f"small requests: {requests.group(1) if requests else '?'} answered, p99 {p99_ms} ms, "
          f"non-2xx {non2xx.group(1) if non2xx else 0}")
    if non2xx:
        print("  (wrk counts 503s among the non-2xx; it cannot check their Retry-After)")
    for name, loop in zip(("big body 1", "big body 2", "plots"), loops):
        print(f"{name}: answers by status {dict(sorted(loop.counts.items()))}"
              + (f"; problems: {sorted(set(loop.bad))[:5]}" if loop.bad else ""))
        ok = ok and not loop.bad
    conn = http.client.HTTPConnection(args.host, args.management_port, timeout=5)
    conn.request("GET", "/actuator/health")
    health = conn.getresponse().read().decode()
    up = '"UP"' in health
    print(f"health after the soak: {health[:80]}")
    ok = ok and up and p99_ms is not None and p99_ms <= 100
    limit_kb = 512 * 1024
    within = rss20 > 0 and abs(rss_end - rss20) <= 0.15 * rss20
    below = rss_end < 0.85 * limit_kb
    print(f"memory: end/20 s = {rss_end / rss20:.2f} (within 15 %: {within}); "
          f"{rss_end / limit_kb:.0%} of 512 MiB (below 85 %: {below})")
    ok = ok and within and below
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
