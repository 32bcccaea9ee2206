// tools/list: the eleven tools, their annotations, and input/output schemas a client can rely on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { connect } from '../lib/mcp.js';
import { startServer, stop } from '../lib/server.js';
import { sharedServer } from '../lib/shared.js';

const READ_TOOLS = ['retrieve_context', 'search', 'fetch', 'list_entities', 'search_entities', 'get_context_info'];
const WRITE_TOOLS = ['store_memory', 'set_project', 'link_memories', 'delete_memory', 'update_memory'];
const MEMORY_TYPES = ['core_identity', 'project_context', 'task_instruction', 'episodic'];
const SCOPES = ['global', 'project', 'task'];
const RELATIONS = ['supports', 'contradicts', 'supersedes', 'refines', 'depends_on', 'implements', 'example_of'];

/** The argument names each tool accepts (the contract), and which are required. */
const ARGUMENTS = {
  store_memory: { required: ['text', 'memory_type', 'scope', 'entity'],
    optional: ['project', 'task_id', 'related_to', 'relation_types', 'tags', 'status', 'priority'] },
  retrieve_context: { required: ['query'],
    optional: ['scope', 'memory_type', 'project', 'task_id', 'status', 'include_related', 'limit', 'score_threshold', 'recency_weight',
      'include_superseded', 'created_after', 'created_before'] },
  search: { required: ['query'], optional: [] },
  fetch: { required: ['id'], optional: [] },
  set_project: { required: ['project'], optional: [] },
  get_context_info: { required: [], optional: ['cwd', 'git_remote', 'branch'] },
  list_entities: { required: [], optional: ['scope', 'project', 'memory_type', 'cursor', 'limit'] },
  search_entities: { required: ['query'], optional: ['scope', 'limit'] },
  link_memories: { required: ['memory_id', 'related_id', 'relation_type'], optional: [] },
  delete_memory: { required: ['memory_id'], optional: [] },
  update_memory: { required: ['memory_id'],
    optional: ['text', 'memory_type', 'scope', 'entity', 'project', 'task_id', 'tags', 'status', 'priority'] },
};

