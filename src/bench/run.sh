#!/usr/bin/env bash
# The benchmark of issue 6, end to end, in one command from the repository root:
#
#   src/bench/run.sh
#
# 1. packages the app (./mvnw package -DskipTests; BENCH_BUILD=0 skips this);
# 2. generates a desk of BENCH_CLAIMS claims (default 1,000,000, seed BENCH_SEED=7) into CLAIMDESK_DATA_DIR
#    (default target-bench/desk-<claims>-seed-<seed>, which `mvn clean` leaves alone), or reuses it if it is there;
# 3. starts the packaged app (java -jar) on it twice and measures the time until /q/health/ready answers 200;
# 4. for every page: a warm-up, then wrk at 1, 16 and 64 connections (BENCH_CONNECTIONS) for BENCH_SECONDS (10)
#    each, and the page's SQL alone through pgbench (src/bench/floor/*.sql) at the same concurrency: the floor;
# 5. notes the app's largest RSS during the 64-connection runs, and writes a dated markdown table to
#    target-bench/results-<time>.md (also printed), ready to paste into src/docs/benchmarks.md.
# Besides latency, every row gives the CPU time the app's JVM, its request threads alone (no JIT, no GC) and the
# database's processes spent per request during the run (from /proc): unlike a latency, it hardly changes when other
# work shares the cores.
# Right after the second start, before anything else touches the app, it logs in and sends BENCH_COLD_SECONDS
# (10) of requests at 16 connections rotating over the pages (src/bench/mix.lua): the "first 10 s after ready" row.
# BENCH_JFR=1 records a JFR profile of each page's 16-connection run into the results folder and summarises it
# with src/bench/jfr-summary.py (<slug>.txt beside <slug>.jfr). BENCH_APP=dir starts another packaged app
# (default target/quarkus-app), e.g. a copy of an earlier build, for before/after runs on one desk.
#
# Needs java 17+, curl, openssl, wrk and the PostgreSQL 15 client tools (psql, pgbench), e.g. on Debian 12:
#   apt-get install wrk postgresql-15 postgresql-client-15
# BENCH_ONLY=list,search-common (the slugs in the list of pages below) measures only some pages; BENCH_JAVA_OPTS
# replaces the JVM options (default -Xmx256m: with the JVM's default heap of a quarter of the machine's memory the
# app grew to 691 MB under load, with 256 MB it stays under 512 MB). The verdict POST decides claims that were never decided, so every run adds decisions to the desk.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

claims=${BENCH_CLAIMS:-1000000}
seed=${BENCH_SEED:-7}
seconds=${BENCH_SECONDS:-10}
warmup=${BENCH_WARMUP:-5}
read -r -a connections <<<"${BENCH_CONNECTIONS:-1 16 64}"
data=$(realpath -m "${CLAIMDESK_DATA_DIR:-target-bench/desk-$claims-seed-$seed}")
port=${BENCH_PORT:-$((20000 + RANDOM % 10000))}
jar=${BENCH_APP:-target/quarkus-app}/quarkus-run.jar
stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
out=$root/target-bench/results-$stamp
mkdir -p "$out"

for tool in java curl openssl wrk psql pgbench awk pgrep; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (see the top of $0)." >&2; exit 1; }
done

if [[ ${BENCH_BUILD:-1} == 1 ]]; then
  echo "Packaging the app..."
  # with the class archive (AppCDS) that the build writes by starting the app once: a quicker start
  ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
fi

# --- the desk ---
marker=$data/bench-desk.txt
if [[ ! -f $marker ]]; then
  if [[ -e $data/postgres ]]; then
    echo "$data holds a desk this script did not generate (no $marker); choose another CLAIMDESK_DATA_DIR." >&2
    exit 1
  fi
  echo "Generating $claims claims (seed $seed) into $data..."
  mkdir -p "$data"
  CLAIMDESK_DATA_DIR=$data java -jar "$jar" generate --claims "$claims" --seed "$seed" | tee "$out/generate.txt"
  grep '^Generated\|^Claims\|^Sources' "$out/generate.txt" >"$marker"
fi

# --- the app ---
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

# the class archive is read only when the class path is spelt as it was recorded: from inside target/quarkus-app
cds=
[[ -f $(dirname "$jar")/app-cds.jsa ]] && cds=-XX:SharedArchiveFile=app-cds.jsa

