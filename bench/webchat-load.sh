#!/usr/bin/env bash
# Web chat throughput on the embedded store: N client threads each start a web chat conversation (POST
# /webchat/conversations), keep its live stream open (GET .../events) and send M messages through the public API
# to a running jar on loopback; the limits are raised for the run. Bounded: THREADS x MESSAGES requests, then it stops.
# Usage: bench/webchat-load.sh [THREADS] [MESSAGES_PER_THREAD]
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${1:-8}; MESSAGES=${2:-150}
[ -f target/helpdesk.jar ] || mvn -q -DskipTests package
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
DATA=$(mktemp -d /tmp/helpdesk-webchat-bench.XXXX)
java -Xmx1g -jar target/helpdesk.jar --server.port="$PORT" --helpdesk.data-dir="$DATA/store" \
  --helpdesk.bootstrap.admin-password='Bench-Secret-2026!' \
  --helpdesk.webchat.per-conversation=1000000 --helpdesk.webchat.per-client=1000000 >"$DATA/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for i in $(seq 1 240); do curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q UP && break; sleep 0.5; done
python3 - "$PORT" "$THREADS" "$MESSAGES" <<'PY'
import http.client, json, sys, threading, time, urllib.request
port, threads, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
texts = ["hur hittar jag jobb", "بدي شغل", "how do i register my company", "ስራሕ ክረክብ ደልየ", "хочу вивчати шведську",
         "komvux nedir", "where can i get a loan for my shop", "/menu", "yes", "no"]
def call(path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token: headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", json.dumps(body).encode(), headers, method="POST")
    with urllib.request.urlopen(req, timeout=30) as r: return json.loads(r.read())
def stream(cid, token, stop):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request("GET", f"/webchat/conversations/{cid}/events?token={token}", headers={"Accept": "text/event-stream"})
    r = c.getresponse()
    while not stop.is_set() and r.readline(): pass
lat, errors, lock, stop = [], [0], threading.Lock(), threading.Event()
def worker(n):
    s = call("/webchat/conversations", {})
    threading.Thread(target=stream, args=(s["id"], s["token"], stop), daemon=True).start()
    call(f"/webchat/conversations/{s['id']}/messages", {"text": "/start"}, s["token"])
    for i in range(per):
        t = time.perf_counter()
        try: call(f"/webchat/conversations/{s['id']}/messages", {"text": texts[(n + i) % len(texts)]}, s["token"])
        except Exception:
            with lock: errors[0] += 1
        with lock: lat.append((time.perf_counter() - t) * 1000)
start = time.perf_counter()
ts = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
[t.start() for t in ts]; [t.join() for t in ts]
elapsed = time.perf_counter() - start
stop.set()
lat.sort()
print(f"web chat: {threads} threads x {per} messages (each with an open event stream): {len(lat)/elapsed:.0f} messages/s, "
      f"errors {errors[0]}, latency p50 {lat[len(lat)//2]:.1f} ms p95 {lat[int(len(lat)*.95)]:.1f} ms p99 {lat[int(len(lat)*.99)]:.1f} ms")
PY
