// store_memory through the SDK client: every scope, duplicate detection, candidates, and the errors it must answer
// with.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, callError, connect } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

describe('store_memory', () => {
  let client;
  const project = unique('store');

  before(async () => { client = await connect((await sharedServer()).url); });
  after(() => client?.close());

  test('stores a global memory and returns a new id with stored=true and duplicate=false', async () => {
    const result = await call(client, 'store_memory', {
      text: `The user ${project} writes commit messages in the imperative mood.`,
      memory_type: 'core_identity', scope: 'global', entity: 'user',
    });
    assert.equal(typeof result.id, 'string');
    assert.ok(result.id.length > 0);
    assert.equal(result.stored, true);
    assert.equal(result.duplicate, false);
    assert.equal(typeof result.message, 'string');
    const fetched = await call(client, 'fetch', { id: result.id });
    assert.equal(fetched.metadata.scope, 'global');
    assert.equal(fetched.metadata.memory_type, 'core_identity');
  });

  test('stores a project memory with its tags, status and priority', async () => {
    const result = await call(client, 'store_memory', {
      text: 'The staging database is refreshed from a masked production snapshot every Sunday night.',
      memory_type: 'project_context', scope: 'project', entity: 'staging-db', project,
      tags: ['database', 'staging'], status: 'active', priority: 'high',
    });
    assert.equal(result.stored, true);
    const { metadata } = await call(client, 'fetch', { id: result.id });
    assert.equal(metadata.project, project);
    assert.equal(metadata.entity, 'staging-db');
    assert.deepEqual([...metadata.tags].sort(), ['database', 'staging']);
    assert.equal(metadata.status, 'active');
    assert.equal(metadata.priority, 'high');
  });

  test('stores a task memory with project and task_id', async () => {
    const result = await call(client, 'store_memory', {
      text: 'For the invoice export task, write CSV files with a UTF-8 byte order mark so Excel opens them.',
      memory_type: 'task_instruction', scope: 'task', entity: 'invoice-export', project, task_id: 'EXP-12',
    });
    const { metadata } = await call(client, 'fetch', { id: result.id });
    assert.equal(metadata.scope, 'task');
    assert.equal(metadata.task_id, 'EXP-12');
  });

  test('defaults status to active', async () => {
    const result = await call(client, 'store_memory', {
      text: 'We had a retrospective about the failed canary release of the recommendation engine.',
      memory_type: 'episodic', scope: 'project', entity: 'retro', project,
    });
    assert.equal((await call(client, 'fetch', { id: result.id })).metadata.status, 'active');
  });

  test('stores related_to links with their relation types', async () => {
    const base = await call(client, 'store_memory', {
      text: 'The public API is versioned with a date header rather than a path prefix.',
      memory_type: 'project_context', scope: 'project', entity: 'api-versioning', project,
    });
    const refinement = await call(client, 'store_memory', {
      text: 'Clients that omit the API date header get the oldest still-supported version.',
      memory_type: 'project_context', scope: 'project', entity: 'api-versioning', project,
      related_to: [base.id], relation_types: { [base.id]: 'refines' },
    });
    const fetched = await call(client, 'fetch', { id: refinement.id });
    assert.deepEqual(fetched.related.map(({ id, relation, direction }) => ({ id, relation, direction })),
      [{ id: base.id, relation: 'refines', direction: 'outgoing' }]);
    const target = await call(client, 'fetch', { id: base.id });
    assert.ok(target.related.some((r) => r.id === refinement.id && r.relation === 'refines' && r.direction === 'incoming'),
      `the target lists the link as incoming: ${JSON.stringify(target.related)}`);
  });

  test('a near-identical text in the same scope and project returns the existing id as a duplicate', async () => {
    const text = 'Feature flags for the checkout flow live in LaunchDarkly under the project key shop-web.';
    const first = await call(client, 'store_memory', { text, memory_type: 'project_context', scope: 'project', entity: 'feature-flags', project });
    const again = await call(client, 'store_memory', { text, memory_type: 'project_context', scope: 'project', entity: 'feature-flags', project });
    assert.equal(again.id, first.id);
    assert.equal(again.stored, false);
    assert.equal(again.duplicate, true);
    assert.equal(typeof again.similarity, 'number');
    assert.ok(again.similarity >= 0.9 && again.similarity <= 1.0001, `similarity ${again.similarity}`);
    const nearly = await call(client, 'store_memory', {
      text: `${text.slice(0, -1)}!`, memory_type: 'project_context', scope: 'project', entity: 'feature-flags', project,
    });
    assert.equal(nearly.id, first.id, 'a trivially different text is a duplicate too');
    assert.equal(nearly.duplicate, true);
  });

  test('a correction that swaps two words is stored and names the memory it corrects as a candidate', async () => {
    const args = { memory_type: 'core_identity', scope: 'project', entity: 'alice', project };
    const first = await call(client, 'store_memory', { ...args, text: 'Alice prefers tabs over spaces.' });
    const correction = await call(client, 'store_memory', { ...args, text: 'Alice prefers spaces over tabs.' });
    assert.notEqual(correction.id, first.id);
    assert.equal(correction.stored, true);
    assert.equal(correction.duplicate, false);
    assert.deepEqual(correction.candidates.map((c) => c.id), [first.id]);
    assert.equal(correction.candidates[0].text, 'Alice prefers tabs over spaces.');
    assert.ok(correction.candidates[0].similarity >= 0.85, `similarity ${correction.candidates[0].similarity}`);
  });

  test('the same text in another project is stored as a new memory', async () => {
    const text = 'Release notes are drafted in the wiki and reviewed by the product owner before tagging.';
    const here = await call(client, 'store_memory', { text, memory_type: 'project_context', scope: 'project', entity: 'release', project });
    const there = await call(client, 'store_memory', { text, memory_type: 'project_context', scope: 'project', entity: 'release', project: `${project}-other` });
    assert.notEqual(there.id, here.id);
    assert.equal(there.stored, true);
    assert.equal(there.duplicate, false);
  });

  test('the same text in another task of the project is stored as a new memory', async () => {
    const text = 'Run the data migration in batches of 5000 rows to keep replication lag low.';
    const args = { text, memory_type: 'task_instruction', scope: 'task', entity: 'migration', project };
    const one = await call(client, 'store_memory', { ...args, task_id: 'MIG-1' });
    const two = await call(client, 'store_memory', { ...args, task_id: 'MIG-2' });
    assert.notEqual(two.id, one.id);
    assert.equal(two.duplicate, false);
  });

  test('scope project without project is a tool error naming project', async () => {
    await callError(client, 'store_memory', { text: 'Orphan fact.', memory_type: 'project_context', scope: 'project', entity: 'x' }, 'project');
  });

  test('scope task without task_id is a tool error naming task_id', async () => {
    await callError(client, 'store_memory', { text: 'Orphan task fact.', memory_type: 'task_instruction', scope: 'task', entity: 'x', project }, 'task_id');
  });

  test('scope task without project is a tool error naming project', async () => {
    await callError(client, 'store_memory', { text: 'Orphan task fact.', memory_type: 'task_instruction', scope: 'task', entity: 'x', task_id: 'T-9' }, 'project');
  });

  test('an unknown memory_type is a tool error naming memory_type', async () => {
    await callError(client, 'store_memory', { text: 'Some fact.', memory_type: 'fact', scope: 'global', entity: 'x' }, 'memory_type');
  });

  test('an unknown scope is a tool error naming scope', async () => {
    await callError(client, 'store_memory', { text: 'Some fact.', memory_type: 'episodic', scope: 'universe', entity: 'x' }, 'scope');
  });

  test('an unknown relation type in relation_types is a tool error naming relation_types', async () => {
    const base = await call(client, 'store_memory', {
      text: 'The mobile app caches the catalogue for twelve hours.', memory_type: 'project_context', scope: 'project', entity: 'mobile', project,
    });
    await callError(client, 'store_memory', {
      text: 'The web app caches the catalogue for one hour.', memory_type: 'project_context', scope: 'project', entity: 'web', project,
      related_to: [base.id], relation_types: { [base.id]: 'loves' },
    }, 'relation_types');
  });

  for (const missing of ['text', 'memory_type', 'scope', 'entity']) {
    test(`a call without ${missing} is a tool error naming ${missing}`, async () => {
      const args = { text: 'A complete fact.', memory_type: 'episodic', scope: 'global', entity: 'x' };
      delete args[missing];
      await callError(client, 'store_memory', args, missing);
    });
  }

  test('an empty text is a tool error naming text', async () => {
    await callError(client, 'store_memory', { text: '', memory_type: 'episodic', scope: 'global', entity: 'x' }, 'text');
  });

  test('tags given as a string instead of an array is a tool error naming tags', async () => {
    await callError(client, 'store_memory', { text: 'Tagged fact.', memory_type: 'episodic', scope: 'global', entity: 'x', tags: 'one' }, 'tags');
  });
});
