#!/usr/bin/env bash
# Messages per second through the conversation path channels use, on the embedded store (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
java -Xmx1g -Dmessages="${MESSAGES:-300}" -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
  org.lots.helpdesk.bench.ConversationThroughputBenchmark 2>&1 | grep -E "messages/s"