# starts the app (pid in $app) and sets $elapsed to the milliseconds until /q/health/ready answered 200
start_app() {
  local started now
  started=$(date +%s%N)
  # shellcheck disable=SC2086
  CLAIMDESK_DATA_DIR=$data QUARKUS_HTTP_PORT=$port CLAIMDESK_SESSION_KEY=$key CLAIMDESK_ADMIN_USERNAME=$user \
    CLAIMDESK_ADMIN_PASSWORD=$password bash -c 'cd "$(dirname "$0")" && exec java "$@" -jar quarkus-run.jar' \
    "$jar" ${BENCH_JAVA_OPTS--Xmx256m} $cds >>"$out/app.log" 2>&1 &
  app=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$app" 2>/dev/null || { echo "The app stopped; see $out/app.log." >&2; exit 1; }
    now=$(date +%s%N)
    (( (now - started) / 1000000 < 180000 )) || { echo "The app was not ready in 3 minutes." >&2; exit 1; }
    sleep 0.02
  done
  now=$(date +%s%N)
  elapsed=$(( (now - started) / 1000000 ))
}
echo "Starting the app on port $port (log: $out/app.log)..."
start_app
ready_first=$elapsed
base=http://127.0.0.1:$port

# --- the database, for fixtures and the floor: the embedded server's port and generated password ---
export PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=postgres
database_port() { PGPORT=$(sed -n 4p "$data/postgres/postmaster.pid"); export PGPORT; }
database_port
PGPASSWORD=$(cat "$data/.postgres-password")
export PGPASSWORD
sql() { psql -X -Atq -v ON_ERROR_STOP=1 -c "$1"; }

# the fixtures are read during the first start, so that nothing but the cold run below meets the second one
total=$(sql "SELECT sum(claims) FROM claim_status_count")
source_id=$(sql "SELECT source_id FROM source_status_count GROUP BY source_id ORDER BY sum(claims) DESC, source_id LIMIT 1")
source_claims=$(sql "SELECT sum(claims) FROM source_status_count WHERE source_id = $source_id")
claim_id=$(sql "SELECT claim_id FROM review GROUP BY claim_id HAVING count(*) >= 50 ORDER BY claim_id LIMIT 1")
claim_id=${claim_id:-$(sql "SELECT claim_id FROM review GROUP BY claim_id ORDER BY count(*) DESC, claim_id LIMIT 1")}
history=$(sql "SELECT count(*) FROM review WHERE claim_id = $claim_id")
article_id=$(sql "SELECT coalesce(article_id, 0) FROM claim WHERE id = $claim_id")
# page 1,000 of 25 starts after the last claim of page 999
deep=$(sql "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || '_' || id
  FROM claim ORDER BY created_at DESC, id DESC OFFSET $((999 * 25 - 1)) LIMIT 1")
deep_time=${deep%_*}
deep_id=${deep##*_}
sql "SELECT id FROM claim WHERE version = 0 AND status = 'unverified' ORDER BY id DESC LIMIT 200000" >"$out/undecided.txt"
# the floor decides random claims older than those, so that the app's requests still find them undecided
min_id=$(sql "SELECT min(id) FROM claim")
max_id=$(( $(tail -n 1 "$out/undecided.txt") - 1 )) # the list is newest first
reviewer_id=$(sql "SELECT id FROM reviewer WHERE username = '$user'")
common=tax
rare='"shell production"'
rare_url=%22shell%20production%22
echo "Desk: $total claims; busiest source #$source_id ($source_claims claims); claim #$claim_id ($history decisions)."

# --- sessions: a browser's cookie for the pages, HTTP Basic for the API ---
cookies=$out/cookies.txt
log_in() {
  rm -f "$cookies"
  curl -s -o /dev/null -c "$cookies" --data-urlencode "j_username=$user" --data-urlencode "j_password=$password" \
    "$base/j_security_check"
  session="Cookie: claimdesk-session=$(awk '$6 == "claimdesk-session" { print $7 }' "$cookies")"
  [[ $session != "Cookie: claimdesk-session=" ]] || { echo "Logging in failed; see $out/app.log." >&2; exit 1; }
}
basic="Authorization: Basic $(printf '%s:%s' "$user" "$password" | base64 -w0)"

stop_app
start_app
ready=$elapsed
echo "Ready in $ready_first ms, then $ready ms on the same data folder."
database_port
# the first 10 s after ready: one login (a browser's first request too), then the pages in turn at 16 connections
cold_seconds=${BENCH_COLD_SECONDS:-10}
log_in
cold=$(wrk -t2 -c16 -d"${cold_seconds}s" --timeout 30s --latency -H "$session" -s src/bench/mix.lua "$base" -- \
  /claims "/claims/$claim_id" "/claims?q=$common" / "/sources/$source_id" "/claims?after=$deep")
echo "$cold" >"$out/cold.txt"
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "$session" "$base/claims") == 200 ]] \
  || { echo "Logging in failed; see $out/app.log." >&2; exit 1; }

