#!/usr/bin/env bash
# Imports the LIAR train file (10,269 PolitiFact statements) into a running Claimdesk through the import pages, as
# a reviewer would, and reports how long it took: the wall-clock time from "Start the import" to the page saying
# "Done", and the time the import itself recorded (started_at to finished_at).
#
#   src/bench/liar-import.sh [base-url] [file] [mode]
#
# mode is skip_invalid (default) or all_or_nothing. Needs curl and an account that may import:
# BENCH_USER / BENCH_PASSWORD (default: the dev demo reviewer). Import into a desk without LIAR's claims, or the
# run measures the duplicate check (every line skipped) instead of the inserts.
set -euo pipefail

base=${1:-http://localhost:8080}
file=${2:-../shared/datasets/liar/train.tsv}
mode=${3:-skip_invalid}
user=${BENCH_USER:-reviewer}
password=${BENCH_PASSWORD:-claimdesk-review-demo}

jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
curl -s -o /dev/null -c "$jar" --data-urlencode "j_username=$user" --data-urlencode "j_password=$password" \
  "$base/j_security_check"
if ! grep -q claimdesk-session "$jar"; then
  echo "Login as $user failed. Set BENCH_USER and BENCH_PASSWORD." >&2
  exit 1
fi
page() { curl -sf -b "$jar" -c "$jar" "$base$1"; }
token() { sed -nE 's/.*name="csrf-token" value="([^"]+)".*/\1/p' | head -1; }

csrf=$(page /imports/tables | token)
location=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" -F "csrf-token=$csrf" \
  -F "file=@$file;type=text/tab-separated-values" "$base/imports/tables")
id=${location##*/}
[[ "$id" =~ ^[0-9]+$ ]] || { echo "Upload failed: $location" >&2; exit 1; }
csrf=$(page "/imports/tables/$id" | token)

start=$(date +%s.%N)
curl -sf -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf-token=$csrf" -d format=tsv -d header=false \
  -d column1=rating -d column2=statement -d column3=tags -d column4=source -d "mode=$mode" -d sourceKind=person \
  "$base/imports/tables/$id/start"
while :; do
  shown=$(page "/imports/tables/$id")
  if grep -q -E 'Done[,.]|Not imported' <<<"$shown"; then
    break
  fi
  sleep 0.2
done
end=$(date +%s.%N)

count() { sed -nE "s|.*<dt>$1</dt><dd>([0-9]+)</dd>.*|\\1|p" <<<"$shown"; }
echo "import $id of $(basename "$file") ($mode): $(count Lines) lines, $(count 'Imported claims') imported," \
  "$(count 'Skipped as duplicates') duplicates, $(count 'Invalid lines') invalid, $(count 'New sources') new sources"
echo "recorded by the import: $(sed -nE 's/.*Done, in ([0-9.]+) seconds.*/\1 s/p' <<<"$shown")"
printf 'wall clock, start to the page saying Done: %.1f s\n' "$(echo "$end - $start" | bc)"
