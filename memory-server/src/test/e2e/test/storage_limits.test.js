// Storage limits: a string the index would refuse gets a clear tool error before anything is written, on every write
// path, and the server goes on serving (docs/ARCHITECTURE.md, "Storage limits").
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, callError, connect } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

describe('storage limits', () => {
  let client;
  const project = unique('limits');
  const immense = 'x'.repeat(40_000);
  const store = (extra = {}) => call(client, 'store_memory', { text: 'The release checklist lives in the wiki.', memory_type: 'project_context', scope: 'project', entity: 'release', project, ...extra });

  before(async () => { client = await connect((await sharedServer()).url); });
  after(() => client?.close());

  test('a 40,000-character tag is refused by store_memory and update_memory, naming the tag and the bound', async () => {
    await callError(client, 'store_memory', { text: 'The release checklist lives in the wiki.', memory_type: 'project_context', scope: 'project', entity: 'release', project, tags: ['ok', immense] }, [/tags\[1\] is 40000 bytes long/, /at most 256 bytes/]);
    const { id } = await store();
    await callError(client, 'update_memory', { memory_id: id, tags: [immense] }, [/tags\[0\] is 40000 bytes long/]);
    assert.deepEqual((await call(client, 'fetch', { id })).tags ?? [], []);
  });

  test('a white-space project and a text of zero-width characters are refused', async () => {
    await callError(client, 'store_memory', { text: 'Deployments go out on Tuesdays.', memory_type: 'project_context', scope: 'project', entity: 'deploy', project: '   ' }, [/project must not be empty/]);
    await callError(client, 'store_memory', { text: '\u200B\u200C\u200D\u2060', memory_type: 'episodic', scope: 'global', entity: 'x' }, [/text must not be empty/]);
  });
});
