// The LoCoMo part (docs/BENCHMARKS.md): recall of the built memory server on long conversations, over MCP with the
// SDK client, next to a plain BM25 over the same turns computed in the same run (LocomoBm25.java).
//
//   node locomo.mjs LOCOMO_JSON [--conversations 0-2]
//
// LOCOMO_JSON is the dataset's data/locomo10.json (snap-research/LoCoMo, CC BY-NC 4.0: downloaded by the user, never
// shipped). Every turn is stored with store_memory as "Speaker (date): text" (entity = speaker, scope project, one
// project per conversation); every question of categories 1-4 is asked with retrieve_context in its project.
// Writes $BENCH_OUT/locomo.json (per-question rankings included) and locomo.md, and prints the latter.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDataDir, startServer, stop } from '../memory-server/src/test/e2e/lib/server.js';
import { connect } from '../memory-server/src/test/e2e/lib/mcp.js';

const here = dirname(fileURLToPath(import.meta.url));
const moduleDir = resolve(here, '../memory-server');
const out = resolve(process.env.BENCH_OUT ?? join(moduleDir, 'target/bench'));
const javaOptions = (process.env.BENCH_JAVA_OPTS ?? '-Xmx512m').split(' ').filter(Boolean);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 200);
const BOOTSTRAP = 2000;
const CATEGORIES = { 1: 'multi-hop', 2: 'temporal', 3: 'open-domain', 4: 'single-hop' };

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--') && args[args.indexOf(arg) - 1] !== '--conversations');
if (!file) throw new Error('usage: node locomo.mjs LOCOMO_JSON [--conversations 0-2]');
const selection = args.includes('--conversations') ? range(args[args.indexOf('--conversations') + 1]) : null;

