#!/usr/bin/env bash
# Runs the JMH benchmarks (Floe and its peer side by side). Build first: mvn -q -B -DskipTests package
# Usage: benchmarks/run.sh [JMH args, e.g. a benchmark regex, -f 1 -wi 2 -i 3]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec java --add-opens=java.base/java.nio=ALL-UNNAMED -Darrow.enable_unsafe_memory_access=true \
  -Darrow.enable_null_check_for_get=false -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$here/target/classes:$here/target/lib/*" org.openjdk.jmh.Main "$@"
