#!/usr/bin/env bash
# The benchmark of issue 18: a bulk assignment of every claim of a filter (1,000 by default) through
# POST /api/claims/bulk, against the same SQL sent straight to the database in the same run (the floor).
#
#   src/bench/bulk-triage.sh [claims] [runs]
#
# Runs the app in its test profile on the embedded PostgreSQL (workflow.BulkTriageBenchmark), checks one history row
# per claim each run, and prints the p50 and the machine's load; the line is also in target/bench-bulk-triage.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
uptime
./mvnw -B -q test -Dtest=BulkTriageBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.bulk=true \
  -Dbench.claims="${1:-1000}" -Dbench.runs="${2:-7}"
cat target/bench-bulk-triage.txt
uptime