function range(spec) {
  return spec.split(',').flatMap((part) => {
    const [from, to = from] = part.split('-').map(Number);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}
const round = (x, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Each conversation as the turns to store and the questions to ask. Evidence ids not among the turns are dropped. */
function load(path) {
  return JSON.parse(readFileSync(path, 'utf8')).map((sample, index) => ({ sample, index }))
    .filter(({ index }) => !selection || selection.includes(index))
    .map(({ sample, index }) => {
      const c = sample.conversation;
      const turns = [];
      for (let s = 1; c[`session_${s}`]; s++) {
        const date = c[`session_${s}_date_time`];
        for (const turn of c[`session_${s}`]) {
          turns.push({ id: turn.dia_id, session: s, speaker: turn.speaker, text: `${turn.speaker} (${date}): ${turn.text}` });
        }
      }
      const known = new Set(turns.map((t) => t.id));
      const questions = sample.qa.filter((qa) => CATEGORIES[qa.category])
        .map((qa) => ({ question: qa.question, category: qa.category, evidence: [...new Set(qa.evidence)].filter((id) => known.has(id)) }))
        .filter((qa) => qa.evidence.length);
      const sessionOf = new Map(turns.map((t) => [t.id, t.session]));
      return { index, project: `locomo-${sample.sample_id}`, turns, questions, sessionOf,
        askable: sample.qa.filter((qa) => CATEGORIES[qa.category]).length };
    });
}

async function tool(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name}: ${JSON.stringify(result.content)}`);
  return result.structuredContent;
}

/** One client per conversation, conversations in parallel, each conversation's turns in order (duplicates see earlier turns). */
async function storeAll(url, conversations) {
  const clients = await Promise.all(conversations.map(() => connect(url, { name: 'bench-locomo-store' })));
  await Promise.all(clients.map((client) => client.listTools()));
  const start = performance.now();
  await Promise.all(conversations.map(async (conversation, c) => {
    const client = clients[c];
    conversation.turnOf = new Map();
    conversation.swallowed = [];
    try {
      for (const turn of conversation.turns) {
        const result = await tool(client, 'store_memory', {
          text: turn.text, entity: turn.speaker, memory_type: 'episodic', scope: 'project', project: conversation.project,
        });
        if (result.duplicate) conversation.swallowed.push({ turn: turn.id, kept: conversation.turnOf.get(result.id), similarity: result.similarity });
        else conversation.turnOf.set(result.id, turn.id);
      }
    } finally {
      await client.close();
    }
  }));
  return (performance.now() - start) / 1000;
}

/** The server's top 10 for every question, as turn ids; the measured latencies come after WARM_UP unmeasured calls. */
async function askAll(url, conversations) {
  const client = await connect(url, { name: 'bench-locomo-retrieve' });
  await client.listTools();
  const ask = async (conversation, q) => (await tool(client, 'retrieve_context', {
    query: q.question, project: conversation.project, limit: 10, include_related: false,
  })).memories.map((m) => conversation.turnOf.get(m.id));
  try {
    const all = conversations.flatMap((conversation) => conversation.questions.map((q) => [conversation, q]));
    for (const [conversation, q] of all.slice(0, WARM_UP)) await ask(conversation, q);
    const ms = [];
    for (const [conversation, q] of all) {
      const start = performance.now();
      q.server = await ask(conversation, q);
      ms.push(performance.now() - start);
    }
    return ms;
  } finally {
    await client.close();
  }
}

function bm25(conversations) {
  mkdirSync(out, { recursive: true });
  const input = join(out, 'locomo-bm25-in.json');
  const output = join(out, 'locomo-bm25-out.json');
  writeFileSync(input, JSON.stringify(conversations.map((c) => ({ turns: c.turns.map(({ id, text }) => ({ id, text })), questions: c.questions.map((q) => q.question) }))));
  const cp = ['target/classes', 'target/test-classes', 'target/quarkus-app/lib/main/*'].map((p) => join(moduleDir, p)).join(':');
  const run = spawnSync('java', ['-cp', cp, 'dev.minmemory.server.bench.LocomoBm25', input, output], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`LocomoBm25 failed: ${run.stdout}\n${run.stderr}`);
  const rankings = JSON.parse(readFileSync(output, 'utf8'));
  conversations.forEach((c, i) => c.questions.forEach((q, j) => { q.bm25 = rankings[i][j]; }));
  rmSync(input);
  rmSync(output);
}

/** Per-question scores of one ranking (top 10 turn ids). */
function score(q, ranking, sessionOf) {
  const evidence = new Set(q.evidence);
  const found = (k) => ranking.slice(0, k).filter((id) => evidence.has(id)).length / evidence.size;
  const sessions = new Set(q.evidence.map((id) => sessionOf.get(id)));
  return {
    recall_at_5: found(5),
    recall_at_10: found(10),
    top_1: evidence.has(ranking[0]) ? 1 : 0,
    session_hit_at_10: ranking.slice(0, 10).some((id) => sessions.has(sessionOf.get(id))) ? 1 : 0,
  };
}
const MEASURES = ['recall_at_5', 'recall_at_10', 'top_1', 'session_hit_at_10'];

/** A seeded generator, so that a rerun on the same rankings gives the same intervals. */
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paired bootstrap over questions: the 95 % interval of mean(server - bm25). */
function bootstrap(differences) {
  const random = mulberry32(13);
  const means = [];
  for (let b = 0; b < BOOTSTRAP; b++) {
    let sum = 0;
    for (let i = 0; i < differences.length; i++) sum += differences[Math.floor(random() * differences.length)];
    means.push(sum / differences.length);
  }
  means.sort((a, b) => a - b);
  return [round(means[Math.floor(0.025 * BOOTSTRAP)]), round(means[Math.floor(0.975 * BOOTSTRAP) - 1])];
}

function summarise(rows) {
  const result = { questions: rows.length };
  for (const m of MEASURES) {
    const server = rows.map((r) => r.server[m]);
    const baseline = rows.map((r) => r.bm25[m]);
    result[m] = { server: round(mean(server)), bm25: round(mean(baseline)), difference: round(mean(server) - mean(baseline)),
      ci95: bootstrap(server.map((x, i) => x - baseline[i])) };
  }
  return result;
}

function percentiles(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)], 2);
  return { n: ms.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function markdown(result) {
  const lines = [`LoCoMo: ${result.conversations.length} conversations (${result.conversations.map((c) => c.index).join(', ')}), `
    + `${result.turns} turns stored (${result.duplicates.length} answered as duplicates), ${result.overall.questions} questions `
    + `of categories 1-4 (${result.skipped_questions} without usable evidence left out). BM25: Lucene 9.12.3 BM25Similarity `
    + '(k1 1.2, b 0.75), StandardAnalyzer without stop words. Differences are server minus BM25 with a paired bootstrap 95 % interval.', ''];
  lines.push('| questions | n | recall@5 server / BM25 (Δ, 95 % CI) | recall@10 | top-1 is evidence | session hit@10 |', '|---|---|---|---|---|---|');
  const cell = (x) => `${x.server} / ${x.bm25} (${x.difference >= 0 ? '+' : ''}${x.difference}, ${x.ci95[0]}…${x.ci95[1]})`;
  const row = (label, s) => lines.push(`| ${label} | ${s.questions} | ${MEASURES.map((m) => cell(s[m])).join(' | ')} |`);
  row('all', result.overall);
  for (const [category, name] of Object.entries(CATEGORIES)) row(`${category} ${name}`, result.by_category[category]);
  const l = result.retrieve_latency_ms;
  lines.push('', `retrieve_context latency (limit 10, one client, after ${result.warm_up} unmeasured calls): p50 ${l.p50} ms, `
    + `p95 ${l.p95} ms, p99 ${l.p99} ms over ${l.n} calls; ${result.store.per_s} stores/s with one client per conversation `
    + `(load ${result.load_1min.join(' → ')}).`, '');
  return lines.join('\n');
}

const conversations = load(file);
const loadBefore = round(loadavg()[0], 2);
const dataDir = freshDataDir('bench-locomo');
const server = await startServer({ dataDir, javaOptions });
let storeSeconds;
let latencies;
try {
  storeSeconds = await storeAll(server.url, conversations);
  latencies = await askAll(server.url, conversations);
} finally {
  await stop(server);
  rmSync(dataDir, { recursive: true, force: true });
}
bm25(conversations);

const rows = conversations.flatMap((c) => c.questions.map((q) => ({
  conversation: c.index, category: q.category, server: score(q, q.server, c.sessionOf), bm25: score(q, q.bm25, c.sessionOf),
})));
const turns = conversations.reduce((n, c) => n + c.turns.length, 0);
const result = {
  conversations: conversations.map((c) => ({ index: c.index, project: c.project, turns: c.turns.length, questions: c.questions.length })),
  turns,
  duplicates: conversations.flatMap((c) => c.swallowed.map((d) => ({ conversation: c.index, ...d }))),
  skipped_questions: conversations.reduce((n, c) => n + c.askable - c.questions.length, 0),
  overall: summarise(rows),
  by_category: Object.fromEntries(Object.keys(CATEGORIES).map((k) => [k, summarise(rows.filter((r) => r.category === Number(k)))])),
  by_conversation: Object.fromEntries(conversations.map((c) => [c.index, summarise(rows.filter((r) => r.conversation === c.index))])),
  retrieve_latency_ms: percentiles(latencies),
  warm_up: Math.min(WARM_UP, rows.length),
  store: { seconds: round(storeSeconds, 1), per_s: round(turns / storeSeconds, 1) },
  load_1min: [loadBefore, round(loadavg()[0], 2)],
  java_options: javaOptions.join(' '),
  server_jar_env: process.env.MEMORY_SERVER_JAR ?? null,
  questions: conversations.flatMap((c) => c.questions.map((q) => ({ conversation: c.index, category: q.category, evidence: q.evidence, server: q.server, bm25: q.bm25 }))),
};
writeFileSync(join(out, 'locomo.json'), JSON.stringify(result, null, 1));
const report = markdown(result);
writeFileSync(join(out, 'locomo.md'), report);
process.stdout.write(`${report}\n`);
