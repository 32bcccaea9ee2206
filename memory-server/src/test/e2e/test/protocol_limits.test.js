// What one client can make the server hold or do, on a server of its own with small limits and a small heap:
// a flood of initialize requests with large client information leaves the heap where it was, a user's sessions are
// capped (the least recently used one is closed), and a user's requests in progress are capped with a clear 429.
// The heap is measured after a full GC (jcmd GC.run), through the server's own jvm_memory_used_bytes metric.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { exchange } from '../lib/raw-http.js';
import { startServer, stop } from '../lib/server.js';

const VERSION = '2025-11-25';
const MAX_SESSIONS = 3;
const MAX_IN_FLIGHT = 2;
const HEAP_MB = 256;

const headers = (sessionId) => ({
  'Content-Type': 'application/json',
  Accept: 'application/json, text/event-stream',
  ...(sessionId ? { 'Mcp-Session-Id': sessionId, 'MCP-Protocol-Version': VERSION } : {}),
});

const initialize = (clientInfo, capabilities = {}) => JSON.stringify({
  jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: VERSION, capabilities, clientInfo },
});

describe('protocol limits', () => {
  let server;
  before(async () => {
    server = await startServer({
      env: {
        MEMORY_HTTP_LIMITS_MAX_SESSIONS_PER_USER: String(MAX_SESSIONS),
        MEMORY_HTTP_LIMITS_MAX_IN_FLIGHT_PER_USER: String(MAX_IN_FLIGHT),
      },
      javaOptions: [`-Xmx${HEAP_MB}m`],
    });
  });
  after(async () => { await stop(server); });

  const post = (body, sessionId, timeoutMs = 5_000) => exchange(server.url, { headers: headers(sessionId), body, timeoutMs });

  async function openSession(name = 'limits') {
    const answer = await post(initialize({ name, version: '1' }));
    assert.equal(answer.status, 200, answer.body);
    const sessionId = answer.headers['mcp-session-id'];
    assert.equal((await post(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }), sessionId)).status, 202);
    return sessionId;
  }

  const ping = (sessionId, id = 1) => post(JSON.stringify({ jsonrpc: '2.0', id, method: 'ping' }), sessionId);

  async function heapAfterGcMb() {
    execFileSync('jcmd', [String(server.proc.pid), 'GC.run'], { stdio: 'ignore' });
    const metrics = await (await fetch(`${server.managementUrl}/metrics`)).text();
    const bytes = metrics.split('\n').filter((l) => l.startsWith('jvm_memory_used_bytes{') && l.includes('area="heap"'))
      .reduce((sum, l) => sum + Number(l.trim().split(/\s+/).at(-1)), 0);
    assert.ok(bytes > 0, 'jvm_memory_used_bytes for the heap is exported');
    return bytes / 2 ** 20;
  }

  test('a flood of initialize requests with large client information leaves the heap where it was', async (t) => {
    await openSession('warm-up');
    const baseline = await heapAfterGcMb();
    // 60 × 900 KB names: under the 1 MiB body limit, so only the initialize bounds stand in their way.
    const huge = 'n'.repeat(900 * 1024);
    const oversized = [];
    for (let i = 0; i < 60; i += 4) {
      oversized.push(...await Promise.all([0, 1, 2, 3].map(() => post(initialize({ name: huge, version: '1' })))));
    }
    // 200 sessions at the size limits, all from the one local user: only the last MAX_SESSIONS stay open.
    const atLimit = { name: 'n'.repeat(256), version: 'v'.repeat(256), description: 'd'.repeat(3000) };
    const allowed = [];
    for (let i = 0; i < 200; i += 4) {
      allowed.push(...await Promise.all([0, 1, 2, 3].map(() => post(initialize(atLimit, { experimental: { blob: 'c'.repeat(3900) } })))));
    }
    const grown = (await heapAfterGcMb()) - baseline;
    t.diagnostic(`heap after GC: ${baseline.toFixed(1)} MB before the flood, +${grown.toFixed(1)} MB after it`);
    assert.ok(grown < 16, `the heap grew by ${grown.toFixed(1)} MB after the flood (baseline ${baseline.toFixed(1)} MB)`);
    for (const answer of oversized) {
      assert.equal(answer.status, 400, answer.body.slice(0, 200));
      assert.equal(answer.json?.error?.code, -32602);
    }
    for (const answer of allowed) assert.equal(answer.status, 200, answer.body.slice(0, 200));
  });

  test("opening one session more than a user may hold closes that user's least recently used session", async () => {
    const [first, second, third] = [await openSession(), await openSession(), await openSession()];
    assert.equal((await ping(first)).status, 200, 'using the first session makes the second the least recently used');
    const fourth = await openSession();
    const closed = await ping(second);
    assert.equal(closed.status, 404, closed.body);
    assert.equal(closed.json?.error?.code, -32001);
    for (const open of [first, third, fourth]) assert.equal((await ping(open)).status, 200);
  });

  test('requests beyond the in-flight limit of a user get 429 and a JSON-RPC error saying to wait; the others are served', async () => {
    const sessionId = await openSession();
    const retrieve = (i) => post(JSON.stringify({
      jsonrpc: '2.0', id: i, method: 'tools/call',
      params: { name: 'retrieve_context', arguments: { query: `${'what did we decide about the deployment pipeline and its rollback plan '.repeat(30)} ${i}` } },
    }), sessionId, 30_000);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => retrieve(i)));
    const refused = answers.filter((a) => a.status === 429);
    const served = answers.filter((a) => a.status === 200);
    assert.equal(refused.length + served.length, answers.length, answers.map((a) => `${a.status} ${a.body.slice(0, 120)}`).join('\n'));
    assert.ok(refused.length >= 1, 'some requests were over the limit');
    assert.ok(served.length >= MAX_IN_FLIGHT, `${served.length} served`);
    for (const answer of refused) {
      assert.equal(answer.json?.error?.code, -32000);
      assert.match(answer.json.error.message, /at most 2 at a time/);
      assert.equal(answer.headers['retry-after'], '1');
    }
    // Every finished request gave its place back.
    const again = await Promise.all([retrieve(100), retrieve(101)]);
    assert.deepEqual(again.map((a) => a.status), [200, 200]);
  });
});
