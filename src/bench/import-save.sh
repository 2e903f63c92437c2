#!/usr/bin/env bash
# Measures saving an imported article with 20 accepted claims (POST /api/articles: the article, 20 claims with their
# ranges, one new source, in one transaction) on a running Claimdesk, with wrk on loopback: p50, p99, req/s.
#
#   src/bench/import-save.sh [base-url] [connections] [seconds]
#
# Needs wrk and curl, and an account that may write: BENCH_USER / BENCH_PASSWORD (default: the dev demo reviewer).
# Every request stores an article, so run it on a desk made for benchmarks (see `generate` in the README).
set -euo pipefail

base=${1:-http://localhost:8080}
connections=${2:-1}
seconds=${3:-15}
user=${BENCH_USER:-reviewer}
password=${BENCH_PASSWORD:-claimdesk-review-demo}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$work/jar" --data-urlencode "j_username=$user" \
  --data-urlencode "j_password=$password" "$base/j_security_check")
session=$(awk '$6 == "claimdesk-session" { print $7 }' "$work/jar")
if [[ -z "$session" ]]; then
  echo "Login as $user failed (HTTP $status). Set BENCH_USER and BENCH_PASSWORD." >&2
  exit 1
fi
cookie="Cookie: claimdesk-session=$session"
source=$(curl -sf -H "$cookie" "$base/api/sources?kind=person" | sed -E 's/^\{"items":\[\{"id":([0-9]+).*/\1/')
if ! [[ "$source" =~ ^[0-9]+$ ]]; then
  echo "The desk has no source of kind person to attribute the claims to; generate a desk first." >&2
  exit 1
fi

# An article of 20 sentences, each holding one claim; every fifth claim names a new source (created once per
# request, under a name unique to the request, which wrk's Lua script fills in).
text=""
claims=""
for i in $(seq 0 19); do
  lead="The minister said that "
  claim="bridge $i across the river would open to traffic in May, a year later than planned"
  start=$(( ${#text} + ${#lead} ))
  end=$(( start + ${#claim} ))
  text+="$lead$claim. "
  if (( i % 5 == 0 )); then
    who='"newSource":{"name":"Bench port authority NAME","kind":"government"}'
  else
    who="\"sourceId\":$source"
  fi
  claims+="${claims:+,}{\"statement\":\"Bridge $i opens in May.\",$who,\"claimStart\":$start,\"claimEnd\":$end}"
done
printf '{"title":"Bridges (import benchmark)","text":"%s","claims":[%s]}' "$text" "$claims" > "$work/body.json"

status=$(curl -s -o "$work/first" -w '%{http_code}' -H "$cookie" -H 'Content-Type: application/json' \
  --data-binary "$(sed "s/NAME/check-$$/g" "$work/body.json")" "$base/api/articles")
if [[ "$status" != 201 ]]; then
  echo "The first save was refused (HTTP $status):" >&2
  cat "$work/first" >&2
  exit 1
fi

cat > "$work/save.lua" <<LUA
local template = io.open("$work/body.json"):read("*a")
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local body = template:gsub("NAME", tostring(os.time()) .. "-" .. tostring(math.random(1e9)) .. "-" .. counter)
  return wrk.format(nil, nil, nil, body)
end
LUA

threads=$(( connections < 2 ? connections : 2 ))
printf '# %s, save an article with 20 claims, %s connections, %s s, %s\n' "$base" "$connections" "$seconds" \
  "$(date -u +%FT%TZ)"
wrk -t"$threads" -c"$connections" -d5s -H "$cookie" -s "$work/save.lua" "$base/api/articles" >/dev/null # warm-up
out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -H "$cookie" -s "$work/save.lua" "$base/api/articles")
if grep -q "Non-2xx" <<<"$out"; then
  echo "some answers were not 2xx:" >&2
  grep "Non-2xx" <<<"$out" >&2
fi
printf '%-34s %10s %10s %10s\n' "request" "p50" "p99" "req/s"
printf '%-34s %10s %10s %10s\n' "POST /api/articles, 20 claims" "$(awk '$1 == "50%" { print $2 }' <<<"$out")" \
  "$(awk '$1 == "99%" { print $2 }' <<<"$out")" "$(awk '/Requests\/sec/ { print $2 }' <<<"$out")"
