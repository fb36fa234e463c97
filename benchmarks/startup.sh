#!/usr/bin/env bash
# Startup time of the same small application with the starter, without it (Spring Security's
# defaults instead) and bare (no Spring Security auto-configuration either), in alternating
# fresh JVMs; prints each run and the medians. Build first:
#   ./mvnw -Pbenchmarks -pl benchmarks -am -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-11}
JAVA=${JAVA:-java}
JAR=benchmarks/target/benchmarks.jar
OUT=$(mktemp)
for i in $(seq 1 "$RUNS"); do
  for mode in with without bare; do
    $JAVA -cp "$JAR" io.github.jwtauth.benchmarks.StartupTime "$mode" | tail -1 | tee -a "$OUT"
  done
done
for mode in with without bare; do
  awk -v m="$mode" '$1 == m { print $2 }' "$OUT" | sort -n | awk -v m="$mode" '{ v[NR] = $1 } END { print m " median " v[int((NR + 1) / 2)] " ms" }'
done
rm -f "$OUT"
