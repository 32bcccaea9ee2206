// update_memory: edits text and metadata; a new text is re-embedded and found by its new meaning.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, callError, connect } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

describe('update_memory', () => {
  let client;
  const project = unique('update');
  const store = (text, extra = {}) => call(client, 'store_memory', { text, memory_type: 'project_context', scope: 'project', entity: 'infra', project, ...extra });
  const topIds = async (query) => (await call(client, 'retrieve_context', { query, project, scope: 'project', limit: 3 })).memories.map((m) => m.id);

  before(async () => {
    client = await connect((await sharedServer()).url);
    await store('Customer support tickets are triaged in Zendesk every morning.', { entity: 'support' });
    await store('The marketing site is hosted on Netlify with preview deploys.', { entity: 'marketing' });
  });
  after(() => client?.close());

  test('a new text is re-embedded: found by its new meaning, no longer by the old', async () => {
    const { id } = await store('Container images are scanned for vulnerabilities with Trivy in CI.');
    assert.equal((await topIds('vulnerability scanning of images'))[0], id);
    const result = await call(client, 'update_memory', { memory_id: id, text: 'Our office plants are watered by the facilities team every Thursday.' });
    assert.equal(result.re_embedded, true);
    assert.equal(result.memory.id, id);
    assert.equal(result.memory.text, 'Our office plants are watered by the facilities team every Thursday.');
    assert.equal(typeof result.message, 'string');
    assert.equal((await topIds('who waters the plants in the office')).at(0), id);
    assert.notEqual((await topIds('vulnerability scanning of container images')).at(0), id);
    assert.equal((await call(client, 'fetch', { id })).text, 'Our office plants are watered by the facilities team every Thursday.');
  });

  test('a metadata-only change keeps the embedding and updates the fields', async () => {
    const { id } = await store('Terraform state is stored in an S3 bucket with DynamoDB locking.', { tags: ['terraform'] });
    const before = await call(client, 'fetch', { id });
    const result = await call(client, 'update_memory', { memory_id: id, status: 'obsolete', priority: 'low', tags: ['terraform', 'legacy'], entity: 'terraform' });
    assert.equal(result.re_embedded, false);
    assert.equal(result.memory.status, 'obsolete');
    assert.equal(result.memory.priority, 'low');
    assert.equal(result.memory.entity, 'terraform');
    assert.deepEqual([...result.memory.tags].sort(), ['legacy', 'terraform']);
    assert.equal(result.memory.text, before.text);
    assert.equal(result.memory.created_at, before.metadata.created_at);
    assert.ok(Date.parse(result.memory.updated_at) >= Date.parse(before.metadata.updated_at));
    const { metadata } = await call(client, 'fetch', { id });
    assert.equal(metadata.status, 'obsolete');
    assert.equal(metadata.entity, 'terraform');
  });

  test('moving a memory to task scope with a task_id makes it a task memory', async () => {
    const { id } = await store('Use feature branch builds to test the new payment provider integration.');
    const result = await call(client, 'update_memory', { memory_id: id, scope: 'task', task_id: 'PAY-7', memory_type: 'task_instruction' });
    assert.equal(result.memory.scope, 'task');
    assert.equal(result.memory.task_id, 'PAY-7');
    assert.equal(result.memory.memory_type, 'task_instruction');
    const { memories } = await call(client, 'retrieve_context', { query: 'payment provider integration', project, task_id: 'PAY-7', scope: 'task' });
    assert.deepEqual(memories.map((m) => m.id), [id]);
  });

  test('moving a memory to task scope without a task_id is a tool error naming task_id', async () => {
    const { id } = await store('Nightly builds publish snapshots to the internal Maven repository.');
    await callError(client, 'update_memory', { memory_id: id, scope: 'task' }, 'task_id');
    assert.equal((await call(client, 'fetch', { id })).metadata.scope, 'project');
  });

  test('an unknown id is a tool error "No memory with id ..."', async () => {
    await callError(client, 'update_memory', { memory_id: 'ab0de000-0000-4000-8000-000000000000', text: 'x' }, /No memory with id/);
  });

  test('an unknown memory_type is a tool error naming memory_type', async () => {
    const { id } = await store('The design system is published as an npm package.');
    await callError(client, 'update_memory', { memory_id: id, memory_type: 'fact' }, 'memory_type');
  });

  test('an empty text is a tool error naming text', async () => {
    const { id } = await store('Error budgets are reviewed in the monthly reliability meeting.');
    await callError(client, 'update_memory', { memory_id: id, text: '' }, 'text');
  });

  test('a missing memory_id is a tool error naming memory_id', async () => {
    await callError(client, 'update_memory', { text: 'x' }, 'memory_id');
  });
});
