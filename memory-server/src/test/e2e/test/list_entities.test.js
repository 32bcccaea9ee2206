// list_entities: distinct entities with counts, paginated with next_cursor and no silent cap.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sentences } from '../lib/corpus.js';
import { call, callError, connect } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

describe('list_entities', () => {
  let client;
  const project = unique('entities');
  const entityNames = Array.from({ length: 120 }, (_, i) => `component-${String(i).padStart(3, '0')}`);

  before(async () => {
    client = await connect((await sharedServer()).url);
    const texts = sentences(125, { seed: 23, marker: project });
    for (const [i, entity] of entityNames.entries()) {
      const result = await call(client, 'store_memory', { text: texts[i], memory_type: 'project_context', scope: 'project', entity, project });
      assert.equal(result.stored, true);
    }
    // component-000 gets two more memories, one of them episodic.
    await call(client, 'store_memory', { text: texts[120], memory_type: 'project_context', scope: 'project', entity: entityNames[0], project });
    await call(client, 'store_memory', { text: texts[121], memory_type: 'episodic', scope: 'project', entity: entityNames[0], project });
  });
  after(() => client?.close());

  const listAll = async (args) => {
    const pages = [];
    let cursor;
    do {
      const page = await call(client, 'list_entities', { project, ...args, ...(cursor ? { cursor } : {}) });
      pages.push(page);
      cursor = page.next_cursor;
      assert.ok(pages.length <= 20, 'pagination does not end');
    } while (cursor);
    return pages;
  };

  test('120 entities with limit 50 come in 3 pages, all present, none repeated', async () => {
    const pages = await listAll({ limit: 50 });
    assert.deepEqual(pages.map((p) => p.entities.length), [50, 50, 20]);
    const names = pages.flatMap((p) => p.entities.map((e) => e.entity));
    assert.equal(new Set(names).size, names.length, 'no entity is listed twice');
    assert.deepEqual([...names].sort(), entityNames);
    for (const page of pages) assert.equal(page.total_entities, 120);
    assert.ok(pages.at(-1).next_cursor == null, 'the last page has no next_cursor');
  });

  test('the default limit is 50', async () => {
    const page = await call(client, 'list_entities', { project });
    assert.equal(page.entities.length, 50);
    assert.ok(page.next_cursor);
  });

  test('limit 500 returns every entity in one page', async () => {
    const page = await call(client, 'list_entities', { project, limit: 500 });
    assert.equal(page.entities.length, 120);
    assert.ok(page.next_cursor == null);
  });

  test('each entity carries its count, first_seen and last_updated', async () => {
    const page = await call(client, 'list_entities', { project, limit: 500 });
    const first = page.entities.find((e) => e.entity === entityNames[0]);
    assert.equal(first.count, 3);
    assert.ok(Date.parse(first.first_seen) <= Date.parse(first.last_updated), JSON.stringify(first));
    const other = page.entities.find((e) => e.entity === entityNames[1]);
    assert.equal(other.count, 1);
  });

  test('memory_type filters the counted memories', async () => {
    const page = await call(client, 'list_entities', { project, memory_type: 'episodic' });
    assert.deepEqual(page.entities.map((e) => [e.entity, e.count]), [[entityNames[0], 1]]);
    assert.equal(page.total_entities, 1);
  });

  test('scope global does not list this project\'s entities', async () => {
    const pages = await listAll({ scope: 'global', limit: 500, project: undefined });
    const names = new Set(pages.flatMap((p) => p.entities.map((e) => e.entity)));
    assert.ok(!entityNames.some((name) => names.has(name)));
  });

  test('another project lists none of these entities', async () => {
    const page = await call(client, 'list_entities', { project: unique('entities-empty') });
    assert.deepEqual(page.entities, []);
    assert.equal(page.total_entities, 0);
  });

  describe('argument errors', () => {
    const cases = [
      ['limit 0', { limit: 0 }, 'limit'],
      ['limit 501', { limit: 501 }, 'limit'],
      ['limit 1000', { limit: 1000 }, 'limit'],
      ['limit as a string', { limit: 'ten' }, 'limit'],
      ['an unknown memory_type', { memory_type: 'fact' }, 'memory_type'],
      ['an unknown scope', { scope: 'cosmos' }, 'scope'],
      ['a cursor this server never gave out', { cursor: 'garbage!!' }, 'cursor'],
    ];
    for (const [label, args, argument] of cases) {
      test(`${label} is a tool error naming ${argument}`, async () => {
        await callError(client, 'list_entities', { project, ...args }, argument);
      });
    }
  });
});