# slug | name | path | auth | floor script | pgbench variables (name=value;...)
pages=(
  "list|list|/claims|$session|list.sql|"
  "list-filtered|list: disputed of one source|/claims?status=disputed&sourceId=$source_id|$session|list-filtered.sql|source_id=$source_id;status=disputed"
  "deep|deep page (1,000th)|/claims?after=$deep|$session|list-deep.sql|cursor_time=$deep_time;cursor_id=$deep_id"
  "search-common|search, common word ($common)|/claims?q=$common|$session|search.sql|q=$common"
  "search-rare|search, rare phrase ($rare)|/claims?q=$rare_url|$session|search.sql|q=$rare"
  "claim|claim page ($history decisions)|/claims/$claim_id|$session|claim.sql|claim_id=$claim_id;article_id=$article_id"
  "source|source profile ($source_claims claims)|/sources/$source_id|$session|source.sql|source_id=$source_id"
  "dashboard|dashboard|/|$session|dashboard.sql|reviewer_id=$reviewer_id"
  "verdict|verdict POST (API)|verdict|$basic|verdict.sql|min_id=$min_id;max_id=$max_id;reviewer_id=$reviewer_id"
  "api-list|API list|/api/claims?page=2&size=25|$basic|api-list.sql|"
)

# wrk's latency ("812.00us", "3.20ms", "1.02s") in milliseconds
ms() { awk -v t="$1" 'BEGIN { v = t + 0; if (t ~ /us$/) v /= 1000; else if (t ~ /ms$/) v += 0; else if (t ~ /s$/) v *= 1000; printf "%.2f", v }'; }

# each verdict run decides claims of its own, 40,000 ids after the previous run's; counted here, in the script's own
# shell, because a run whose output is captured runs in a subshell that would forget the count
next_verdict_run() { verdict_offset=$(( verdict_runs++ * 40000 )); }

run_wrk() { # connections seconds path auth
  local threads=$(( $1 < 2 ? $1 : 2 ))
  if [[ $3 == verdict ]]; then
    wrk -t"$threads" -c"$1" -d"$2s" --timeout 30s --latency -H "$4" -s src/bench/verdict.lua "$base" -- \
      "$out/undecided.txt" \
      "$threads" "$verdict_offset"
  else
    wrk -t"$threads" -c"$1" -d"$2s" --timeout 30s --latency -H "$4" "$base$3"
  fi
}

