// Turns the JSON results in $BENCH_OUT into the Markdown tables of docs/BENCHMARKS.md: targets first, then details.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.env.BENCH_OUT ?? join(here, '../memory-server/target/bench'));
const read = (name) => (existsSync(join(out, `${name}.json`)) ? JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')) : null);
const [machine, embedding, mcp, recall, quality, peer, operator] =
  ['machine', 'embedding', 'mcp', 'recall', 'quality', 'peer', 'operator'].map(read);

const range = (s, unit = '') => (s ? `${s.median}${unit} (${s.min}–${s.max})` : 'n/a');
const verdict = (ok) => (ok === undefined ? '' : ok ? '✅ met' : '❌ missed');
const lines = [];
const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);

if (machine) {
  lines.push(`Run ${machine.date} on ${machine.cpu} (${machine.cores} cores), ${machine.memory}, ${machine.java}; `
    + `load average (1/5/15 min) at start ${machine.load_start}, at end ${machine.load_end ?? 'n/a'}.`, '');
}

lines.push('| measure | target | measured: median (range over runs) | |', '|---|---|---|---|');
const big = mcp?.at_100k;
if (big) {
  const r = big.retrieve_context;
  row('`retrieve_context` at 100k, p50', '≤ 15 ms', range(r.p50, ' ms'), verdict(r.p50.median <= 15));
  row('`retrieve_context` at 100k, p99', '≤ 50 ms', range(r.p99, ' ms'), verdict(r.p99.median <= 50));
}
const storeAt = mcp?.at_10k ?? big;
if (storeAt) {
  const s = storeAt.store_memory_8_clients.per_s;
  row(`\`store_memory\`, 8 clients (at ${storeAt.memories / 1000}k)`, '≥ 150 /s', range(s, '/s'), verdict(s.median >= 150));
}
if (recall) row('ANN recall@10 against exact (100k)', '≥ 0.95', `${recall.recall_at_10}`, verdict(recall.recall_at_10 >= 0.95));
if (embedding) {
  const ratios = embedding.pipeline_over_raw;
  const worst = Math.min(ratios.batch_1_throughput, ratios.batch_8_throughput, ratios.batch_32_throughput, ratios['8_callers_throughput']);
  row('embedding pipeline throughput / raw ONNX Runtime', '≥ 0.90', `batch 1: ${ratios.batch_1_throughput}, 8: ${ratios.batch_8_throughput}, 32: ${ratios.batch_32_throughput}, 8 callers: ${ratios['8_callers_throughput']}`, verdict(worst >= 0.9));
}
if (big) {
  const peak = big.rss_end.peak_rss_mb;
  row('peak RSS at 100k memories', '≤ 700 MB', `${peak} MB`, verdict(peak <= 700));
  row('start-up to ready (100k memories)', '≤ 5 s', `${big.startup_ms} ms`, verdict(big.startup_ms <= 5000));
}
if (mcp?.startup_empty) row('start-up to ready (empty store)', '≤ 5 s', `${mcp.startup_empty.median_ms} ms (${mcp.startup_empty.runs_ms.join(', ')})`, verdict(mcp.startup_empty.median_ms <= 5000));
lines.push('');

if (embedding) {
  lines.push('### 1. Embedding (in-process, bge-small-en-v1.5 int8, '
    + `${embedding.intra_op_threads} intra-op thread${embedding.intra_op_threads === 1 ? '' : 's'}, ${embedding.rounds} alternating rounds, load ${embedding.load_1min.join(' → ')})`, '');
  lines.push('| | single sentence | batch 1 | batch 8 | batch 32 | 8 callers, 1 sentence each |', '|---|---|---|---|---|---|');
  for (const c of [embedding.pipeline, embedding.raw_onnxruntime]) {
    row(c.name, range(c.single_sentence_ms, ' ms'), range(c.batch_1_per_s, '/s'), range(c.batch_8_per_s, '/s'), range(c.batch_32_per_s, '/s'), range(c['8_callers_per_s'], '/s'));
  }
  const r = embedding.pipeline_over_raw;
  row('pipeline / raw', `${r.single_latency}× latency`, `${r.batch_1_throughput}×`, `${r.batch_8_throughput}×`, `${r.batch_32_throughput}×`, `${r['8_callers_throughput']}×`);
  lines.push('');
}

