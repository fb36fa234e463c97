#!/usr/bin/env bash
# The whole performance suite, in one command, one part after another so that no part
# disturbs another's measurement (2 cores):
#   1. JMH: every benchmark of the benchmarks jar (or those matching $1), results in
#      benchmarks/target/jmh-result.json
#   2. startup time with, without and bare (benchmarks/startup.sh)
#   3. memory under a flood of one million distinct valid tokens (FloodMeasurement)
#   4. wrk load on loopback, demo then stock Spring Security (benchmarks/load.sh), if wrk is
#      installed (Debian: apt-get install wrk)
# About 70 minutes in all on a 2-core machine; every part is bounded.
#
#   benchmarks/run.sh                               # everything
#   benchmarks/run.sh RequestAuthenticationBenchmark # JMH of one class, then the rest
#   SKIP="load flood" benchmarks/run.sh              # leave parts out: jmh startup flood load
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP=${SKIP:-}
JAR=benchmarks/target/benchmarks.jar
skipped() { [[ " $SKIP " == *" $1 "* ]]; }

./mvnw -q -B -Pbenchmarks -pl benchmarks,demo -am -DskipTests package

if ! skipped jmh; then
  echo "== JMH"
  java -jar "$JAR" ${1:+"$1"} -rf json -rff benchmarks/target/jmh-result.json
fi
if ! skipped startup; then
  echo "== startup time"
  benchmarks/startup.sh
fi
if ! skipped flood; then
  echo "== flood of one million distinct valid tokens"
  java -Xmx1g -cp "$JAR" io.github.jwtauth.benchmarks.FloodMeasurement 1000000
fi
if ! skipped load; then
  if command -v wrk >/dev/null; then
    echo "== load: demo"
    benchmarks/load.sh
    echo "== load: stock Spring Security resource server"
    APP=stock benchmarks/load.sh
  else
    echo "== load: skipped, wrk is not installed (apt-get install wrk)"
  fi
fi
