// retrieve_context: ranking by meaning and by exact identifiers (hybrid dense + BM25), filters, limits, related
// memories, and argument errors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sentences } from '../lib/corpus.js';
import { call, callError, connect } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

describe('retrieve_context', () => {
  let client;
  const project = unique('retrieve');
  const ids = {};

  const store = async (key, args) => {
    const result = await call(client, 'store_memory', { memory_type: 'project_context', scope: 'project', project, ...args });
    assert.equal(result.stored, true, `${key} should be stored: ${JSON.stringify(result)}`);
    ids[key] = result.id;
    return result.id;
  };

  before(async () => {
    client = await connect((await sharedServer()).url);
    // Background: many unrelated memories, some about quotas and errors in general.
    for (const [i, text] of sentences(30, { seed: 7, marker: project }).entries()) {
      await store(`noise${i}`, { text, entity: `team-${i % 6}`, memory_type: i % 2 ? 'episodic' : 'project_context' });
    }
    await store('quotaGeneric1', { text: 'When the storage quota is exceeded, uploads fail and the user sees a generic error.', entity: 'storage' });
    await store('quotaGeneric2', { text: 'API errors are returned with a machine-readable code and a human message.', entity: 'api' });
    await store('quotaGeneric3', { text: 'Rate limits and quota errors should be retried with exponential backoff.', entity: 'api' });
    await store('exactCode', { text: 'ERR_QUOTA_7731 is raised by the ledger when a tenant books more than its monthly allowance.', entity: 'ledger' });
    await store('postgres', { text: 'Our primary database is PostgreSQL 16 running on a managed cloud instance with point-in-time recovery.', entity: 'postgres' });
    await store('frontend', { text: 'The web frontend is written in TypeScript with React and built with Vite.', entity: 'frontend', status: 'active' });
    await store('obsolete', { text: 'The web frontend used to be built with webpack and Babel.', entity: 'frontend', status: 'obsolete' });
    await store('preference', { text: `The user ${project} wants answers in British English with short paragraphs.`, entity: 'user', memory_type: 'core_identity' });
  });
  after(() => client?.close());

  const retrieve = (args) => call(client, 'retrieve_context', { project, ...args });

  test('an exact identifier stored in one memory among many comes first', async () => {
    const { memories } = await retrieve({ query: 'ERR_QUOTA_7731' });
    assert.equal(memories[0]?.id, ids.exactCode, `first: ${memories[0]?.text}`);
  });

  test('an exact identifier inside a question still ranks its memory first', async () => {
    const { memories } = await retrieve({ query: 'what does ERR_QUOTA_7731 mean?' });
    assert.equal(memories[0]?.id, ids.exactCode, `first: ${memories[0]?.text}`);
  });

  test('a paraphrase with no shared keywords finds the memory by meaning', async () => {
    const { memories } = await retrieve({ query: 'which relational DB engine and version do we run in production?' });
    assert.equal(memories[0]?.id, ids.postgres, `first: ${memories[0]?.text}`);
  });

  test('returns every documented field on each memory', async () => {
    const { memories, count } = await retrieve({ query: 'PostgreSQL database', limit: 3 });
    assert.equal(count, memories.length);
    const memory = memories.find((m) => m.id === ids.postgres);
    assert.ok(memory, 'the postgres memory is among the results');
    for (const field of ['id', 'text', 'memory_type', 'scope', 'entity', 'project', 'tags', 'status', 'created_at', 'updated_at', 'score', 'similarity', 'related']) {
      assert.ok(field in memory, `field ${field} is missing: ${JSON.stringify(memory)}`);
    }
    assert.equal(memory.memory_type, 'project_context');
    assert.equal(memory.scope, 'project');
    assert.equal(memory.project, project);
    assert.ok(!Number.isNaN(Date.parse(memory.created_at)));
    assert.ok(memory.similarity > 0 && memory.similarity <= 1);
  });

  test('scores are in descending order', async () => {
    const { memories } = await retrieve({ query: 'quota errors', limit: 20 });
    for (let i = 1; i < memories.length; i++) {
      assert.ok(memories[i - 1].score >= memories[i].score, `score ${memories[i - 1].score} before ${memories[i].score}`);
    }
  });

  test('limit caps the number of memories and count matches', async () => {
    for (const limit of [1, 5, 30]) {
      const { memories, count } = await retrieve({ query: 'who changed which system and why', limit });
      assert.equal(memories.length, limit, `limit ${limit}`);
      assert.equal(count, limit);
    }
  });

  test('returns 10 memories by default', async () => {
    const { memories } = await retrieve({ query: 'who changed which system and why' });
    assert.equal(memories.length, 10);
  });

  test('memory_type filters to the listed types', async () => {
    const { memories } = await retrieve({ query: 'preferences and language', memory_type: ['core_identity'], limit: 50 });
    assert.ok(memories.length > 0);
    assert.ok(memories.every((m) => m.memory_type === 'core_identity'), JSON.stringify(memories.map((m) => m.memory_type)));
    assert.ok(memories.some((m) => m.id === ids.preference));
    const two = await retrieve({ query: 'anything that happened', memory_type: ['episodic', 'core_identity'], limit: 100 });
    assert.deepEqual([...new Set(two.memories.map((m) => m.memory_type))].sort(), ['core_identity', 'episodic']);
  });

  test('status filters to memories with that status', async () => {
    const obsolete = await retrieve({ query: 'how is the web frontend built', status: 'obsolete' });
    assert.deepEqual(obsolete.memories.map((m) => m.id), [ids.obsolete]);
    const active = await retrieve({ query: 'how is the web frontend built', status: 'active', limit: 100 });
    assert.ok(active.memories.some((m) => m.id === ids.frontend));
    assert.ok(!active.memories.some((m) => m.id === ids.obsolete));
  });

  test('score_threshold leaves out memories whose similarity is below it', async () => {
    const all = await retrieve({ query: 'PostgreSQL database recovery', limit: 100 });
    const threshold = (all.memories[0].similarity + all.memories.at(-1).similarity) / 2;
    const some = await retrieve({ query: 'PostgreSQL database recovery', limit: 100, score_threshold: threshold });
    assert.ok(some.memories.length > 0 && some.memories.length < all.memories.length);
    assert.ok(some.memories.every((m) => m.similarity >= threshold - 1e-4), `threshold ${threshold}`);
    const none = await retrieve({ query: 'PostgreSQL database recovery', score_threshold: 1 });
    assert.ok(none.memories.every((m) => m.similarity >= 0.9999));
  });

  test('recency_weight 1 ranks the newest memory first', async () => {
    const { memories } = await retrieve({ query: 'who changed which system and why', recency_weight: 1, limit: 100 });
    const newest = memories.map((m) => m.created_at).sort().at(-1);
    assert.equal(memories[0].created_at, newest);
  });

  test('linked memories are inlined by default and left out with include_related false', async () => {
    await call(client, 'link_memories', { memory_id: ids.quotaGeneric3, related_id: ids.exactCode, relation_type: 'example_of' });
    const withRelated = await retrieve({ query: 'ERR_QUOTA_7731', limit: 1 });
    assert.deepEqual(withRelated.memories[0].related.map(({ id, relation, direction }) => ({ id, relation, direction })),
      [{ id: ids.quotaGeneric3, relation: 'example_of', direction: 'incoming' }]);
    assert.equal(withRelated.memories[0].related[0].text, 'Rate limits and quota errors should be retried with exponential backoff.');
    const without = await retrieve({ query: 'ERR_QUOTA_7731', limit: 1, include_related: false });
    assert.deepEqual(without.memories[0].related ?? [], []);
  });

  test('a query that matches nothing in an empty project scope returns no memories', async () => {
    const { memories, count } = await call(client, 'retrieve_context', { query: 'anything', scope: 'project', project: unique('empty') });
    assert.deepEqual(memories, []);
    assert.equal(count, 0);
  });

  test('a superseded memory is left out unless include_superseded, and then says what supersedes it', async () => {
    const old = await store('ciOld', { text: `The ${project} pipeline deploys with Jenkins.`, entity: 'ci' });
    const current = await store('ciNew', { text: `The ${project} pipeline deploys with GitHub Actions.`, entity: 'ci',
      relation_types: { [old]: 'supersedes' } });
    const query = `how does the ${project} pipeline deploy`;
    const { memories } = await retrieve({ query, limit: 50 });
    assert.ok(memories.some((m) => m.id === current), 'the superseding memory is found');
    assert.ok(!memories.some((m) => m.id === old), 'the superseded memory is left out');
    const all = await retrieve({ query, limit: 50, include_superseded: true });
    assert.equal(all.memories.find((m) => m.id === old)?.superseded_by, current);
    await call(client, 'delete_memory', { memory_id: current });
    const back = await retrieve({ query, limit: 50 });
    const restored = back.memories.find((m) => m.id === old);
    assert.ok(restored && restored.superseded_by === undefined, 'deleting the superseding memory brings it back');
  });

  test('created_after and created_before bound the creation time', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    assert.equal((await retrieve({ query: 'ERR_QUOTA_7731', created_after: future })).count, 0);
    assert.equal((await retrieve({ query: 'ERR_QUOTA_7731', created_before: future.slice(0, 10), limit: 1 }))
      .memories[0]?.id, ids.exactCode);
    await callError(client, 'retrieve_context', { query: 'q', created_after: future, created_before: '2020-01-01' },
      'created_after');
  });

  describe('argument errors', () => {
    const cases = [
      ['limit 0', { query: 'q', limit: 0 }, 'limit'],
      ['limit 1000', { query: 'q', limit: 1000 }, 'limit'],
      ['limit as a string', { query: 'q', limit: 'ten' }, 'limit'],
      ['score_threshold 1.5', { query: 'q', score_threshold: 1.5 }, 'score_threshold'],
      ['score_threshold -0.1', { query: 'q', score_threshold: -0.1 }, 'score_threshold'],
      ['recency_weight 2', { query: 'q', recency_weight: 2 }, 'recency_weight'],
      ['recency_weight -1', { query: 'q', recency_weight: -1 }, 'recency_weight'],
      ['an unknown memory_type', { query: 'q', memory_type: ['fact'] }, 'memory_type'],
      ['memory_type as a string', { query: 'q', memory_type: 'episodic' }, 'memory_type'],
      ['an unknown scope', { query: 'q', scope: 'galaxy' }, 'scope'],
      ['include_related as a string', { query: 'q', include_related: 'yes' }, 'include_related'],
      ['include_superseded as a string', { query: 'q', include_superseded: 'yes' }, 'include_superseded'],
      ['a created_after that is no date', { query: 'q', created_after: 'last week' }, 'created_after'],
      ['a created_before that is no date', { query: 'q', created_before: '2026-13-01' }, 'created_before'],
      ['no query', { limit: 5 }, 'query'],
      ['an empty query', { query: '' }, 'query'],
    ];
    for (const [label, args, argument] of cases) {
      test(`${label} is a tool error naming ${argument}`, async () => {
        await callError(client, 'retrieve_context', args, argument);
      });
    }
  });
});
