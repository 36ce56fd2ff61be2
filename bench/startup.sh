#!/usr/bin/env bash
# Start-up: seconds from `java -jar` to /actuator/health UP, and the CPU seconds the JVM used by then (less
# sensitive to other load on the machine). The first run starts on an empty data folder (the router trains and
# caches its weights); the next RUNS reuse it, as a restart does. Usage: bench/startup.sh [RUNS]
#   JAVA_OPTS="..." the JVM settings (default: the README's run command); JAR=path (default target/helpdesk.jar)
#   CDS=1 (default, as the README's run command) measures the extracted jar with a class-data sharing archive made
#   by scripts/cds; CDS=0 the fat jar itself (`java -jar target/helpdesk.jar`; JAVA_OPTS=" " for no settings at all)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
JAVA_OPTS=${JAVA_OPTS:-"-Xms64m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:TrimNativeHeapInterval=10000 -XX:MaxNewSize=32m -XX:TieredStopAtLevel=1"}
JAR=${JAR:-target/helpdesk.jar}
OUT=$(mktemp -d /tmp/helpdesk-startup.XXXX)
if [ "${CDS:-1}" = 1 ]; then
  JAR="$JAR" scripts/cds "$OUT/app" >/dev/null
  RUN="-XX:SharedArchiveFile=$OUT/app/helpdesk.jsa -jar $OUT/app/helpdesk.jar"
else
  cp "$JAR" "$OUT/helpdesk.jar"
  RUN="-jar $OUT/helpdesk.jar"
fi
TICK=$(getconf CLK_TCK)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); JVM: $JAVA_OPTS; CDS=${CDS:-1}"
for run in $(seq 0 "$RUNS"); do
  PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  start=$(date +%s.%N)
  MALLOC_ARENA_MAX=2 java $JAVA_OPTS $RUN --server.port="$PORT" --helpdesk.data-dir="$OUT/data" \
    --helpdesk.bootstrap.admin-password='Bench-Secret-2026!' >"$OUT/app-$run.log" 2>&1 &
  PID=$!
  until curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 $PID 2>/dev/null || { echo "the help desk died: $OUT/app-$run.log"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s.%N)
  cpu=$(awk -v t="$TICK" '{printf "%.1f", ($14 + $15) / t}' /proc/$PID/stat)
  kind=$([ "$run" = 0 ] && echo "empty data folder" || echo "restart")
  printf "run %d (%s): UP after %.2f s, %s CPU s; load %s\n" "$run" "$kind" "$(echo "$end - $start" | bc)" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
  kill $PID; wait $PID 2>/dev/null || true
done
rm -rf "$OUT"