# CPU time (clock ticks, 100 a second) of the app's JVM, and of the database: the postmaster with its ended
# children and every running backend
app_ticks() { awk '{ print $14 + $15 }' "/proc/$app/stat"; }
# the same for the threads that serve requests only (Quarkus's executor threads and Vert.x's event loops, whose names
# the kernel cuts at 15 characters): without the JIT compiler and the garbage collector, which a cold or busy JVM
# spends most of its CPU on
request_ticks() {
  local task
  for task in /proc/$app/task/*; do
    case $(cat "$task/comm" 2>/dev/null) in
      executor-thread*|vert.x-eventlo*) awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null || true ;;
    esac
  done | awk '{ s += $1 } END { print s + 0 }'
}
db_ticks() {
  local postmaster child
  postmaster=$(sed -n 1p "$data/postgres/postmaster.pid")
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat"
    for child in $(pgrep -P "$postmaster"); do awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || true; done
  } | awk '{ s += $1 } END { print s }'
}
per_request() { awk -v t="$1" -v n="$2" 'BEGIN { printf "%.2f", (n > 0 ? t * 10 / n : 0) }'; } # ticks requests

# pgbench's per-transaction log: p50, p99 (ms) and transactions per second
run_floor() { # connections script variables
  local threads=$(( $1 < 2 ? $1 : 2 )) log=$out/pgbench variables=() pair
  IFS=';' read -r -a pairs <<<"$3"
  for pair in "${pairs[@]}"; do variables+=(-D "$pair"); done
  rm -rf "$log"; mkdir -p "$log"
  (cd "$log" && pgbench -n -M prepared -c "$1" -j "$threads" -T "$seconds" -l --log-prefix=tx "${variables[@]}" \
    -f "$root/src/bench/floor/$2") >"$log/out.txt" 2>&1 || { cat "$log/out.txt" >&2; return 1; }
  local tps
  tps=$(awk '/^tps = / { printf "%.1f", $3 }' "$log/out.txt")
  cat "$log"/tx.* | awk '{ print $3 / 1000 }' | sort -n | awk -v tps="$tps" '
    function at(q,  i) { i = int(NR * q); if (i < 1) i = 1; return v[i] }
    { v[NR] = $1 } END { printf "%.2f %.2f %s\n", at(0.5), at(0.99), tps }'
}

rss_max=0
verdict_runs=0
table=$out/table.md
{
  echo "## $(date -u +%F): $total claims, $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
  echo
  echo "Load before the run: $(uptime | sed 's/.*load average/load average/'). Ready in $ready ms (first start $ready_first ms)."
  echo "java ${BENCH_JAVA_OPTS--Xmx256m} -jar; wrk ${seconds} s per run after a ${warmup} s warm-up; pgbench -M prepared, ${seconds} s; ratio = app p50 / floor p50."
  echo
  echo "| endpoint | conns | p50 ms | p99 ms | req/s | floor p50 ms | floor p99 ms | floor tps | ratio | app CPU ms/req | request threads CPU ms/req | db CPU ms/req |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  cold_p50=$(ms "$(awk '$1 == "50%" { print $2 }' <<<"$cold")")
  cold_p99=$(ms "$(awk '$1 == "99%" { print $2 }' <<<"$cold")")
  cold_rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$cold")
  printf '| first %s s after ready, pages in turn | 16 | %s | %s | %s | | | | | | | |\n' "$cold_seconds" "$cold_p50" \
    "$cold_p99" "$cold_rps"
} >"$table"

for page in "${pages[@]}"; do
  IFS='|' read -r slug name path auth script vars <<<"$page"
  if [[ -n ${BENCH_ONLY:-} && ,$BENCH_ONLY, != *,"$slug",* ]]; then continue; fi
  echo "== $name ($slug)"
  next_verdict_run
  run_wrk 16 "$warmup" "$path" "$auth" >/dev/null # warm-up, not counted
  for c in "${connections[@]}"; do
    if (( c == 64 )); then
      ( while kill -0 "$app" 2>/dev/null; do ps -o rss= -p "$app"; sleep 0.5; done ) >"$out/rss-$slug.txt" &
      sampler=$!
    fi
    next_verdict_run
    jfr=
    if [[ ${BENCH_JFR:-0} == 1 && $c == 16 ]]; then
      jfr=$out/jfr/$slug.jfr; mkdir -p "$out/jfr"
      jcmd "$app" JFR.start name="$slug" settings=profile >/dev/null
    fi
    app_before=$(app_ticks); db_before=$(db_ticks); req_before=$(request_ticks)
    result=$(run_wrk "$c" "$seconds" "$path" "$auth")
    app_after=$(app_ticks); db_after=$(db_ticks); req_after=$(request_ticks)
    if [[ -n $jfr ]]; then
      jcmd "$app" JFR.stop name="$slug" filename="$jfr" >/dev/null
      src/bench/jfr-summary.py "$jfr" >"${jfr%.jfr}.txt" || true
    fi
    requests=$(awk '/requests in/ { print $1 }' <<<"$result")
    app_cpu=$(per_request $(( app_after - app_before )) "$requests")
    db_cpu=$(per_request $(( db_after - db_before )) "$requests")
    req_cpu=$(per_request $(( req_after - req_before )) "$requests")
    if [[ -n $sampler ]]; then
      kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=
      peak=$(sort -n "$out/rss-$slug.txt" | tail -1)
      (( ${peak:-0} > rss_max )) && rss_max=$peak
    fi
    errors=$(awk '/Non-2xx|Socket errors/' <<<"$result")
    [[ -z $errors ]] || printf '%s, %s connections: %s\n' "$name" "$c" "$(tr '\n' ' ' <<<"$errors")" \
      | tee -a "$out/errors.txt" >&2
    p50=$(ms "$(awk '$1 == "50%" { print $2 }' <<<"$result")")
    p99=$(ms "$(awk '$1 == "99%" { print $2 }' <<<"$result")")
    rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$result")
    read -r f50 f99 ftps <<<"$(run_floor "$c" "$script" "$vars")"
    ratio=$(awk -v a="$p50" -v b="$f50" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
    printf '| %s | %s | %s | %s | %s | %s | %s | %.0f | %s× | %s | %s | %s |\n' "$name" "$c" "$p50" "$p99" "$rps" \
      "$f50" "$f99" "$ftps" "$ratio" "$app_cpu" "$req_cpu" "$db_cpu" | tee -a "$table"
  done
done

{
  echo
  echo "App RSS at most $((rss_max / 1024)) MB during the 64-connection runs. Load after the run: $(uptime | sed 's/.*load average/load average/')."
  [[ ! -s $out/errors.txt ]] || { echo; echo "Errors:"; sed 's/^/    /' "$out/errors.txt"; }
} >>"$table"
cp "$table" "$out.md"
echo
cat "$table"
echo
echo "Written to $out.md"
