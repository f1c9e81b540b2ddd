#!/usr/bin/env python3
"""Stalled and slow clients against a running Activation Lab (standard library only).

Opens STALLED connections that send a request head announcing a 1,000-byte body, then 5 bytes,
then nothing, and HALF_HEAD connections that send half a request head, then nothing. While they
are open it sends ORDINARY requests in a row on fresh connections and asks the management port for
liveness and readiness, timing each; then it watches how many of the stalled connections the
service closes within WATCH seconds.

    python3 scripts/stalled-clients.py --port 8080 --management-port 8081 \
        [--stalled 200] [--half-head 50] [--ordinary 20] [--watch 40]

Exit status 0 when every ordinary request and probe answered 200 (UP) within 1 s and at least 90 %
of the stalled connections were closed by the service within the watch time.
"""
import argparse
import http.client
import json
import selectors
import socket
import sys
import time

BODY = json.dumps({"x": [-2.0, -0.5, 0.0, 0.5, 2.0]})


def open_stalled(host, port, count, half_head):
    sockets = []
    for _ in range(count):
        s = socket.create_connection((host, port), timeout=5)
        if half_head:
            s.sendall(b"POST /api/v1/activations/relu/evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Ty")
        else:
            s.sendall(b"POST /api/v1/activations/relu/evaluate HTTP/1.1\r\nHost: localhost\r\n"
                      b"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"x\":")
        s.setblocking(False)
        sockets.append(s)
    return sockets


def timed(host, port, method, path, body=None):
    start = time.monotonic()
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        headers = {"Content-Type": "application/json"} if body else {}
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        return response.status, text, time.monotonic() - start
    except OSError as e:
        return None, str(e), time.monotonic() - start
    finally:
        conn.close()


def watch_closed(sockets, seconds):
    """Seconds after which each socket was closed by the peer (None: still open at the end)."""
    selector = selectors.DefaultSelector()
    for index, s in enumerate(sockets):
        selector.register(s, selectors.EVENT_READ, index)
    closed_at = [None] * len(sockets)
    start = time.monotonic()
    open_count = len(sockets)
    while open_count and time.monotonic() - start < seconds:
        for key, _ in selector.select(timeout=0.5):
            s = key.fileobj
            try:
                data = s.recv(65536)
            except (ConnectionResetError, BrokenPipeError):
                data = b""
            if not data:
                closed_at[key.data] = time.monotonic() - start
                selector.unregister(s)
                open_count -= 1
    for s in sockets:
        s.close()
    return closed_at


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--management-port", type=int, default=8081)
    parser.add_argument("--stalled", type=int, default=200)
    parser.add_argument("--half-head", type=int, default=50)
    parser.add_argument("--ordinary", type=int, default=20)
    parser.add_argument("--watch", type=float, default=40)
    args = parser.parse_args()

    opened = time.monotonic()
    stalled = open_stalled(args.host, args.port, args.stalled, half_head=False)
    half = open_stalled(args.host, args.port, args.half_head, half_head=True)
    print(f"opened {len(stalled)} stalled-body and {len(half)} half-head connections "
          f"in {time.monotonic() - opened:.2f} s")
    time.sleep(0.5)

    ok = True
    slowest = 0.0
    for i in range(args.ordinary):
        status, text, seconds = timed(args.host, args.port, "POST", "/api/v1/activations/relu/evaluate", BODY)
        slowest = max(slowest, seconds)
        if status != 200 or seconds > 1:
            ok = False
            print(f"ordinary request {i}: status {status} in {seconds * 1000:.0f} ms: {text[:200]}")
    print(f"{args.ordinary} ordinary requests in a row: slowest {slowest * 1000:.1f} ms")
    for probe in ("/actuator/health/liveness", "/actuator/health/readiness"):
        status, text, seconds = timed(args.host, args.management_port, "GET", probe)
        up = status == 200 and '"UP"' in text
        ok = ok and up and seconds <= 1
        print(f"{probe} on port {args.management_port}: {status} {'UP' if up else text[:100]} "
              f"in {seconds * 1000:.1f} ms")

    closed = watch_closed(stalled + half, args.watch)
    count = sum(1 for c in closed if c is not None)
    share = count / len(closed) if closed else 1.0
    print(f"closed by the service within {args.watch:.0f} s: {count} of {len(closed)} ({share:.0%})")
    for kind, part in (("stalled-body", closed[:len(stalled)]), ("half-head", closed[len(stalled):])):
        times = sorted(c for c in part if c is not None)
        if times:
            print(f"  {kind}: {len(times)} closed, after {times[0]:.1f} s (first), {times[len(times) // 2]:.1f} s "
                  f"(median), {times[-1]:.1f} s (last), counted from the end of the ordinary requests")
    ok = ok and share >= 0.9
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
