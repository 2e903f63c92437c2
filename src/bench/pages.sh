#!/usr/bin/env bash
# Measures the main pages of a running Claimdesk with wrk on loopback: p50, p99 and requests per second.
#
#   src/bench/pages.sh [base-url] [connections] [seconds]
#
# Needs wrk and curl, and an account: BENCH_USER / BENCH_PASSWORD (default: the dev demo reviewer).
# Generate a desk first, e.g.:  java -jar target/quarkus-app/quarkus-run.jar generate --claims 10000 --seed 7
set -euo pipefail

base=${1:-http://localhost:8080}
connections=${2:-16}
seconds=${3:-15}
user=${BENCH_USER:-reviewer}
password=${BENCH_PASSWORD:-claimdesk-review-demo}

jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" --data-urlencode "j_username=$user" \
  --data-urlencode "j_password=$password" "$base/j_security_check")
session=$(awk '$6 == "claimdesk-session" { print $7 }' "$jar")
if [[ -z "$session" ]]; then
  echo "Login as $user failed (HTTP $status). Set BENCH_USER and BENCH_PASSWORD." >&2
  exit 1
fi
cookie="Cookie: claimdesk-session=$session"
threads=$(( connections < 2 ? connections : 2 ))

# A claim with a long history, a busy source and a deep cursor, read from the API.
api() { curl -sf -H "$cookie" "$base$1"; }
claim=$(api "/api/claims?status=disputed&size=1" | sed -E 's/.*"items":\[\{"id":([0-9]+).*/\1/')
source=$(api "/api/claims/$claim" | sed -E 's/.*"source":\{"id":([0-9]+).*/\1/')
total=$(api "/api/claims?size=1" | sed -E 's/.*"total":([0-9]+).*/\1/')

declare -a names=(
  "dashboard" "claims list" "claims: disputed of one source" "search, common word (tax)"
  "search, rare phrase" "claim page" "API list"
)
declare -a paths=(
  "/" "/claims" "/claims?status=disputed&sourceId=$source" "/claims?q=tax"
  "/claims?q=%22shell%20production%22" "/claims/$claim" "/api/claims?page=2&size=25"
)

printf '# %s, %s claims, %s connections, %s s each, %s\n' "$base" "$total" "$connections" "$seconds" "$(date -u +%FT%TZ)"
printf '%-34s %10s %10s %10s\n' "page" "p50" "p99" "req/s"
for i in "${!paths[@]}"; do
  wrk -t"$threads" -c"$connections" -d10s -H "$cookie" "$base${paths[$i]}" >/dev/null # warm-up, not counted
  out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -H "$cookie" "$base${paths[$i]}")
  if grep -q "Non-2xx" <<<"$out"; then
    echo "${names[$i]}: some answers were not 2xx:" >&2
    grep "Non-2xx" <<<"$out" >&2
  fi
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  printf '%-34s %10s %10s %10s\n' "${names[$i]}" "$p50" "$p99" "$rps"
done
