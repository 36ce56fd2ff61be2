#!/usr/bin/env bash
# JMH: the matcher (router) and a whole engine turn, microseconds per message (see BENCHMARKS.md).
# Usage: bench/jmh.sh [JMH options, e.g. -f 1 -wi 2 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main UnderstandingJmh "$@"
