#!/usr/bin/env bash
# Understanding speed: router, language identification and a whole engine turn per message (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
java -Xmx1g -Drounds="${ROUNDS:-20}" -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
  org.lots.helpdesk.bench.MatchingBenchmark
