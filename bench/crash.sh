#!/usr/bin/env bash
# Crash under load: webhook traffic for many chats into a help desk in a child JVM, kill -9 at random moments,
# restart on the same data, count: every acknowledged update answered, answered twice only when in flight at a kill.
# Usage: bench/crash.sh [CHATS] [KILLS] [SEED]   (see BENCHMARKS.md, "Crash under load")
set -euo pipefail
cd "$(dirname "$0")/.."
CHATS=${1:-50}; KILLS=${2:-5}; SEED=${3:-1}
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
java -Xmx512m -Dchats="$CHATS" -Dkills="$KILLS" -Dseed="$SEED" \
  -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
  org.lots.helpdesk.channel.telegram.CrashUnderLoad 2>&1 | grep -E "chats, .* kills"
