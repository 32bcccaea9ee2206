// The data directory: acknowledged writes survive kill -9, and a second process on the same directory fails at once.
// These tests start their own servers (not the shared one).
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sentences } from '../lib/corpus.js';
import { call, callError, connect } from '../lib/mcp.js';
import { freePorts, freshDataDir, kill, spawnServer, startServer, stop } from '../lib/server.js';

const N = 40;

describe('persistence of the embedded store', () => {
  const dataDir = freshDataDir('crash');
  const started = [];
  let restarted;
  after(() => Promise.all(started.map(kill)));

  test(`${N} acknowledged writes survive kill -9 right after the last acknowledgement`, async () => {
    const first = await startServer({ dataDir });
    started.push(first);
    const texts = sentences(N, { seed: 53, marker: 'crash' });
    const client = await connect(first.url);
    const ids = [];
    for (const text of texts) {
      const result = await call(client, 'store_memory', { text, memory_type: 'episodic', scope: 'project', entity: 'crash', project: 'crash-test' });
      assert.equal(result.stored, true);
      ids.push(result.id);
    }
    const linked = await call(client, 'link_memories', { memory_id: ids[0], related_id: ids[1], relation_type: 'refines' });
    assert.equal(linked.relation_type, 'refines');
    const deleted = await call(client, 'delete_memory', { memory_id: ids[2] });
    assert.equal(deleted.deleted, true);
    // No graceful shutdown, no client close: SIGKILL right after the last acknowledged write.
    const { signal } = await kill(first);
    assert.equal(signal, 'SIGKILL');
    await client.close().catch(() => {});

    restarted = await startServer({ dataDir });
    started.push(restarted);
    const after = await connect(restarted.url);
    try {
      for (const [i, id] of ids.entries()) {
        if (i === 2) continue;
        assert.equal((await call(after, 'fetch', { id })).text, texts[i], `memory ${i} after the crash`);
      }
      const link = (await call(after, 'fetch', { id: ids[0] })).related;
      assert.deepEqual(link.map((r) => [r.id, r.relation, r.direction]), [[ids[1], 'refines', 'outgoing']]);
      await callError(after, 'fetch', { id: ids[2] }, /No memory with id/);
      const { memories } = await call(after, 'retrieve_context', { query: texts[N - 1], project: 'crash-test', limit: 1 });
      assert.equal(memories[0]?.id, ids[N - 1], 'the last write is searchable after the crash');
    } finally {
      await after.close();
    }
  });

  test('a second server on the same data directory fails at once, saying the directory is in use', async (t) => {
    if (!restarted?.running) return t.skip('needs the restarted server of the crash test');
    const [port, managementPort] = await freePorts(2);
    const second = spawnServer({ dataDir, port, managementPort });
    started.push(second);
    const timer = setTimeout(() => kill(second), 90_000);
    const { code, signal } = await second.exited;
    clearTimeout(timer);
    assert.equal(signal, null, 'the second process did not exit by itself within 90 s');
    assert.notEqual(code, 0, 'the second process must exit with a non-zero code');
    const output = second.output();
    assert.match(output, /in use|locked|already/i, `no in-use message:\n${output.slice(-3000)}`);
    assert.ok(output.includes(dataDir) || /data dir|MCP_DATA_DIR/i.test(output), `the message names the directory:\n${output.slice(-3000)}`);
    // The first server is unaffected.
    const client = await connect(restarted.url);
    assert.equal((await call(client, 'get_context_info', {})).user, 'local');
    await client.close();
  });

  test('SIGTERM shuts the server down gracefully', async (t) => {
    if (!restarted?.running) return t.skip('needs the restarted server of the crash test');
    const { code, signal } = await stop(restarted);
    // The JVM exits with 128 + 15 after running its shutdown hooks on SIGTERM.
    assert.ok((code === 0 || code === 143) && signal === null, `exit code ${code}, signal ${signal}`);
    assert.match(restarted.output(), /stopped in/, 'Quarkus logs its orderly shutdown');
  });
});


describe('the embedding a store was made with', () => {
  const started = [];
  after(() => Promise.all(started.map(kill)));

  test('a store of bare-text vectors is served after a restart without MEMORY_EMBEDDING_SCHEME, and keeps its scheme', async () => {
    const dataDir = freshDataDir('bare-text');
    const first = await startServer({ dataDir, env: { MEMORY_EMBEDDING_SCHEME: 'text' } });
    started.push(first);
    let client = await connect(first.url);
    const { id } = await call(client, 'store_memory', { text: 'The nightly export runs at 02:00 UTC', memory_type: 'project_context', scope: 'global', entity: 'ops' });
    await client.close();
    await stop(first);

    const second = await startServer({ dataDir });
    started.push(second);
    client = await connect(second.url);
    try {
      const { memories } = await call(client, 'retrieve_context', { query: 'When does the nightly export run?', limit: 1 });
      assert.equal(memories[0]?.id, id);
      assert.match(second.output(), /scheme text/, 'the store keeps the scheme it records');
    } finally {
      await client.close();
    }
  });

  test('a store made with e5 is served with e5 after a restart without MEMORY_EMBEDDING_MODEL', async () => {
    const dataDir = freshDataDir('e5-store');
    const first = await startServer({ dataDir, env: { MEMORY_EMBEDDING_MODEL: 'e5-small-v2-q' } });
    started.push(first);
    await stop(first);

    const second = await startServer({ dataDir });
    started.push(second);
    assert.match(second.output(), /Loading embedding model e5-small-v2-q/);
    const client = await connect(second.url);
    try {
      const { id } = await call(client, 'store_memory', { text: 'Deploys freeze on Fridays', memory_type: 'project_context', scope: 'global', entity: 'ops' });
      const { memories } = await call(client, 'retrieve_context', { query: 'Can we deploy on a Friday?', limit: 1 });
      assert.equal(memories[0]?.id, id);
    } finally {
      await client.close();
    }
  });
});
