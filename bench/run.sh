#!/usr/bin/env bash
# The benchmark, in one command (see docs/BENCHMARKS.md):  ./bench/run.sh
#
# Builds the server, writes the deterministic corpus (100k memories with their vectors; kept in
# memory-server/target/bench between runs), then measures: embedding vs raw ONNX Runtime, retrieval quality,
# the built jar over MCP at 10k and 100k memories, ANN recall at 100k, the peer server-memory, and the operator.
# Results: memory-server/target/bench/*.json and report.md. The LoCoMo part has its own command: bench/locomo.sh.
#
#   BENCH_SKIP_BUILD=1   use the jar already built
#   BENCH_PARTS="embedding quality mcp recall peer operator"   run only some parts ("quality" alone: the labelled
#                        set, paraphrase hit@5 and identifier hit@1, and the cosines of corrections against unrelated
#                        facts that the candidate threshold separates, in a few minutes)
#   BENCH_JAVA_OPTS      JVM options of the server under test (default -Xmx512m, as the e2e tests start it)
#   BENCH_REPEATS, BENCH_QUERIES, BENCH_WARM_UP, BENCH_STORE_WARM_UP, BENCH_PEER_N   runs per measurement, queries
#                        per run, warm-up queries and warm-up stores before them, memories for the peer
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="$root/memory-server/target/bench"
parts="${BENCH_PARTS:-embedding quality mcp recall peer operator}"
want() { [[ " $parts " == *" $1 "* ]]; }
mkdir -p "$out"

if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -B -q -pl memory-server -am package -DskipTests
fi
cp="memory-server/target/classes:memory-server/target/test-classes:memory-server/target/quarkus-app/lib/main/*:memory-server/target/quarkus-app/lib/boot/*"
bench_java() {
  java -Xmx1g -Dbench.out="$out" -Dbench.model-cache="$root/memory-server/target/model-cache" -cp "$cp" \
    "dev.minmemory.server.bench.$1" "${@:2}" 2>&1 | { grep -v '^SLF4J' || true; }
}

cat > "$out/machine.json" <<JSON
{"date": "$(date -u +%Y-%m-%dT%H:%MZ)", "cores": $(nproc), "cpu": "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)",
 "memory": "$(free -g | awk '/Mem:/ {print $2}') GB", "java": "$(java -version 2>&1 | head -1 | tr -d '"')",
 "load_start": "$(cut -d' ' -f1-3 /proc/loadavg)"}
JSON

echo "# corpus and workload"
bench_java CorpusFile --workload "$out"
if want mcp || want recall || want peer; then
  bench_java CorpusFile "$out/corpus-100k.jsonl" 100000
  head -n 10000 "$out/corpus-100k.jsonl" > "$out/corpus-10k.jsonl"
else
  # the quality part alone needs only the first 10k memories: a minute of embedding instead of several
  bench_java CorpusFile "$out/corpus-10k.jsonl" 10000
fi

if want embedding; then echo "# 1. embedding"; bench_java EmbeddingBench; fi
if want quality; then
  echo "# 4. retrieval quality"
  bench_java StoreBench quality "$out/corpus-10k.jsonl"
  bench_java CandidateThresholds
fi

if want mcp || want peer; then
  (cd memory-server/src/test/e2e && npm ci --no-audit --no-fund --loglevel=error)
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi
if want mcp; then echo "# 2. MCP end to end"; BENCH_OUT="$out" node bench/mcp-bench.mjs --only sizes; fi
if want recall; then
  echo "# 3. recall at 100k"
  index_dir="$out/data-100k"   # what the MCP part left: the 100k corpus plus the memories it stored
  if [[ ! -d "$index_dir/index" ]]; then
    MCP_DATA_DIR="$index_dir" java -jar memory-server/target/quarkus-app/quarkus-run.jar import --in "$out/corpus-100k.jsonl"
  fi
  bench_java StoreBench recall "$index_dir/index"
  rm -rf "$index_dir"
fi
if want peer; then echo "# 5. peer"; BENCH_OUT="$out" node bench/mcp-bench.mjs --only peer; fi
if want operator; then
  echo "# 6. operator"
  ./mvnw -B -q -pl operator test -Dtest=OperatorBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.out="$out"
fi

sed -i "s|}\$|, \"load_end\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}|" "$out/machine.json"
BENCH_OUT="$out" node bench/report.mjs > "$out/report.md"
cat "$out/report.md"
