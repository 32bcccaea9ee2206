// link_memories: a typed relation between two existing memories, visible from both ends.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, callError, connect } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

describe('link_memories', () => {
  let client;
  const project = unique('links');
  let counter = 0;
  const topics = ['load balancer timeouts', 'the Kafka retention period', 'the nightly backup window', 'TLS certificate renewal',
    'the Redis eviction policy', 'log sampling in production', 'the DNS TTL for the API', 'container memory limits',
    'the feature freeze before releases', 'the code owners file'];
  const memory = async () => {
    const topic = topics[counter++ % topics.length];
    const { id } = await call(client, 'store_memory', {
      text: `Decision ${counter} about ${topic}: it was agreed in the architecture review ${counter}.`,
      memory_type: 'project_context', scope: 'project', entity: `decision-${counter}`, project,
    });
    return id;
  };
  const edges = (memoryView) => memoryView.related.map(({ id, relation, direction }) => ({ id, relation, direction }));

  before(async () => { client = await connect((await sharedServer()).url); });
  after(() => client?.close());

  test('links two memories and echoes the relation', async () => {
    const [a, b] = [await memory(), await memory()];
    const result = await call(client, 'link_memories', { memory_id: a, related_id: b, relation_type: 'supports' });
    assert.equal(result.memory_id, a);
    assert.equal(result.related_id, b);
    assert.equal(result.relation_type, 'supports');
    assert.ok(result.previous_relation_type == null);
    assert.equal(typeof result.message, 'string');
  });

  test('the link is outgoing on the source and incoming on the target', async () => {
    const [a, b] = [await memory(), await memory()];
    await call(client, 'link_memories', { memory_id: a, related_id: b, relation_type: 'depends_on' });
    assert.deepEqual(edges(await call(client, 'fetch', { id: a })), [{ id: b, relation: 'depends_on', direction: 'outgoing' }]);
    assert.deepEqual(edges(await call(client, 'fetch', { id: b })), [{ id: a, relation: 'depends_on', direction: 'incoming' }]);
  });

  test('the link is visible from both ends in retrieve_context', async () => {
    const [a, b] = [await memory(), await memory()];
    await call(client, 'link_memories', { memory_id: a, related_id: b, relation_type: 'implements' });
    const { memories } = await call(client, 'retrieve_context', { query: 'architecture review decision', project, limit: 100 });
    const viewA = memories.find((m) => m.id === a);
    const viewB = memories.find((m) => m.id === b);
    assert.deepEqual(edges(viewA), [{ id: b, relation: 'implements', direction: 'outgoing' }]);
    assert.deepEqual(edges(viewB), [{ id: a, relation: 'implements', direction: 'incoming' }]);
  });

  test('linking again changes the relation and reports the previous one', async () => {
    const [a, b] = [await memory(), await memory()];
    await call(client, 'link_memories', { memory_id: a, related_id: b, relation_type: 'supports' });
    const again = await call(client, 'link_memories', { memory_id: a, related_id: b, relation_type: 'contradicts' });
    assert.equal(again.relation_type, 'contradicts');
    assert.equal(again.previous_relation_type, 'supports');
    assert.deepEqual(edges(await call(client, 'fetch', { id: a })), [{ id: b, relation: 'contradicts', direction: 'outgoing' }]);
  });

  test('every relation type is accepted', async () => {
    const a = await memory();
    const relations = ['supports', 'contradicts', 'supersedes', 'refines', 'depends_on', 'implements', 'example_of'];
    const targets = [];
    for (const relation of relations) {
      const b = await memory();
      targets.push(b);
      await call(client, 'link_memories', { memory_id: a, related_id: b, relation_type: relation });
    }
    const links = edges(await call(client, 'fetch', { id: a }));
    assert.deepEqual(links.map((l) => l.relation).sort(), [...relations].sort());
    assert.deepEqual(links.map((l) => l.id).sort(), [...targets].sort());
  });

  test('an unknown target is a tool error and no link is recorded', async () => {
    const a = await memory();
    await callError(client, 'link_memories', { memory_id: a, related_id: 'c0ffee00-0000-4000-8000-000000000000', relation_type: 'supports' }, /No memory with id/);
    assert.deepEqual((await call(client, 'fetch', { id: a })).related, []);
  });

  test('an unknown source is a tool error', async () => {
    const b = await memory();
    await callError(client, 'link_memories', { memory_id: 'c0ffee00-0000-4000-8000-000000000001', related_id: b, relation_type: 'supports' }, /No memory with id/);
    assert.deepEqual((await call(client, 'fetch', { id: b })).related, []);
  });

  test('an unknown relation_type is a tool error naming relation_type', async () => {
    const [a, b] = [await memory(), await memory()];
    await callError(client, 'link_memories', { memory_id: a, related_id: b, relation_type: 'likes' }, 'relation_type');
  });

  for (const missing of ['memory_id', 'related_id', 'relation_type']) {
    test(`a call without ${missing} is a tool error naming ${missing}`, async () => {
      const args = { memory_id: await memory(), related_id: await memory(), relation_type: 'supports' };
      delete args[missing];
      await callError(client, 'link_memories', args, missing);
    });
  }
});
