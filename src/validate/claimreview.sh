#!/usr/bin/env bash
# Checks a published fact-check of the packaged app with the npm package structured-data-testing-tool and its
# Google presets, as Google's tools would read it. Run after `./mvnw package` (.ci/run runs it after the tests):
#
#   src/validate/claimreview.sh
#
# It installs the tool into target/claimreview-validation/sdtt (npm install --ignore-scripts, pinned version),
# starts target/quarkus-app on a fresh embedded database under target/ (the demo desk loads), decides and publishes
# one demo claim through the API, validates its public page logged out, and stops the app. It fails on any error or
# warning, and also when the tool finds no ClaimReview at all: the tool itself exits 0 with "No tests run" then.
set -euo pipefail
cd "$(dirname "$0")/../.."

SDTT_VERSION=4.5.0
work=target/claimreview-validation
tool=$work/sdtt
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "No $jar: run ./mvnw package first." >&2; exit 2; }

mkdir -p "$work"
if [ ! -x "$tool/node_modules/.bin/sdtt" ]; then
  echo "Installing structured-data-testing-tool $SDTT_VERSION into $tool"
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error --prefix "$tool" \
    "structured-data-testing-tool@$SDTT_VERSION" >/dev/null
fi

rm -rf "$work/data"
port=${CLAIMREVIEW_PORT:-$((20000 + RANDOM % 10000))}
base="http://127.0.0.1:$port"
user=validator
password="validation-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

CLAIMDESK_DATA_DIR="$PWD/$work/data" QUARKUS_HTTP_PORT=$port \
CLAIMDESK_SESSION_KEY="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" \
CLAIMDESK_ADMIN_USERNAME=$user CLAIMDESK_ADMIN_PASSWORD="$password" \
CLAIMDESK_ORGANISATION_NAME="Claimdesk validation desk" CLAIMDESK_ORGANISATION_URL="https://desk.example.org/" \
  java -jar "$jar" >"$work/app.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT

for _ in $(seq 1 180); do
  curl -fsS -o /dev/null "$base/q/health/ready" 2>/dev/null && break
  kill -0 "$app" 2>/dev/null || { echo "The app stopped; see $work/app.log" >&2; tail -20 "$work/app.log" >&2; exit 1; }
  sleep 1
done
curl -fsS -o /dev/null "$base/q/health/ready" || { echo "The app did not get ready; see $work/app.log" >&2; exit 1; }

api() { curl -fsS -u "$user:$password" -H 'Content-Type: application/json' "$@"; }
field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v=JSON.parse(s);for(const k of process.argv[1].split("."))v=v[k];console.log(v)})' "$1"; }

id=$(api "$base/api/claims?size=1&sort=oldest" | field items.0.id)
version=$(api "$base/api/claims/$id" | field version)
api -o /dev/null -d "{\"status\":\"disputed\",\"version\":$version,
  \"rationale\":\"Independent estimates put the output far lower; the claim rests on state media alone.\",
  \"evidence\":[{\"url\":\"https://example.org/shell-output-estimates\",\"title\":\"Shell output estimates\",
  \"stance\":\"refutes\"}]}" "$base/api/claims/$id/verdicts"
path=$(api -X POST "$base/api/claims/$id/publication" | field path)
echo "Published demo claim $id at $path; validating it logged out:"

validate() {
  local path=$1
  set +e
  output=$("$tool/node_modules/.bin/sdtt" --url "$base$path" --presets Google --schemas "jsonld:ClaimReview" 2>&1)
  status=$?
  set -e
  echo "$output"

  failed=""
  [ "$status" -eq 0 ] || failed="structured-data-testing-tool exited with $status"
  grep -q "No tests run" <<<"$output" && failed="structured-data-testing-tool found nothing to test (No tests run)"
  grep -q "ClaimReview" <<<"$output" || failed="${failed:-structured-data-testing-tool found no ClaimReview}"
  plain=$(sed 's/\x1b\[[0-9;]*m//g' <<<"$output")
  if grep -Eq '(Failed|Warnings): *[1-9]' <<<"$plain"; then failed="${failed:-errors or warnings reported}"; fi
  if [ -n "$failed" ]; then
    echo "ClaimReview validation FAILED: $failed" >&2
    exit 1
  fi
  echo "ClaimReview validation passed: $base$path"
}
validate "$path"

# Issue 19: a published misattributed claim, rated "Misattributed" in its ClaimReview, must validate too.
id=$(api "$base/api/claims?size=2&sort=oldest" | field items.1.id)
version=$(api "$base/api/claims/$id" | field version)
api -o /dev/null -d "{\"status\":\"disputed\",\"version\":$version,
  \"rationale\":\"No record of it outside one foreign website.\"}" "$base/api/claims/$id/verdicts"
version=$(api "$base/api/claims/$id" | field version)
api -o /dev/null -d "{\"status\":\"misattributed\",\"version\":$version,
  \"rationale\":\"The source's own report does not say this; a foreign outlet put the words in its mouth.\",
  \"evidence\":[{\"url\":\"https://example.org/source-own-report\",\"title\":\"The source's own report\",
  \"stance\":\"refutes\"}]}" "$base/api/claims/$id/attribution-verdicts"
path=$(api -X POST "$base/api/claims/$id/publication" | field path)
curl -fsS "$base$path" | grep -q '"alternateName":"Misattributed"' \
  || { echo "ClaimReview validation FAILED: $path is not rated Misattributed" >&2; exit 1; }
echo "Published misattributed demo claim $id at $path; validating it logged out:"
validate "$path"
