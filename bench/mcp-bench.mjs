// Benchmarks 2 and 5: the built memory server over MCP Streamable HTTP with the real SDK client, and the reference
// peer @modelcontextprotocol/server-memory over stdio on the same workload. Reuses the e2e suite's helpers to start
// the jar and connect the client. Writes $BENCH_OUT/mcp.json and $BENCH_OUT/peer.json.
//
//   node mcp-bench.mjs                 everything (needs the corpus files CorpusFile wrote into $BENCH_OUT)
//   node mcp-bench.mjs --only peer     one part: sizes | peer
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { freePorts, freshDataDir, modelCacheDir, serverJar, sleep, spawnServer, stop } from '../memory-server/src/test/e2e/lib/server.js';
import { connect } from '../memory-server/src/test/e2e/lib/mcp.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.env.BENCH_OUT ?? join(here, '../memory-server/target/bench'));
const javaOptions = (process.env.BENCH_JAVA_OPTS ?? '-Xmx512m').split(' ').filter(Boolean);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const PEER_N = Number(process.env.BENCH_PEER_N ?? 1000);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 600);
const STORE_WARM_UP = Number(process.env.BENCH_STORE_WARM_UP ?? 1600);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;

const jsonl = (file) => readFileSync(join(out, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const questions = jsonl('questions.jsonl');
const newMemories = jsonl('new-memories.jsonl');
const labelled = jsonl('labelled.jsonl');
let nextNew = 0;
const takeNew = (n) => {
  if (nextNew + n > newMemories.length) throw new Error('not enough new memories in new-memories.jsonl');
  nextNew += n;
  return newMemories.slice(nextNew - n, nextNew);
};

const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const load = () => round(loadavg()[0], 2);
function percentiles(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: ms.length, p50: round(at(0.5), 2), p95: round(at(0.95), 2), p99: round(at(0.99), 2), max: round(sorted.at(-1), 2) };
}
/** Median and range of one field over repeats. */
function spread(runs, pick) {
  const values = runs.map(pick).sort((a, b) => a - b);
  return { median: values[Math.floor(values.length / 2)], min: values[0], max: values.at(-1) };
}
/**
 * A tool call as an MCP client application makes it: the SDK's callTool, which also checks structuredContent against
 * the tool's output schema (listed on connect). Unlike the e2e suite's `call`, it does not compare the text mirror
 * with structuredContent, which is a test's work, not a client's.
 */
async function tool(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name}: ${JSON.stringify(result.content)}`);
  return result.structuredContent;
}
async function connectClient(url, name) {
  const client = await connect(url, { name });
  await client.listTools();
  return client;
}
async function timed(fn) {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}
/** Resident set of a process from /proc: current and peak (VmHWM), in MB. */
function rss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))[1]);
  return { rss_mb: round(kb('VmRSS') / 1024), peak_rss_mb: round(kb('VmHWM') / 1024) };
}

/** `java -jar … import --in FILE` into a data directory: the fast way to load a corpus (vectors included). */
function importCorpus(dataDir, file) {
  const start = performance.now();
  const result = spawnSync('java', [...javaOptions, '-jar', serverJar, 'import', '--in', file], {
    env: { ...process.env, MCP_DATA_DIR: dataDir, MEMORY_EMBEDDING_CACHE_DIR: modelCacheDir }, encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`import failed: ${result.stdout}\n${result.stderr}`);
  return round((performance.now() - start) / 1000, 1);
}

/** Starts the jar and measures the time from spawn to /q/health/ready UP (polled every 25 ms). */
async function startTimed(dataDir) {
  const start = performance.now();
  const [port, managementPort] = await freePorts(2);
  const server = spawnServer({ dataDir, port, managementPort, javaOptions });
  for (;;) {
    if (!server.running) throw new Error(`server exited before ready:\n${server.output()}`);
    try {
      const response = await fetch(`${server.managementUrl}/health/ready`);
      if (response.status === 200) break;
    } catch { /* not listening yet */ }
    await sleep(25);
  }
  server.startupMs = round(performance.now() - start, 0);
  return server;
}

/** `repeats` runs of QUERIES retrieve_context calls, after `warmUp` unmeasured ones, on the questions from `from` on. */
async function retrieveLatency(url, label, { repeats = REPEATS, warmUp = WARM_UP, from = 0 } = {}) {
  const client = await connectClient(url, 'bench-retrieve');
  try {
    // Warm-up: a server that has run for a while has its search and serialisation paths compiled by the JIT; before
    // that, the first few hundred queries take up to twice as long.
    for (const q of questions.slice(from, from + warmUp)) await tool(client, 'retrieve_context', { ...q, limit: 10 });
    const runs = [];
    for (let r = 0; r < repeats; r++) {
      const ms = [];
      const first = from + warmUp + r * QUERIES;
      const batch = questions.slice(first, first + QUERIES);
      if (batch.length < QUERIES) throw new Error('not enough questions in questions.jsonl');
      const loadBefore = load();
      for (const q of batch) ms.push((await timed(() => tool(client, 'retrieve_context', { ...q, limit: 10 })))[0]);
      runs.push({ ...percentiles(ms), load_1min: [loadBefore, load()] });
      process.stdout.write(`# retrieve_context ${label} run ${r + 1}: ${JSON.stringify(runs.at(-1))}\n`);
    }
    return { runs, p50: spread(runs, (x) => x.p50), p95: spread(runs, (x) => x.p95), p99: spread(runs, (x) => x.p99) };
  } finally {
    await client.close();
  }
}

