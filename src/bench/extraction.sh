#!/usr/bin/env bash
# Times the attribution extractor on a 1,000-word article after warm-up (p50/p90/p99 per extraction).
#
#   src/bench/extraction.sh [words] [runs]
#
# Runs in one JVM from the test classpath; no database or server is needed.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q test-compile exec:java@benchmark-extraction -Dwords="${1:-1000}" -Druns="${2:-2000}"
