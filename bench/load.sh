#!/usr/bin/env bash
# Whole-product throughput on the embedded store: N client threads send preview messages to a running jar on
# loopback (bounded: THREADS x MESSAGES requests, then it stops). Usage: bench/load.sh [THREADS] [MESSAGES_PER_THREAD]
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${1:-8}; MESSAGES=${2:-150}
[ -f target/helpdesk.jar ] || mvn -q -DskipTests package
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
DATA=$(mktemp -d /tmp/helpdesk-bench.XXXX)
java -Xmx1g -jar target/helpdesk.jar --server.port="$PORT" --helpdesk.data-dir="$DATA/store" \
  --helpdesk.bootstrap.admin-password='Bench-Secret-2026!' >"$DATA/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for i in $(seq 1 240); do curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q UP && break; sleep 0.5; done
python3 - "$PORT" "$THREADS" "$MESSAGES" <<'PY'
import base64, json, sys, threading, time, urllib.request
port, threads, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
auth = "Basic " + base64.b64encode(b"admin:Bench-Secret-2026!").decode()
texts = ["hur hittar jag jobb", "بدي شغل", "how do i register my company", "ስራሕ ክረክብ ደልየ", "хочу вивчати шведську",
         "komvux nedir", "where can i get a loan for my shop", "I want to talk to a person", "yes", "no"]
def call(path, body):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", json.dumps(body).encode(),
                                 {"Content-Type": "application/json", "Authorization": auth}, method="POST")
    with urllib.request.urlopen(req, timeout=30) as r: return json.loads(r.read())
lat, errors, lock = [], [0], threading.Lock()
def worker(n):
    cid = call("/api/preview/conversations", {})["id"]
    for i in range(per):
        t = time.perf_counter()
        try: call(f"/api/preview/conversations/{cid}/messages", {"text": texts[(n + i) % len(texts)]})
        except Exception: 
            with lock: errors[0] += 1
        with lock: lat.append((time.perf_counter() - t) * 1000)
start = time.perf_counter()
ts = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
[t.start() for t in ts]; [t.join() for t in ts]
elapsed = time.perf_counter() - start
lat.sort()
print(f"{threads} threads x {per} messages: {len(lat)/elapsed:.0f} messages/s, errors {errors[0]}, "
      f"latency p50 {lat[len(lat)//2]:.1f} ms p95 {lat[int(len(lat)*.95)]:.1f} ms p99 {lat[int(len(lat)*.99)]:.1f} ms")
PY