describe('tools/list', () => {
  let client;
  let tools;
  const tool = (name) => tools.find((t) => t.name === name);

  before(async () => {
    client = await connect((await sharedServer()).url);
    tools = (await client.listTools()).tools;
  });
  after(() => client?.close());

  test('lists exactly the eleven memory tools', () => {
    assert.deepEqual(tools.map((t) => t.name).sort(), [...READ_TOOLS, ...WRITE_TOOLS].sort());
  });

  test('every tool has a title and a description written for a model', () => {
    for (const t of tools) {
      assert.ok(t.description?.length >= 80, `${t.name}: description too short: ${t.description}`);
      assert.ok(t.title || t.annotations?.title, `${t.name}: no title`);
    }
  });

  test('read tools are marked readOnlyHint true and write tools readOnlyHint false', () => {
    for (const name of READ_TOOLS) assert.equal(tool(name).annotations?.readOnlyHint, true, name);
    for (const name of WRITE_TOOLS) assert.equal(tool(name).annotations?.readOnlyHint, false, name);
  });

  test('every tool is marked openWorldHint false and states destructiveHint and idempotentHint', () => {
    for (const t of tools) {
      assert.equal(t.annotations?.openWorldHint, false, t.name);
      assert.equal(typeof t.annotations?.destructiveHint, 'boolean', `${t.name}: destructiveHint`);
      assert.equal(typeof t.annotations?.idempotentHint, 'boolean', `${t.name}: idempotentHint`);
    }
    assert.equal(tool('delete_memory').annotations.destructiveHint, true);
    assert.equal(tool('store_memory').annotations.destructiveHint, false);
  });

  test('every tool has an object outputSchema', () => {
    for (const t of tools) {
      assert.equal(t.outputSchema?.type, 'object', `${t.name}: outputSchema ${JSON.stringify(t.outputSchema)}`);
      assert.ok(Object.keys(t.outputSchema.properties ?? {}).length > 0, `${t.name}: outputSchema has no properties`);
    }
  });

  for (const [name, { required, optional }] of Object.entries(ARGUMENTS)) {
    test(`${name} declares the input properties it accepts (${[...required, ...optional].join(', ') || 'none required'})`, () => {
      const schema = tool(name).inputSchema;
      assert.equal(schema.type, 'object');
      assert.deepEqual(Object.keys(schema.properties ?? {}).sort(), [...required, ...optional].sort(),
        `${name}: inputSchema property names`);
      assert.deepEqual([...(schema.required ?? [])].sort(), [...required].sort(), `${name}: required`);
    });
  }

  test('every required input property is declared in properties', () => {
    for (const t of tools) {
      for (const name of t.inputSchema.required ?? []) {
        assert.ok(name in (t.inputSchema.properties ?? {}), `${t.name}: required '${name}' is not a declared property`);
      }
    }
  });

  test('every outputSchema declares the snake_case fields the tool returns', () => {
    const expected = {
      store_memory: ['id', 'stored', 'duplicate', 'message', 'candidates'],
      retrieve_context: ['memories', 'count'],
      search: ['results'],
      fetch: ['id', 'title', 'text', 'url', 'metadata'],
      set_project: ['project', 'created', 'memory_count', 'counts_by_type', 'message'],
      get_context_info: ['user', 'project', 'project_source', 'project_exists', 'message'],
      list_entities: ['entities', 'total_entities'],
      search_entities: ['matches'],
      link_memories: ['memory_id', 'related_id', 'relation_type', 'message'],
      delete_memory: ['memory_id', 'deleted', 'already_deleted'],
      update_memory: ['memory', 're_embedded', 'message'],
    };
    for (const [name, fields] of Object.entries(expected)) {
      const properties = Object.keys(tool(name).outputSchema?.properties ?? {});
      for (const field of fields) assert.ok(properties.includes(field), `${name}: outputSchema lacks '${field}' (has ${properties})`);
    }
  });

  test('memory_type, scope and relation_type inputs are enums of the wire values', () => {
    const prop = (name, arg) => tool(name).inputSchema.properties?.[arg];
    assert.deepEqual(prop('store_memory', 'memory_type')?.enum, MEMORY_TYPES);
    assert.deepEqual(prop('store_memory', 'scope')?.enum, SCOPES);
    assert.deepEqual(prop('update_memory', 'memory_type')?.enum, MEMORY_TYPES);
    assert.deepEqual(prop('update_memory', 'scope')?.enum, SCOPES);
    assert.deepEqual(prop('list_entities', 'memory_type')?.enum, MEMORY_TYPES);
    assert.deepEqual(prop('list_entities', 'scope')?.enum, SCOPES);
    assert.deepEqual(prop('search_entities', 'scope')?.enum, SCOPES);
    assert.deepEqual(prop('retrieve_context', 'scope')?.enum, SCOPES);
    assert.deepEqual(prop('link_memories', 'relation_type')?.enum, RELATIONS);
  });

  test('retrieve_context memory_type is an array of memory type enums', () => {
    const memoryType = tool('retrieve_context').inputSchema.properties?.memory_type;
    assert.equal(memoryType?.type, 'array');
    assert.deepEqual(memoryType.items?.enum, MEMORY_TYPES);
  });

  test('store_memory relation_types maps ids to relation enums', () => {
    const relationTypes = tool('store_memory').inputSchema.properties?.relation_types;
    assert.equal(relationTypes?.type, 'object');
    assert.deepEqual(relationTypes.additionalProperties?.enum, RELATIONS);
  });

  test('numeric inputs declare their bounds and defaults', () => {
    const prop = (name, arg) => tool(name).inputSchema.properties?.[arg] ?? {};
    assert.deepEqual(pick(prop('retrieve_context', 'limit')), { type: 'integer', minimum: 1, maximum: 100, default: 10 });
    assert.deepEqual(pick(prop('retrieve_context', 'score_threshold')), { type: 'number', minimum: 0, maximum: 1, default: 0 });
    assert.deepEqual(pick(prop('retrieve_context', 'recency_weight')), { type: 'number', minimum: 0, maximum: 1, default: 0 });
    assert.deepEqual(pick(prop('retrieve_context', 'include_related')), { type: 'boolean', default: true });
    assert.deepEqual(pick(prop('retrieve_context', 'include_superseded')), { type: 'boolean', default: false });
    assert.equal(prop('retrieve_context', 'created_after').type, 'string');
    assert.equal(prop('retrieve_context', 'created_before').type, 'string');
    assert.deepEqual(pick(prop('list_entities', 'limit')), { type: 'integer', minimum: 1, maximum: 500, default: 50 });
    assert.equal(prop('search_entities', 'limit').default, 5);
    assert.equal(prop('search_entities', 'limit').minimum, 1);
  });

  test('every input property has a description', () => {
    for (const t of tools) {
      for (const [name, schema] of Object.entries(t.inputSchema.properties ?? {})) {
        assert.ok(schema.description?.length > 0, `${t.name}.${name} has no description`);
      }
    }
  });
});

function pick({ type, minimum, maximum, default: def }) {
  return Object.fromEntries(Object.entries({ type, minimum, maximum, default: def }).filter(([, v]) => v !== undefined));
}

describe('tools/list on a fresh server', () => {
  const CLIENTS = 8;
  let server;
  let clients = [];

  before(async () => {
    server = await startServer();
    clients = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => connect(server.url, { name: `first-list-${i}` })));
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await stop(server);
  });

  test(`${CLIENTS} clients listing the tools at the same moment all get the eleven tools`, async () => {
    const lists = await Promise.allSettled(clients.map((c) => c.listTools()));
    for (const list of lists) {
      assert.equal(list.status, 'fulfilled', String(list.reason));
      assert.equal(list.value.tools.length, READ_TOOLS.length + WRITE_TOOLS.length);
    }
  });
});
