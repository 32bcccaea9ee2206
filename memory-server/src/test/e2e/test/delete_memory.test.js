// delete_memory: a soft delete that is idempotent and hides the memory from every read path.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, callError, connect } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

describe('delete_memory', () => {
  let client;
  const project = unique('delete');
  const token = `DEL${Date.now().toString(36).toUpperCase()}Q`;
  let keeper;
  let doomed;
  let deleteResult;

  before(async () => {
    client = await connect((await sharedServer()).url);
    keeper = (await call(client, 'store_memory', {
      text: 'The analytics warehouse is BigQuery, loaded hourly by Airbyte.',
      memory_type: 'project_context', scope: 'project', entity: 'warehouse', project,
    })).id;
    doomed = (await call(client, 'store_memory', {
      text: `Marker ${token}: the legacy reporting cron on host rpt-01 exports the warehouse every night.`,
      memory_type: 'project_context', scope: 'project', entity: 'legacy-cron', project, related_to: [keeper], relation_types: { [keeper]: 'depends_on' },
    })).id;
    await call(client, 'link_memories', { memory_id: keeper, related_id: doomed, relation_type: 'refines' });
    // Before the delete, every read path sees it.
    assert.ok((await call(client, 'retrieve_context', { query: token, project })).memories.some((m) => m.id === doomed));
    assert.ok((await call(client, 'search', { query: token })).results.some((r) => r.id === doomed));
    assert.equal((await call(client, 'fetch', { id: keeper })).related.length, 2);
    deleteResult = await call(client, 'delete_memory', { memory_id: doomed });
  });
  after(() => client?.close());

  test('answers deleted=true and already_deleted=false', () => {
    assert.equal(deleteResult.memory_id, doomed);
    assert.equal(deleteResult.deleted, true);
    assert.equal(deleteResult.already_deleted, false);
  });

  test('deleting again is idempotent and reports already_deleted', async () => {
    const again = await call(client, 'delete_memory', { memory_id: doomed });
    assert.equal(again.deleted, true);
    assert.equal(again.already_deleted, true);
  });

  test('the memory is gone from retrieve_context', async () => {
    const { memories } = await call(client, 'retrieve_context', { query: token, project, limit: 100 });
    assert.ok(!memories.some((m) => m.id === doomed));
    const all = await call(client, 'retrieve_context', { query: token, limit: 100 });
    assert.ok(!all.memories.some((m) => m.id === doomed));
  });

  test('the memory is gone from search', async () => {
    const { results } = await call(client, 'search', { query: token });
    assert.ok(!results.some((r) => r.id === doomed));
  });

  test('fetch of the deleted memory is a tool error "No memory with id ..."', async () => {
    await callError(client, 'fetch', { id: doomed }, /No memory with id/);
  });

  test('the memory no longer counts in list_entities', async () => {
    const { entities, total_entities } = await call(client, 'list_entities', { project });
    assert.deepEqual(entities.map((e) => [e.entity, e.count]), [['warehouse', 1]]);
    assert.equal(total_entities, 1);
  });

  test('the memory no longer counts in search_entities', async () => {
    const { matches } = await call(client, 'search_entities', { query: 'legacy-cron', limit: 50 });
    assert.ok(!matches.some((m) => m.entity === 'legacy-cron'), JSON.stringify(matches));
  });

  test('the memory no longer counts in set_project', async () => {
    const summary = await call(client, 'set_project', { project });
    assert.equal(summary.memory_count, 1);
    assert.deepEqual(summary.counts_by_type, { project_context: 1 });
  });

  test('the memory is gone from the related list of fetch on a linked memory', async () => {
    assert.deepEqual((await call(client, 'fetch', { id: keeper })).related, []);
  });

  test('the memory is gone from related expansions in retrieve_context', async () => {
    const { memories } = await call(client, 'retrieve_context', { query: 'analytics warehouse BigQuery', project });
    const view = memories.find((m) => m.id === keeper);
    assert.ok(view, 'the linked memory is still found');
    assert.deepEqual(view.related, []);
  });

  test('linking to the deleted memory is a tool error', async () => {
    await callError(client, 'link_memories', { memory_id: keeper, related_id: doomed, relation_type: 'supports' }, /No memory with id/);
    await callError(client, 'link_memories', { memory_id: doomed, related_id: keeper, relation_type: 'supports' }, /No memory with id/);
  });

  test('updating the deleted memory is a tool error', async () => {
    await callError(client, 'update_memory', { memory_id: doomed, status: 'active' }, /No memory with id/);
  });

  test('storing the same text again creates a new memory instead of returning the deleted one', async () => {
    const again = await call(client, 'store_memory', {
      text: `Marker ${token}: the legacy reporting cron on host rpt-01 exports the warehouse every night.`,
      memory_type: 'project_context', scope: 'project', entity: 'legacy-cron-2', project,
    });
    assert.equal(again.stored, true);
    assert.notEqual(again.id, doomed);
    await call(client, 'delete_memory', { memory_id: again.id });
  });

  test('an unknown id is a tool error "No memory with id ..."', async () => {
    await callError(client, 'delete_memory', { memory_id: 'dead0000-0000-4000-8000-000000000000' }, /No memory with id/);
  });

  test('a missing memory_id is a tool error naming memory_id', async () => {
    await callError(client, 'delete_memory', {}, 'memory_id');
  });
});
