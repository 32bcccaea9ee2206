// What a schema-validating client sees: the SDK's own client.callTool (after tools/list) checks every result's
// structuredContent against the tool's advertised outputSchema and throws when it does not conform.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, connect, textJson } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

describe('structuredContent conforms to each outputSchema, as the SDK client validates it', () => {
  let client;
  const project = unique('schema');
  const ids = {};

  before(async () => {
    client = await connect((await sharedServer()).url);
    await client.listTools(); // the SDK caches the output schemas and validates every later callTool
    const store = async (key, text) => {
      ids[key] = (await call(client, 'store_memory', { text, memory_type: 'project_context', scope: 'project', entity: 'schema', project, tags: ['s'] })).id;
    };
    await store('a', 'The schema project deploys with Helm charts kept in the same repository.');
    await store('b', 'The schema project runs database migrations with Flyway before each deploy.');
    await store('c', 'The schema project keeps its changelog in the conventional-commits format.');
    await store('d', 'The schema project forbids force pushes to the main branch.');
    await call(client, 'link_memories', { memory_id: ids.a, related_id: ids.b, relation_type: 'depends_on' });
  });
  after(() => client?.close());

  const calls = {
    store_memory: () => ({ text: 'The schema project measures p95 latency in its dashboards.', memory_type: 'project_context', scope: 'project', entity: 'schema', project }),
    retrieve_context: () => ({ query: 'how does the schema project deploy', project }),
    search: () => ({ query: 'schema project deploy' }),
    fetch: () => ({ id: ids.b }),
    set_project: () => ({ project }),
    get_context_info: () => ({ cwd: `/home/dev/${project}`, branch: 'feature/schemas' }),
    list_entities: () => ({ project, limit: 1 }),
    search_entities: () => ({ query: 'schema' }),
    link_memories: () => ({ memory_id: ids.c, related_id: ids.a, relation_type: 'refines' }),
    update_memory: () => ({ memory_id: ids.c, status: 'obsolete' }),
    delete_memory: () => ({ memory_id: ids.d }),
  };

  for (const [name, args] of Object.entries(calls)) {
    test(`${name} results pass the SDK client's outputSchema validation`, async () => {
      const result = await client.callTool({ name, arguments: args() });
      assert.ok(!result.isError, JSON.stringify(result.content));
      assert.deepEqual(textJson(result), result.structuredContent);
    });
  }

  test('a tool error needs no structuredContent and passes the SDK client', async () => {
    const result = await client.callTool({ name: 'fetch', arguments: { id: 'f00d0000-0000-4000-8000-000000000000' } });
    assert.equal(result.isError, true);
  });
});
