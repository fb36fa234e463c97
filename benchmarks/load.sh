#!/usr/bin/env bash
# Load test of the demo on loopback with wrk: an open endpoint (GET /public, no token) against a
# protected one (GET /, Bearer token), in alternating rounds, several launches. Prints, per
# round, requests/s and the app's CPU microseconds per request (from /proc/PID/stat), then the
# medians. Bounded: LAUNCHES x (6 x WARMUP + ROUNDS x 2 x DURATION) plus startups: about 13
# minutes with the defaults.
#
#   benchmarks/load.sh                                  # 5 launches x 3 rounds x 10s
#   LAUNCHES=1 ROUNDS=3 DURATION=5s benchmarks/load.sh  # quick look
#   APP_ARGS="--jwt.user-lookup=cached" benchmarks/load.sh
#   APP=stock benchmarks/load.sh                        # the baseline: stock Spring Security
#
# APP=stock runs the same two endpoints behind stock Spring Security's resource server
# (StockResourceServerApplication in the benchmarks jar) instead of the demo.
# Needs wrk (Debian: apt-get install wrk) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

LAUNCHES=${LAUNCHES:-5}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-15s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-19092}
APP=${APP:-demo}
APP_ARGS=${APP_ARGS:-}
JAVA=${JAVA:-java}

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
case "$APP" in
  demo)
    JAR=demo/target/jwt-auth-spring-boot-demo-0.1.0-SNAPSHOT.jar
    LAUNCH=(-jar "$JAR")
    [ -f "$JAR" ] && [ -z "${REBUILD:-}" ] || ./mvnw -q -B -pl demo -am -DskipTests package ;;
  stock)
    JAR=benchmarks/target/benchmarks.jar
    LAUNCH=(-cp "$JAR" io.github.jwtauth.benchmarks.StockResourceServerApplication)
    [ -f "$JAR" ] && [ -z "${REBUILD:-}" ] || ./mvnw -q -B -Pbenchmarks -pl benchmarks -am -DskipTests package ;;
  *) echo "APP is demo or stock" >&2; exit 1 ;;
esac

TICKS=$(getconf CLK_TCK)
BASE="http://127.0.0.1:$PORT"
RESULTS=$(mktemp)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

run_wrk() { # url [header] -> "requests rps"
  local out
  if [ -n "${2:-}" ]; then
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "$2" "$1")
  else
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$1")
  fi
  echo "$(echo "$out" | awk '/requests in/ {print $1}') $(echo "$out" | awk '/Requests\/sec/ {print $2}')"
}

for launch in $(seq 1 "$LAUNCHES"); do
  JWT_SECRET=load-test-secret-0123456789-0123456789-0123 \
    $JAVA -Xms512m -Xmx512m "${LAUNCH[@]}" --server.port="$PORT" --logging.level.root=warn $APP_ARGS &
  PID=$!
  trap 'kill $PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -sf "$BASE/public" >/dev/null 2>&1 && break; sleep 0.5; done
  if [ "$APP" = demo ]; then
    RESPONSE=$(curl -sf -X POST "$BASE/auth" -H 'Content-Type: application/json' -d '{"username":"pav","password":"123"}')
  else
    RESPONSE=$(curl -sf -X POST "$BASE/token")
  fi
  TOKEN=$(echo "$RESPONSE" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  curl -sf "$BASE/" -H "Authorization: Bearer $TOKEN" >/dev/null
  # warm-up, not counted: both endpoints, alternating, three times. With wrk on the same two
  # cores the JIT needs long: after 2 x 5s passes, round 1 still cost 2-4x the steady CPU.
  for _ in 1 2 3; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE/public" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$BASE/" >/dev/null
  done
  for round in $(seq 1 "$ROUNDS"); do
    order="open protected"; [ $((round % 2)) -eq 0 ] && order="protected open"
    for kind in $order; do
      before=$(cpu_ticks $PID)
      if [ "$kind" = open ]; then
        read -r requests rps < <(run_wrk "$BASE/public")
      else
        read -r requests rps < <(run_wrk "$BASE/" "Authorization: Bearer $TOKEN")
      fi
      after=$(cpu_ticks $PID)
      cpu=$(awk -v d=$((after - before)) -v t="$TICKS" -v n="$requests" 'BEGIN {printf "%.1f", d * 1000000 / t / n}')
      echo "$launch $round $kind $rps $cpu" >> "$RESULTS"
      printf 'launch %d round %d %-9s %10s req/s %8s us CPU/request\n' "$launch" "$round" "$kind" "$rps" "$cpu"
    done
  done
  kill $PID; wait $PID 2>/dev/null || true
  trap - EXIT
done

PAIRS=$(mktemp)
awk '
  { key = $1 " " $2; if ($3 == "open") { open[key] = $4; ocpu[key] = $5 } else { prot[key] = $4; pcpu[key] = $5 } }
  END { for (k in open) printf "%.4f %.1f %.1f %.1f\n", prot[k] / open[k], pcpu[k] - ocpu[k], ocpu[k], pcpu[k] }
' "$RESULTS" > "$PAIRS"
median() { cut -d' ' -f"$1" "$PAIRS" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] " " v[1] " " v[NR] }'; }
read -r ratio ratio_lo ratio_hi < <(median 1)
read -r extra extra_lo extra_hi < <(median 2)
read -r open_cpu _ _ < <(median 3)
read -r protected_cpu _ _ < <(median 4)
echo
echo "$(wc -l < "$PAIRS") rounds. median protected/open req/s ratio: $ratio (range $ratio_lo-$ratio_hi)"
echo "median CPU per request: open $open_cpu us, protected $protected_cpu us, extra $extra us (range $extra_lo to $extra_hi)"
rm -f "$PAIRS"
rm -f "$RESULTS"