if (mcp) {
  lines.push(`### 2. End to end over MCP Streamable HTTP (SDK client, embedded store, JVM \`${mcp.java_options}\`, ${mcp.repeats} runs each)`, '');
  lines.push('| | 10k memories | 100k memories |', '|---|---|---|');
  const both = (f) => [mcp.at_10k, mcp.at_100k].map((x) => (x ? f(x) : 'n/a'));
  row('import (export file with vectors), then compaction', ...both((x) => `${x.import_s} s`));
  row('start-up to ready', ...both((x) => `${x.startup_ms} ms`));
  row('`retrieve_context` p50', ...both((x) => range(x.retrieve_context.p50, ' ms')));
  row('`retrieve_context` p95', ...both((x) => range(x.retrieve_context.p95, ' ms')));
  row('`retrieve_context` p99', ...both((x) => range(x.retrieve_context.p99, ' ms')));
  row('`retrieve_context` p50 / p99 after the stores (1 run)', ...both((x) => `${x.retrieve_context_after_stores.p50.median} / ${x.retrieve_context_after_stores.p99.median} ms`));
  row('`store_memory`, 1 client', ...both((x) => range(x.store_memory_1_client.per_s, '/s')));
  row('`store_memory`, 8 clients', ...both((x) => range(x.store_memory_8_clients.per_s, '/s')));
  row('`store_memory` p50 / p99 latency, 8 clients (last run)', ...both((x) => `${x.store_memory_8_clients.runs.at(-1).latency_ms.p50} / ${x.store_memory_8_clients.runs.at(-1).latency_ms.p99} ms`));
  row('RSS after start-up', ...both((x) => `${x.rss_after_start.rss_mb} MB`));
  row('peak RSS (VmHWM) at the end', ...both((x) => `${x.rss_end.peak_rss_mb} MB`));
  row('load average during the runs', ...both((x) => [...x.retrieve_context.runs, ...x.store_memory_8_clients.runs].map((y) => y.load_1min[0]).join(', ')));
  lines.push('', `Start-up on an empty store: ${mcp.startup_empty.runs_ms.join(', ')} ms.`, '');
}

if (recall) {
  lines.push(`### 3. ANN recall (store's dense search vs exact brute force, ${recall.memories} memories, ${recall.queries} questions)`, '');
  lines.push(`recall@10 = **${recall.recall_at_10}**; in-process dense search p50 ${recall.dense_search_ms.p50} ms, p99 ${recall.dense_search_ms.p99} ms; `
    + `hybrid search of 30 candidates p50 ${recall.hybrid_search_30_ms.p50} ms, p99 ${recall.hybrid_search_30_ms.p99} ms (load ${recall.load_1min}).`, '');
}

if (quality) {
  lines.push(`### 4. Retrieval quality (labelled set hidden among ${quality.distractors} corpus memories)`, '');
  lines.push('| questions | dense hit@1 / @5 | hybrid hit@1 / @5 | dense + bge query instruction | hybrid + bge query instruction |', '|---|---|---|---|---|');
  for (const kind of ['paraphrase', 'identifier']) {
    const q = quality[kind];
    const cell = (x) => `${x.hit_at_1} / ${x.hit_at_5}`;
    row(`${kind} (${q.questions})`, cell(q.dense), cell(q.hybrid), cell(q.dense_with_query_instruction), cell(q.hybrid_with_query_instruction));
  }
  lines.push('');
}

if (peer) {
  lines.push(`### 5. Peer: \`@modelcontextprotocol/server-memory\` on the same workload (${peer.peer.memories} memories stored one by one, 200 questions, the labelled set; 1 client)`, '');
  lines.push('| | server-memory (stdio) | min-memory (Streamable HTTP) | min-memory / peer |', '|---|---|---|---|');
  row('stores per second', peer.peer.store.per_s, peer.min_memory.store.per_s, `${peer.ratio_min_memory_over_peer.store_per_s}×`);
  row('store p50 / p99', `${peer.peer.store.latency_ms.p50} / ${peer.peer.store.latency_ms.p99} ms`, `${peer.min_memory.store.latency_ms.p50} / ${peer.min_memory.store.latency_ms.p99} ms`, '');
  row('query p50 / p99', `${peer.peer.query.latency_ms.p50} / ${peer.peer.query.latency_ms.p99} ms`, `${peer.min_memory.query.latency_ms.p50} / ${peer.min_memory.query.latency_ms.p99} ms`, `${peer.ratio_min_memory_over_peer.query_p50}× (p50)`);
  row('questions answered with any result', peer.peer.query.answered_with_results, peer.min_memory.query.answered_with_results, '');
  for (const kind of ['paraphrase', 'identifier']) {
    row(`${kind} hit@1 / hit@5`, `${peer.peer.quality[kind].hit_at_1} / ${peer.peer.quality[kind].hit_at_5}`, `${peer.min_memory.quality[kind].hit_at_1} / ${peer.min_memory.quality[kind].hit_at_5}`, '');
  }
  row('peak RSS', `${peer.peer.peak_rss_mb} MB`, `${peer.min_memory.peak_rss_mb} MB`, '');
  lines.push('');
}

if (operator) {
  lines.push('### 6. Operator (real Operator SDK runtime, fabric8 mock API server, one JVM)', '');
  lines.push(`- create a MemoryServer → all 12 dependents exist: median **${operator.create_to_all_dependents_ms.median} ms** (runs ${operator.create_to_all_dependents_ms.runs.join(', ')} ms)`);
  lines.push(`- ${operator.fleet} MemoryServers created at once → every status at generation 1: **${operator.create_reconciles_per_s_median} reconciles/s** (runs ${operator.fleet_rounds.map((x) => x.create_reconciles_per_s).join(', ')})`);
  lines.push(`- the ${operator.fleet} edited at once → every Deployment updated: **${operator.edit_reconciles_per_s_median} reconciles/s** (runs ${operator.fleet_rounds.map((x) => x.edit_reconciles_per_s).join(', ')})`);
  lines.push('');
}

process.stdout.write(lines.join('\n'));
