#!/usr/bin/env bash
# Runs sqlmap (Debian package "sqlmap"; installed if missing) at --level=3 --risk=2 against the packaged app on
# loopback, with an authenticated session and the form's CSRF token: the login form, the list filters and search
# (pages and API), the verdict API and form, and the import endpoints when the app has them, several at once.
# Prints one line per target and exits non-zero if sqlmap reports anything injectable. Slow (about half an hour on
# two cores); not part of CI.
# Usage: src/security/sqlmap.sh [port]      (builds the app if needed, starts it on a throw-away embedded database)
#        SQLMAP_ONLY="verdict-form login-form" src/security/sqlmap.sh    runs only the targets named
set -uo pipefail
cd "$(dirname "$0")/../.."
port=${1:-$((20000 + RANDOM % 9000))}
base="http://127.0.0.1:$port"
work=${SQLMAP_WORK:-target/sqlmap}
rm -rf "$work" && mkdir -p "$work"
command -v sqlmap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlmap; }
app_jar=${CLAIMDESK_JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$app_jar" ] || ./mvnw -B -q package -DskipTests

admin=chief; password='sqlmap run passphrase'
CLAIMDESK_DATA_DIR="$PWD/$work/data" QUARKUS_HTTP_PORT=$port CLAIMDESK_SESSION_KEY="sqlmap-run-session-key-0123456789abcdef" \
  CLAIMDESK_ADMIN_USERNAME=$admin CLAIMDESK_ADMIN_PASSWORD="$password" CLAIMDESK_DEMO=true \
  java -jar "$app_jar" >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -fs "$base/q/health/ready" >/dev/null && break; sleep 1; done

jar="$work/cookies.txt"
curl -s -c "$jar" -o /dev/null -d "j_username=$admin" --data-urlencode "j_password=$password" "$base/j_security_check"
curl -s -b "$jar" -c "$jar" -o "$work/claim.html" "$base/claims/1"
session=$(awk '$6=="claimdesk-session"{print $7}' "$jar")
csrf=$(awk '$6=="claimdesk-csrf"{print $7}' "$jar")
[ -n "$session" ] && [ -n "$csrf" ] || { echo "could not log in"; exit 2; }
cookie="claimdesk-session=$session; claimdesk-csrf=$csrf"
version=$(curl -s -b "$jar" "$base/api/claims/1" | sed -n 's/.*"version":\([0-9]*\).*/\1/p' | tail -1)

common=(--batch --level=3 --risk=2 --dbms=PostgreSQL --threads=2 --random-agent --flush-session --output-dir="$work/out" --skip-static
        --skip="csrf-token" --ignore-code=400,404,409,413,415,422 --disable-coloring)
run() { # name, sqlmap arguments...: runs in the background; report() reads the logs
  local name=$1; shift
  [ -z "${SQLMAP_ONLY:-}" ] || [[ " $SQLMAP_ONLY " == *" $name "* ]] || return 0
  sqlmap "${common[@]}" "$@" >"$work/$name.log" 2>&1 &
  scans+=($!)
}
scans=()
finish() { for pid in "${scans[@]}"; do wait "$pid"; done; scans=(); } # the app runs in the background too
found=0
report() {
  local name
  for log in "$work"/*.log; do
    name=$(basename "$log" .log); [ "$name" = app ] && continue
    if grep -qiE "is vulnerable|appears to be .*injectable|identified the following injection point" "$log"; then
      echo "$name: INJECTABLE (see $log)"; found=1
    else
      echo "$name: $(grep -ac "\[INFO\] testing '" "$log") tests; not injectable: $(grep -aoE "parameter '[^']+' does not seem to be injectable" "$log" | sed -E "s/parameter '([^']+)'.*/\1/" | paste -sd, -); $(grep -aoE 'all tested parameters do not appear to be injectable' "$log" | head -1)"
    fi
  done
}

run claims-filters -u "$base/claims?q=korea&status=verified&sourceId=1&kind=state_media&tag=shells&sort=newest&from=2020-01-01&to=2030-01-01" \
  --cookie="$cookie" -p "q,status,sourceId,kind,tag,sort,from,to"
run api-claims-search -u "$base/api/claims?q=korea&status=disputed&sourceId=1&page=1&size=10" --cookie="$cookie" \
  -p "q,status,sourceId,page,size"
run sources-search -u "$base/sources?q=kcna&kind=state_media&country=KP" --cookie="$cookie" -p "q,kind,country"
run articles-search -u "$base/articles?q=shells&publisherId=1" --cookie="$cookie" -p "q,publisherId"
run verdict-api -u "$base/api/claims/1/verdicts" --cookie="$cookie" --method=POST \
  --headers="Content-Type: application/json" \
  --data="{\"status\":\"disputed*\",\"rationale\":\"checked*\",\"version\":${version:-0}*}"
run verdict-form -u "$base/claims/1/verdicts" --cookie="$cookie" --method=POST \
  --data="csrf-token=$csrf&status=disputed&rationale=checked&evidenceUrl=https://example.org/&evidenceTitle=t&evidenceStance=refutes&evidenceNote=&version=${version:-0}" \
  --csrf-token=csrf-token --csrf-url="$base/claims/1" --threads=1 -p "status,rationale,evidenceUrl,evidenceStance,version"
# each import endpoint with a body it accepts, so that sqlmap sees its answers change and tests every field
declare -A bodies=(
  [/api/articles]='{"url":"https://example.org/a*","title":"t*","text":"x*"}'
  [/api/extractions]='{"title":"t*","text":"KCNA said that the plant doubled its output*."}'
  [/api/imports/claimreview]='{"@context":"https://schema.org","@type":"ClaimReview","url":"https://example.org/r*","claimReviewed":"The plant doubled its output*","reviewRating":{"@type":"Rating","alternateName":"False*"},"itemReviewed":{"@type":"Claim","author":{"@type":"Organization","name":"KCNA*"}}}'
)
for endpoint in /api/imports/claimreview /api/articles /api/extractions; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -H 'Content-Type: application/json' -d '{}' "$base$endpoint")
  if [ "$code" = 404 ]; then echo "import ${endpoint}: not on this build (404), skipped"; continue; fi
  run "import$(echo $endpoint | tr / -)" -u "$base$endpoint" --cookie="$cookie" --method=POST \
    --headers="Content-Type: application/json" --data="${bodies[$endpoint]}"
done
finish
# last: failed logins lock out this address for 15 minutes, which would end the authenticated runs above
run login-form -u "$base/j_security_check" --method=POST --data="j_username=admin&j_password=guess" -p "j_username,j_password"
finish
report
exit $found
