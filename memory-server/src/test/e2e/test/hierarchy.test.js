// retrieve_context is hierarchical: project + task_id → global + project + that task; project → global + project
// (never other projects); an explicit scope restricts to that level.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, connect } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

describe('retrieve_context hierarchy', () => {
  let client;
  const project = unique('hier');
  const otherProject = unique('hier-other');
  const marker = unique('zebra');
  const ids = {};

  before(async () => {
    client = await connect((await sharedServer()).url);
    const store = async (key, args) => {
      const result = await call(client, 'store_memory', { entity: 'coding-style', ...args });
      assert.equal(result.stored, true, key);
      ids[key] = result.id;
    };
    // All of them are about the same topic, so relevance alone cannot separate them: only the hierarchy can.
    await store('global', { text: `Coding style ${marker}: the user wants four-space indentation everywhere.`, memory_type: 'core_identity', scope: 'global' });
    await store('project', { text: `Coding style ${marker}: this project uses two-space indentation in YAML files.`, memory_type: 'project_context', scope: 'project', project });
    await store('task', { text: `Coding style ${marker}: in task A the generated code keeps tab indentation.`, memory_type: 'task_instruction', scope: 'task', project, task_id: 'TASK-A' });
    await store('otherTask', { text: `Coding style ${marker}: in task B the SQL files use no indentation at all.`, memory_type: 'task_instruction', scope: 'task', project, task_id: 'TASK-B' });
    await store('otherProject', { text: `Coding style ${marker}: the other project indents Makefiles with tabs.`, memory_type: 'project_context', scope: 'project', project: otherProject });
    await store('otherProjectTask', { text: `Coding style ${marker}: the other project's task A formats with gofmt.`, memory_type: 'task_instruction', scope: 'task', project: otherProject, task_id: 'TASK-A' });
  });
  after(() => client?.close());

  const found = async (args) => {
    const { memories } = await call(client, 'retrieve_context', { query: `coding style ${marker} indentation`, limit: 100, ...args });
    const byId = Object.fromEntries(Object.entries(ids).map(([key, id]) => [id, key]));
    return new Set(memories.map((m) => byId[m.id]).filter(Boolean));
  };

  test('project and task_id find the global, project and that task memories only', async () => {
    const keys = await found({ project, task_id: 'TASK-A' });
    assert.deepEqual([...keys].sort(), ['global', 'project', 'task']);
  });

  test('project alone finds global and project memories but nothing from other projects', async () => {
    const keys = await found({ project });
    assert.ok(keys.has('global'), [...keys]);
    assert.ok(keys.has('project'), [...keys]);
    assert.ok(!keys.has('otherProject') && !keys.has('otherProjectTask'), `other project leaked: ${[...keys]}`);
  });

  test('the other project sees its own memories and global ones, not this project\'s', async () => {
    const keys = await found({ project: otherProject, task_id: 'TASK-A' });
    assert.deepEqual([...keys].sort(), ['global', 'otherProject', 'otherProjectTask']);
  });

  test('no project and no task finds memories at every level', async () => {
    const keys = await found({});
    assert.deepEqual([...keys].sort(), Object.keys(ids).sort());
  });

  test('scope global returns only global memories', async () => {
    const { memories } = await call(client, 'retrieve_context', { query: `coding style ${marker}`, scope: 'global', project, limit: 100 });
    assert.ok(memories.length > 0);
    assert.ok(memories.every((m) => m.scope === 'global'), JSON.stringify(memories.map((m) => m.scope)));
    assert.ok(memories.some((m) => m.id === ids.global));
  });

  test('scope project with a project returns only that project\'s project-level memories', async () => {
    const keys = await found({ scope: 'project', project });
    assert.deepEqual([...keys], ['project']);
  });

  test('scope task with project and task_id returns only that task\'s memories', async () => {
    const keys = await found({ scope: 'task', project, task_id: 'TASK-B' });
    assert.deepEqual([...keys], ['otherTask']);
  });

  test('memories of each level carry their scope, project and task_id', async () => {
    const { memories } = await call(client, 'retrieve_context', { query: `coding style ${marker}`, project, task_id: 'TASK-A', limit: 100 });
    const task = memories.find((m) => m.id === ids.task);
    assert.equal(task.scope, 'task');
    assert.equal(task.project, project);
    assert.equal(task.task_id, 'TASK-A');
    const global = memories.find((m) => m.id === ids.global);
    assert.equal(global.scope, 'global');
    assert.ok(global.project == null, `a global memory has no project: ${global.project}`);
  });
});
