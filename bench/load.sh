#!/usr/bin/env bash
# Whole-product throughput over HTTP: a running jar on loopback, N clients that each log in once and reuse their
# session, M messages each (after a warm-up round). Reports messages/s, latency, errors, messages not understood,
# whether every message and answer is in the transcript, the store's own limit measured in the same run (and the
# share of it the help desk reached), the store's writes per commit, resident memory and heap after the load.
#
# Usage: bench/load.sh [THREADS] [MESSAGES_PER_THREAD]
#   API=preview (default) or API=webchat (the public web chat API with its Bearer tokens; its per-conversation and
#   per-client rate limits are raised for the run, as in bench/webchat-load.sh)
#   CLIENT=raw sends the messages over plain keep-alive sockets instead of java.net.http's client (which costs ~2 ms
#   of CPU per request on the same cores as the help desk); the CPU line shows both sides' cost per message
#   JAVA_OPTS="..." the JVM settings to measure (default: the README's run command)
#   JFR=1 records a flight recording of the measured run to $OUT/load.jfr
#   CDS=1 (default, as the README's run command) runs the extracted jar with a class-data sharing archive made by
#   scripts/cds; CDS=0 the fat jar itself
#   JAR=path (default target/helpdesk.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${1:-8}; MESSAGES=${2:-500}; API=${API:-preview}
JAVA_OPTS=${JAVA_OPTS:-"-Xms64m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:TrimNativeHeapInterval=10000 -XX:MaxNewSize=32m -XX:TieredStopAtLevel=1"}
JAR=${JAR:-target/helpdesk.jar}
[ -f "$JAR" ] || mvn -q -DskipTests package
OUT=$(mktemp -d /tmp/helpdesk-load.XXXX)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
# The MongoDB driver from the jar itself, for the client's transcript check and store-limit run.
cp "$JAR" "$OUT/helpdesk.jar" # a copy: a rebuild meanwhile must not pull the jar from under the run
(cd "$OUT" && jar xf helpdesk.jar $(jar tf helpdesk.jar | grep -E 'BOOT-INF/lib/(mongodb-driver|bson)'))
CP="$OUT/BOOT-INF/lib/*"
RUN="-jar $OUT/helpdesk.jar"
if [ "${CDS:-1}" = 1 ]; then
  JAR="$OUT/helpdesk.jar" scripts/cds "$OUT/app" >/dev/null
  RUN="-XX:SharedArchiveFile=$OUT/app/helpdesk.jsa -jar $OUT/app/helpdesk.jar"
fi
[ "${JFR:-}" = 1 ] && JAVA_OPTS="$JAVA_OPTS -XX:StartFlightRecording=filename=$OUT/load.jfr,settings=profile"
EXTRA=""
[ "$API" = webchat ] && EXTRA="--helpdesk.webchat.per-conversation=1000000 --helpdesk.webchat.per-client=1000000"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); JVM: $JAVA_OPTS; CDS=${CDS:-1}"
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} java $JAVA_OPTS $RUN --server.port="$PORT" \
  --helpdesk.data-dir="$OUT/store" --helpdesk.bootstrap.admin-password='Bench-Secret-2026!' $EXTRA >"$OUT/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for i in $(seq 1 1200); do curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q UP && break; sleep 0.1; done
STORE=$(grep -oE 'Embedded store at .* \(port [0-9]+\)' "$OUT/app.log" | grep -oE '[0-9]+\)$' | tr -d ')')
client() { SERVER_PID=$PID java -cp "$CP" bench/LoadClient.java "http://127.0.0.1:$PORT" "$@"; }
client "$THREADS" 200 admin 'Bench-Secret-2026!' "$API" >/dev/null # warm-up
client "$THREADS" "$MESSAGES" admin 'Bench-Secret-2026!' "$API" "mongodb://127.0.0.1:$STORE/helpdesk"
[ -n "${NMT:-}" ] && jcmd $PID VM.native_memory summary > "$OUT/nmt.txt"
# CPU the help desk used from start to here, and the part its JIT compiler threads took (C1/C2)
TICK=$(getconf CLK_TCK)
jit=0
for t in /proc/$PID/task/*; do
  case "$(cat "$t/comm" 2>/dev/null)" in C1\ Compiler*|C2\ Compiler*) jit=$((jit + $(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}'))) ;; esac
done
echo "CPU since start: $(awk -v t="$TICK" '{printf "%.1f", ($14 + $15) / t}' /proc/$PID/stat) s, of which JIT compilers $(echo "scale=1; $jit / $TICK" | bc) s"
echo "resident memory after the load: $(grep VmRSS /proc/$PID/status | awk '{printf "%.0f MiB", $2/1024}')"
jcmd $PID GC.run >/dev/null
echo "heap after GC: $(jcmd $PID GC.heap_info | grep -oE '(used|total) [0-9]+K' | tr '\n' ' ')"
grep -q OutOfMemoryError "$OUT/app.log" && echo "OutOfMemoryError in the log!"
kill $PID; wait $PID 2>/dev/null || true
grep -oE 'Embedded store: [0-9]+ writes acknowledged after [0-9]+ commits' "$OUT/app.log" || true
echo "log and data: $OUT"
