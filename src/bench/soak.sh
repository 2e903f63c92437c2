#!/usr/bin/env bash
# Concurrency soak at full size: 50 reviewers (own accounts and sessions) make 5,000 verdicts across 200 claims,
# a third from stale versions, through two packaged-app instances sharing one embedded PostgreSQL; then checks
# the history and prints the counts (line "Soak: ..."). CI runs the same test (VerdictSoakIT) with 500 verdicts.
# Usage: src/bench/soak.sh [verdicts] [reviewers] [claims]
set -euo pipefail
cd "$(dirname "$0")/../.."
verdicts=${1:-5000}
reviewers=${2:-50}
claims=${3:-200}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
./mvnw -B failsafe:integration-test failsafe:verify -Dit.test=VerdictSoakIT \
  -Dsoak.verdicts="$verdicts" -Dsoak.reviewers="$reviewers" -Dsoak.claims="$claims" | grep -E "Soak:|Tests run:|FAIL|ERROR"
