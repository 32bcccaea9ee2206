// get_context_info: the client's own hints (cwd, git remote, branch) → user, a stable project id and a task id.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, callError, connect } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

describe('get_context_info', () => {
  let client;

  before(async () => { client = await connect((await sharedServer()).url); });
  after(() => client?.close());

  test('the user is the single local user', async () => {
    assert.equal((await call(client, 'get_context_info', {})).user, 'local');
  });

  test('an ssh git remote gives the repository name as project', async () => {
    const info = await call(client, 'get_context_info', { cwd: '/home/dev/checkout', git_remote: 'git@github.com:acme/widget-service.git' });
    assert.equal(info.project, 'widget-service');
    assert.equal(info.project_source, 'git_remote');
    assert.equal(typeof info.message, 'string');
  });

  test('an https git remote gives the same project as the ssh one', async () => {
    const info = await call(client, 'get_context_info', { git_remote: 'https://github.com/acme/widget-service' });
    assert.equal(info.project, 'widget-service');
  });

  test('without a remote the project is the basename of cwd', async () => {
    const info = await call(client, 'get_context_info', { cwd: '/home/dev/src/billing-api' });
    assert.equal(info.project, 'billing-api');
    assert.equal(info.project_source, 'cwd');
  });

  test('the git remote wins over cwd', async () => {
    const info = await call(client, 'get_context_info', { cwd: '/tmp/some-clone', git_remote: 'git@gitlab.com:team/inventory.git' });
    assert.equal(info.project, 'inventory');
  });

  test('a feature branch is suggested as task id', async () => {
    const info = await call(client, 'get_context_info', { cwd: '/home/dev/billing-api', branch: 'feature/invoice-pdf' });
    assert.ok(info.suggested_task_id, 'a feature branch suggests a task id');
    assert.match(info.suggested_task_id, /invoice-pdf/);
  });

  test('the main branch suggests no task id', async () => {
    const info = await call(client, 'get_context_info', { cwd: '/home/dev/billing-api', branch: 'main' });
    assert.ok(info.suggested_task_id == null, `suggested ${info.suggested_task_id}`);
  });

  test('project_exists is true once the project has memories', async () => {
    const project = unique('ctxinfo');
    assert.equal((await call(client, 'get_context_info', { cwd: `/w/${project}` })).project_exists, false);
    await call(client, 'store_memory', { text: 'The context info project has a changelog file.', memory_type: 'project_context', scope: 'project', entity: 'changelog', project });
    assert.equal((await call(client, 'get_context_info', { cwd: `/w/${project}` })).project_exists, true);
  });

  test('cwd of the wrong type is a tool error naming cwd', async () => {
    await callError(client, 'get_context_info', { cwd: 42 }, 'cwd');
  });

  test('git_remote of the wrong type is a tool error naming git_remote', async () => {
    await callError(client, 'get_context_info', { git_remote: ['a'] }, 'git_remote');
  });
});
