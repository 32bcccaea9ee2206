// search and fetch, the ChatGPT-connector shapes: search → {results: [{id, title, url}]} (at most 10),
// fetch → {id, title, text, url, metadata, related}.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sentences } from '../lib/corpus.js';
import { call, callError, connect } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

describe('search', () => {
  let client;
  const project = unique('search');
  const token = `PRJ${Date.now().toString(36).toUpperCase()}X`;
  let target;

  before(async () => {
    client = await connect((await sharedServer()).url);
    for (const text of sentences(14, { seed: 11, marker: token })) {
      await call(client, 'store_memory', { text, memory_type: 'episodic', scope: 'project', entity: 'changelog', project });
    }
    target = await call(client, 'store_memory', {
      text: 'The mobile release train leaves every second Wednesday; hotfixes need the release manager.',
      memory_type: 'project_context', scope: 'project', entity: 'release-train', project,
    });
  });
  after(() => client?.close());

  test('returns results with id, title and url only', async () => {
    const { results } = await call(client, 'search', { query: 'when does the mobile release train leave' });
    assert.ok(results.length > 0);
    for (const result of results) {
      assert.deepEqual(Object.keys(result).sort(), ['id', 'title', 'url']);
      assert.equal(typeof result.title, 'string');
      assert.ok(result.title.length > 0);
      assert.ok(result.url.length > 0);
    }
    assert.equal(results[0].id, target.id);
  });

  test('returns at most 10 results', async () => {
    const { results } = await call(client, 'search', { query: `${token} notes about systems` });
    assert.equal(results.length, 10);
  });

  test('a missing query is a tool error naming query', async () => {
    await callError(client, 'search', {}, 'query');
  });
});

describe('fetch', () => {
  let client;
  const project = unique('fetch');

  before(async () => { client = await connect((await sharedServer()).url); });
  after(() => client?.close());

  test('returns the memory with id, title, text, url, metadata and related', async () => {
    const text = 'Secrets for the payment service are rotated by Vault every 24 hours.';
    const { id } = await call(client, 'store_memory', {
      text, memory_type: 'project_context', scope: 'project', entity: 'vault', project, tags: ['security'], priority: 'high',
    });
    const memory = await call(client, 'fetch', { id });
    assert.equal(memory.id, id);
    assert.equal(memory.text, text);
    assert.equal(typeof memory.title, 'string');
    assert.ok(memory.title.length > 0);
    assert.equal(typeof memory.url, 'string');
    assert.deepEqual(memory.related, []);
    const { metadata } = memory;
    assert.equal(metadata.memory_type, 'project_context');
    assert.equal(metadata.scope, 'project');
    assert.equal(metadata.entity, 'vault');
    assert.equal(metadata.project, project);
    assert.deepEqual(metadata.tags, ['security']);
    assert.equal(metadata.priority, 'high');
    assert.ok(!Number.isNaN(Date.parse(metadata.created_at)), `created_at ${metadata.created_at}`);
    assert.ok(!Number.isNaN(Date.parse(metadata.updated_at)), `updated_at ${metadata.updated_at}`);
  });

  test('the url search returns is the url fetch returns', async () => {
    const { id } = await call(client, 'store_memory', {
      text: 'Grafana alerts for the queue depth page the on-call engineer after ten minutes.', memory_type: 'project_context', scope: 'project', entity: 'alerts', project,
    });
    const { results } = await call(client, 'search', { query: 'Grafana queue depth alerts paging' });
    const hit = results.find((r) => r.id === id);
    assert.ok(hit, 'search finds the memory');
    const memory = await call(client, 'fetch', { id });
    assert.equal(hit.url, memory.url);
    assert.equal(hit.title, memory.title);
  });

  test('an unknown id is a tool error "No memory with id ..."', async () => {
    await callError(client, 'fetch', { id: 'd0e3f1c6-0000-4000-8000-000000000000' }, /No memory with id/);
  });

  test('a missing id is a tool error naming id', async () => {
    await callError(client, 'fetch', {}, 'id');
  });
});
