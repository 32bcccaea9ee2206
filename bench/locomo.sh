#!/usr/bin/env bash
# The LoCoMo benchmark, in one command (see docs/BENCHMARKS.md):  ./bench/locomo.sh PATH/TO/locomo10.json
#
# PATH is the dataset's data/locomo10.json, downloaded by you from https://github.com/snap-research/LoCoMo
# (CC BY-NC 4.0: the project neither ships nor commits it). Builds the server, starts it on a fresh data directory,
# stores every turn and asks every question of categories 1-4 over MCP, ranks the same turns with a plain BM25 in the
# same run, and prints recall@5, recall@10, top-1 and session hit@10 (overall and per category) with bootstrap
# intervals for the differences, and the retrieve latency. Results: memory-server/target/bench/locomo.json and .md.
#
#   BENCH_SKIP_BUILD=1              use the jar already built
#   LOCOMO_CONVERSATIONS=0-2,4      only these conversations (indexes into the file)
#   BENCH_JAVA_OPTS, BENCH_WARM_UP  JVM options of the server (default -Xmx512m), unmeasured retrieves first (200)
#   MEMORY_SERVER_JAR               measure another build with the same harness
set -euo pipefail
data="$(realpath "${1:?usage: bench/locomo.sh PATH/TO/locomo10.json}")"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -B -q -pl memory-server -am package -DskipTests
fi
(cd memory-server/src/test/e2e && npm ci --no-audit --no-fund --loglevel=error)
(cd bench && npm ci --no-audit --no-fund --loglevel=error)
node bench/locomo.mjs "$data" ${LOCOMO_CONVERSATIONS:+--conversations "$LOCOMO_CONVERSATIONS"}