async function storeThroughput(url, clientCount, perClient, label) {
  const clients = await Promise.all(Array.from({ length: clientCount }, () => connectClient(url, 'bench-store')));
  try {
    const runs = [];
    for (let r = 0; r < REPEATS; r++) {
      const work = clients.map(() => takeNew(perClient));
      const ms = [];
      const loadBefore = load();
      const [elapsed] = await timed(() => Promise.all(clients.map(async (client, c) => {
        for (const args of work[c]) ms.push((await timed(() => tool(client, 'store_memory', args)))[0]);
      })));
      runs.push({ per_s: round((clientCount * perClient) / (elapsed / 1000), 1), latency_ms: percentiles(ms), load_1min: [loadBefore, load()] });
      process.stdout.write(`# store_memory ${label}, ${clientCount} clients, run ${r + 1}: ${JSON.stringify(runs.at(-1))}\n`);
    }
    return { clients: clientCount, runs, per_s: spread(runs, (x) => x.per_s) };
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}

/**
 * STORE_WARM_UP unmeasured stores by 8 clients. For the first minute or so after start-up the JIT compilers take up to
 * a quarter of this machine's two cores; what a long-running server delivers is measured after them.
 */
async function warmUpStores(url) {
  const clients = await Promise.all(Array.from({ length: 8 }, () => connectClient(url, 'bench-warm-up')));
  try {
    const work = clients.map(() => takeNew(Math.ceil(STORE_WARM_UP / 8)));
    await Promise.all(clients.map(async (client, c) => { for (const args of work[c]) await tool(client, 'store_memory', args); }));
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}

/** One store size: import, start (timed), retrieve latency, store warm-up, store throughput with 1 and 8 clients, RSS. */
async function atSize(size) {
  const corpus = join(out, `corpus-${size / 1000}k.jsonl`);
  if (!existsSync(corpus)) throw new Error(`${corpus} is missing: run bench/run.sh, which writes it`);
  // The 100k store is left in $BENCH_OUT/data-100k for the recall benchmark (bench/run.sh removes it).
  const dataDir = join(out, `data-${size / 1000}k`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const importSeconds = importCorpus(dataDir, corpus);
  process.stdout.write(`# ${size} memories imported in ${importSeconds} s\n`);
  const server = await startTimed(dataDir);
  try {
    const afterStart = rss(server.proc.pid);
    const result = { memories: size, import_s: importSeconds, startup_ms: server.startupMs, rss_after_start: afterStart };
    result.retrieve_context = await retrieveLatency(server.url, `${size / 1000}k`);
    await warmUpStores(server.url);
    result.store_memory_1_client = await storeThroughput(server.url, 1, 60, `${size / 1000}k`);
    result.store_memory_8_clients = await storeThroughput(server.url, 8, 25, `${size / 1000}k`);
    // The stores left new small index segments beside the compacted one; other questions than before.
    result.retrieve_context_after_stores = await retrieveLatency(server.url, `${size / 1000}k after the stores`,
      { repeats: 1, warmUp: 0, from: WARM_UP + REPEATS * QUERIES });
    result.rss_end = rss(server.proc.pid);
    result.log = server.logFile;
    return result;
  } finally {
    await stop(server);
    if (size !== 100_000) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Three start-ups on an empty data directory (the model cache already extracted); the median counts. */
async function emptyStartup() {
  const times = [];
  for (let r = 0; r < 3; r++) {
    const dataDir = freshDataDir('bench-empty');
    const server = await startTimed(dataDir);
    times.push(server.startupMs);
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { runs_ms: times, median_ms: [...times].sort((a, b) => a - b)[1] };
}

// ---- the peer ---------------------------------------------------------------------------------------------------

/** The same N memories and queries through a tool adapter: min-memory or server-memory. */
async function workload(adapter) {
  const corpus = jsonl('corpus-10k.jsonl').slice(0, PEER_N).map((line) => line.memory);
  const facts = labelled.map((item) => ({ text: item.fact, entity: item.entity, memory_type: 'project_context', scope: 'global' }));
  const memories = [...corpus.map((m) => ({ text: m.text, entity: m.entity, memory_type: m.memory_type, scope: m.scope, project: m.project ?? undefined, task_id: m.task_id ?? undefined })), ...facts];
  const storeMs = [];
  const [storeElapsed] = await timed(async () => {
    for (const m of memories) storeMs.push((await timed(() => adapter.store(m)))[0]);
  });
  const queryMs = [];
  let nonEmpty = 0;
  for (const q of questions.slice(0, 200)) {
    const [ms, texts] = await timed(() => adapter.query(q.query));
    queryMs.push(ms);
    if (texts.length) nonEmpty++;
  }
  const quality = {};
  for (const kind of ['PARAPHRASE', 'IDENTIFIER']) {
    const items = labelled.filter((item) => item.kind === kind);
    let at1 = 0;
    let at5 = 0;
    for (const item of items) {
      const texts = await adapter.query(item.question);
      if (texts[0]?.includes(item.fact)) at1++;
      if (texts.slice(0, 5).some((t) => t.includes(item.fact))) at5++;
    }
    quality[kind.toLowerCase()] = { hit_at_1: round(at1 / items.length, 3), hit_at_5: round(at5 / items.length, 3) };
  }
  return {
    memories: memories.length,
    store: { per_s: round(memories.length / (storeElapsed / 1000), 1), latency_ms: percentiles(storeMs) },
    query: { latency_ms: percentiles(queryMs), answered_with_results: round(nonEmpty / 200, 3) },
    quality,
  };
}

async function minMemoryOnPeerWorkload() {
  const dataDir = freshDataDir('bench-peer-workload');
  const server = await startTimed(dataDir);
  const client = await connectClient(server.url, 'bench-peer-workload');
  try {
    const result = await workload({
      store: (m) => tool(client, 'store_memory', m),
      query: async (query) => (await tool(client, 'retrieve_context', { query, limit: 5 })).memories.map((m) => m.text),
    });
    return { ...result, peak_rss_mb: rss(server.proc.pid).peak_rss_mb };
  } finally {
    await client.close();
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** server-memory keeps a knowledge graph: a memory becomes an observation of its entity (created on first use). */
async function peerOnPeerWorkload() {
  const dir = freshDataDir('bench-peer');
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(here, 'node_modules/@modelcontextprotocol/server-memory/dist/index.js')],
    env: { ...process.env, MEMORY_FILE_PATH: join(dir, 'memory.jsonl') },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench-peer', version: '1.0.0' }, { capabilities: {} });
  await client.connect(transport);
  const entities = new Set();
  const tool = async (name, args) => {
    const result = await client.callTool({ name, arguments: args });
    if (result.isError) throw new Error(`${name}: ${JSON.stringify(result.content)}`);
    return result.structuredContent;
  };
  try {
    const result = await workload({
      store: async (m) => {
        if (entities.has(m.entity)) return tool('add_observations', { observations: [{ entityName: m.entity, contents: [m.text] }] });
        entities.add(m.entity);
        return tool('create_entities', { entities: [{ name: m.entity, entityType: m.memory_type, observations: [m.text] }] });
      },
      // Its search is a case-insensitive substring match of the whole query on names, types and observations; each
      // hit is an entity with all its observations: those count as its results, in order.
      query: async (query) => (await tool('search_nodes', { query })).entities.flatMap((e) => e.observations),
    });
    return { ...result, peak_rss_mb: rss(transport.pid).peak_rss_mb };
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- main -------------------------------------------------------------------------------------------------------

mkdirSync(out, { recursive: true });
const write = (name, value) => {
  writeFileSync(join(out, `${name}.json`), JSON.stringify(value, null, 2));
  process.stdout.write(`${name}: ${JSON.stringify(value)}\n`);
};
const environment = () => ({ java_options: javaOptions.join(' '), repeats: REPEATS, load_1min: load() });

if (!only || only === 'sizes') {
  const mcp = { ...environment(), startup_empty: await emptyStartup() };
  for (const size of (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number)) {
    mcp[`at_${size / 1000}k`] = await atSize(size);
  }
  write('mcp', mcp);
}
if (!only || only === 'peer') {
  const peer = { ...environment(), n: PEER_N, peer: await peerOnPeerWorkload(), min_memory: await minMemoryOnPeerWorkload() };
  peer.ratio_min_memory_over_peer = {
    store_per_s: round(peer.min_memory.store.per_s / peer.peer.store.per_s, 2),
    query_p50: round(peer.min_memory.query.latency_ms.p50 / peer.peer.query.latency_ms.p50, 2),
  };
  write('peer', peer);
}
