#!/usr/bin/env bash
# The benchmark of claim matching (issue 14), in one command from the repository root:
#
#   BENCH_CLAIMS=100000 src/bench/matching.sh
#
# 1. packages the app (BENCH_BUILD=0 skips this);
# 2. generates a desk of BENCH_CLAIMS claims (default 100,000, seed 7) with their vectors into a new folder
#    target-bench/match-<claims> and reports the generator's time per claim;
# 3. starts the packaged app (java -Xmx256m -jar) twice and measures the time until /q/health/ready answers 200;
# 4. wrk: POST /api/claims/matches (a random LIAR statement each time) at 1 and 16 connections, the claim page
#    (which now shows its matches) at 1 and 16 connections on random claims, and POST /api/claims at 1 connection
#    (a claim stored with its vector; what the vector adds is the embedding of one statement, which
#    `evaluate-matching` times alone);
# 5. the app's largest RSS, the disk used by claim_embedding and its index, the machine's load (uptime).
#
# Needs java 17+, curl, openssl, wrk and psql (apt-get install wrk postgresql-client-15).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
claims=${BENCH_CLAIMS:-100000}
seconds=${BENCH_SECONDS:-15}
data=$(realpath -m "${CLAIMDESK_DATA_DIR:-target-bench/match-$claims}")
port=${BENCH_PORT:-$((20000 + RANDOM % 10000))}
jar=target/quarkus-app/quarkus-run.jar
out=$root/target-bench/match-results-$(date -u +%Y-%m-%dT%H%M%SZ)
mkdir -p "$out"
liar=${BENCH_TEXTS:-../shared/datasets/liar/train.tsv}
head -n 5000 "$liar" | cut -f3 >"$out/texts.txt"

if [[ ${BENCH_BUILD:-1} == 1 ]]; then
  ./mvnw -B -q package -DskipTests
fi
echo "load before: $(uptime)" | tee "$out/results.md"
if [[ ! -f $data/bench-desk.txt ]]; then
  mkdir -p "$data"
  started=$(date +%s%N)
  CLAIMDESK_DEMO=false CLAIMDESK_DATA_DIR=$data java -Xmx1g -jar "$jar" generate --claims "$claims" --seed 7 --statements "$liar" \
    >"$out/generate.txt" 2>&1
  ms=$(( ($(date +%s%N) - started) / 1000000 ))
  echo "generated $claims claims with vectors in $ms ms ($(awk -v m="$ms" -v c="$claims" 'BEGIN { printf "%.2f", m / c }') ms a claim, start and VACUUM included)" | tee "$data/bench-desk.txt"
fi
cat "$data/bench-desk.txt" >>"$out/results.md"

app=
sampler=
stop_app() {
  if [[ -n $sampler ]]; then kill "$sampler" 2>/dev/null || true; sampler=; fi
  if [[ -n $app ]]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=; fi
}
trap stop_app EXIT
user=bench
password=$(openssl rand -hex 16)
key=$(openssl rand -base64 32)
start_app() {
  local started now
  started=$(date +%s%N)
  CLAIMDESK_DATA_DIR=$data QUARKUS_HTTP_PORT=$port CLAIMDESK_SESSION_KEY=$key CLAIMDESK_ADMIN_USERNAME=$user \
    CLAIMDESK_ADMIN_PASSWORD=$password java -Xmx256m -jar "$jar" >>"$out/app.log" 2>&1 &
  app=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$app" 2>/dev/null || { echo "The app stopped; see $out/app.log." >&2; exit 1; }
    now=$(date +%s%N)
    (( (now - started) / 1000000 < 180000 )) || { echo "not ready in 3 minutes" >&2; exit 1; }
    sleep 0.02
  done
  elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
}
start_app; first=$elapsed; stop_app; start_app
echo "ready in $first ms, then $elapsed ms (no index is built at start: the vectors and lists are read from the database)" | tee -a "$out/results.md"
base=http://127.0.0.1:$port
export PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=postgres
PGPORT=$(sed -n 4p "$data/postgres/postmaster.pid")
PGPASSWORD=$(cat "$data/.postgres-password")
export PGPORT PGPASSWORD
sql() { psql -X -Atq -v ON_ERROR_STOP=1 -c "$1"; }
sql "SELECT id FROM claim ORDER BY md5(id::text) LIMIT 2000" >"$out/claims.txt"
source_id=$(sql "SELECT min(id) FROM source")
basic="Authorization: Basic $(printf '%s:%s' "$user" "$password" | base64 -w0)"
cookies=$out/cookies.txt
curl -s -o /dev/null -c "$cookies" --data-urlencode "j_username=$user" --data-urlencode "j_password=$password" \
  "$base/j_security_check"
session="Cookie: claimdesk-session=$(awk '$6 == "claimdesk-session" { print $7 }' "$cookies")"

rss_max=0
( while kill -0 "$app" 2>/dev/null; do ps -o rss= -p "$app"; sleep 0.5; done ) >"$out/rss.txt" &
sampler=$!

echo "| what | connections | p50 ms | p99 ms | requests/s |" | tee -a "$out/results.md"
echo "|---|---|---|---|---|" | tee -a "$out/results.md"
row() { # name connections script args auth
  local threads=$(( $2 < 2 ? $2 : 2 ))
  wrk -t"$threads" -c"$2" -d5s --timeout 30s -H "$5" -s "$3" "$base" -- "$4" >/dev/null # warm-up
  local result
  result=$(wrk -t"$threads" -c"$2" -d"${seconds}s" --timeout 30s --latency -H "$5" -s "$3" "$base" -- "$4")
  echo "$result" >>"$out/wrk.txt"
  local p50 p99 rps non2xx
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$result")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$result")
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$result")
  non2xx=$(awk '/Non-2xx/ { print $NF }' <<<"$result")
  echo "| $1 | $2 | $p50 | $p99 | $rps |${non2xx:+ non-2xx: $non2xx}" | tee -a "$out/results.md"
}
row "POST /api/claims/matches" 1 src/bench/matches.lua "$out/texts.txt" "$basic"
row "POST /api/claims/matches" 16 src/bench/matches.lua "$out/texts.txt" "$basic"
row "claim page with matches" 1 src/bench/claims.lua "$out/claims.txt" "$session"
row "claim page with matches" 16 src/bench/claims.lua "$out/claims.txt" "$session"
row "POST /api/claims (with its vector)" 1 src/bench/create.lua "$source_id" "$basic"
echo "disk: $(sql "SELECT pg_size_pretty(pg_total_relation_size('claim_embedding')) || ' for claim_embedding with its indexes (' || count(*) || ' vectors), ' || pg_size_pretty(pg_total_relation_size('claim')) || ' for claim' FROM claim_embedding")" | tee -a "$out/results.md"
stop_app
sampler=
echo "largest RSS: $(sort -n "$out/rss.txt" | tail -1 | awk '{ printf "%.0f MB", $1 / 1024 }') (java -Xmx256m)" | tee -a "$out/results.md"
echo "load after: $(uptime)" | tee -a "$out/results.md"
