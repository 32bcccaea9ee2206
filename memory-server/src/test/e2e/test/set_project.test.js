// set_project: the first call creates the project, later calls report its memory counts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, callError, connect } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

describe('set_project', () => {
  let client;

  before(async () => { client = await connect((await sharedServer()).url); });
  after(() => client?.close());

  test('the first call creates the project and the second reports it exists', async () => {
    const project = unique('setproj');
    const first = await call(client, 'set_project', { project });
    assert.equal(first.project, project);
    assert.equal(first.created, true);
    assert.equal(typeof first.message, 'string');
    const second = await call(client, 'set_project', { project });
    assert.equal(second.created, false);
    assert.equal(second.project, project);
    assert.equal(second.memory_count, first.memory_count);
  });

  test('reports the memory count, counts by type and last update of an existing project', async () => {
    const project = unique('setproj-counts');
    const store = (text, memory_type, extra = {}) => call(client, 'store_memory', { text, memory_type, scope: 'project', entity: 'x', project, ...extra });
    await store('The build uses Gradle with the configuration cache enabled.', 'project_context');
    await store('Dependencies are pinned with a lockfile checked into the repository.', 'project_context');
    await store('We shipped version 2.0 to all customers on the first of the month.', 'episodic');
    await call(client, 'store_memory', { text: 'For the cache task, clear the remote cache before benchmarking.', memory_type: 'task_instruction', scope: 'task', entity: 'x', project, task_id: 'CACHE-1' });
    const summary = await call(client, 'set_project', { project });
    assert.equal(summary.created, false);
    assert.equal(summary.memory_count, 4);
    assert.deepEqual(summary.counts_by_type, { project_context: 2, episodic: 1, task_instruction: 1 });
    assert.ok(!Number.isNaN(Date.parse(summary.last_updated)), `last_updated ${summary.last_updated}`);
  });

  test('a project known to get_context_info after set_project reports project_exists', async () => {
    const project = unique('setproj-ctx');
    assert.equal((await call(client, 'get_context_info', { cwd: `/home/dev/${project}` })).project_exists, false);
    await call(client, 'set_project', { project });
    const info = await call(client, 'get_context_info', { cwd: `/home/dev/${project}` });
    assert.equal(info.project, project);
    assert.equal(info.project_exists, true);
  });

  test('a missing project is a tool error naming project', async () => {
    await callError(client, 'set_project', {}, 'project');
  });

  test('an empty project is a tool error naming project', async () => {
    await callError(client, 'set_project', { project: '' }, 'project');
  });
});
