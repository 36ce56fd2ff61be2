#!/usr/bin/env bash
# Cost per message as the store grows (100 -> 100,000 seeded conversations) and as the content grows (the shipped
# dialogs, then 35 generated ones in a temporary content folder); see BENCHMARKS.md. Usage: bench/growth.sh
#   CONVERSATIONS=10000 stops seeding earlier; MESSAGES=300 messages measured per step.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx256m -XX:+UseSerialGC -Dconversations="${CONVERSATIONS:-100000}" -Dmessages="${MESSAGES:-300}" \
  -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" org.lots.helpdesk.bench.GrowthBenchmark 2>&1 \
  | grep -E "dialogs,|Exception|Error"
