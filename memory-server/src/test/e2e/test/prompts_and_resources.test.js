// What a client gets besides tools, through the SDK client's own methods: the instructions of initialize, the recall
// and remember prompts with completions, and memories listed and read as memory://{id} resources.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { call, connect } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

const SERVED_INSTRUCTIONS = readFileSync(new URL('../../../main/resources/mcp/instructions.md', import.meta.url), 'utf8').trim();

describe('initialize', () => {
  let client;
  before(async () => { client = await connect((await sharedServer()).url); });
  after(() => client?.close());

  test('returns the instructions of mcp/instructions.md', () => {
    assert.equal(client.getInstructions(), SERVED_INSTRUCTIONS);
  });

  test('advertises prompts, resources and completions, and no changing tool list', () => {
    const capabilities = client.getServerCapabilities();
    assert.ok(capabilities.prompts, 'prompts');
    assert.ok(capabilities.resources, 'resources');
    assert.ok(capabilities.completions, 'completions');
    assert.equal(capabilities.tools?.listChanged, undefined);
  });
});

describe('prompts', () => {
  let client;
  const project = unique('prompts');
  const entity = unique('quokka-deploys');

  before(async () => {
    client = await connect((await sharedServer()).url);
    await call(client, 'store_memory', {
      text: 'Deploys of the quokka service go out on Thursdays after the smoke tests pass.',
      memory_type: 'project_context', scope: 'project', entity, project,
    });
  });
  after(() => client?.close());

  test('lists recall (project, topic) and remember (project), all arguments optional', async () => {
    const { prompts } = await client.listPrompts();
    const byName = Object.fromEntries(prompts.map((p) => [p.name, p]));
    assert.deepEqual(byName.recall.arguments.map((a) => a.name), ['project', 'topic']);
    assert.deepEqual(byName.remember.arguments.map((a) => a.name), ['project']);
    for (const argument of [...byName.recall.arguments, ...byName.remember.arguments]) {
      assert.ok(!argument.required, `${argument.name} is optional`);
    }
  });

  test('recall puts the matching memories into a user message, with their memory:// addresses', async () => {
    const { messages } = await client.getPrompt({ name: 'recall', arguments: { project, topic: 'when do deploys go out' } });
    assert.equal(messages.length, 1);
    assert.equal(messages[0].role, 'user');
    assert.match(messages[0].content.text, /Deploys of the quokka service go out on Thursdays/);
    assert.match(messages[0].content.text, /memory:\/\/[0-9a-f-]{36}/);
  });

  test('remember asks to store the session with scopes and to record a changed fact with supersedes', async () => {
    const { messages } = await client.getPrompt({ name: 'remember', arguments: { project } });
    for (const word of ['store_memory', 'search_entities', 'supersedes', 'obsolete', project]) {
      assert.ok(messages[0].content.text.includes(word), word);
    }
  });

  test("recall's and remember's project complete to the caller's project names", async () => {
    for (const name of ['recall', 'remember']) {
      const { completion } = await client.complete({ ref: { type: 'ref/prompt', name }, argument: { name: 'project', value: project.slice(0, 12) } });
      assert.ok(completion.values.includes(project), `${name}: ${JSON.stringify(completion)}`);
    }
  });

  test("recall's topic completes to the caller's entity names", async () => {
    const { completion } = await client.complete({
      ref: { type: 'ref/prompt', name: 'recall' },
      argument: { name: 'topic', value: entity.slice(0, 12) },
    });
    assert.ok(completion.values.includes(entity), JSON.stringify(completion));
  });
});

describe('resources', () => {
  let client;
  const project = unique('resources');
  let stored;
  // Stored one after the other, a few milliseconds apart, so that their order of creation is certain.
  const inOrder = [];
  const store = (text, entity) => call(client, 'store_memory', { text, memory_type: 'project_context', scope: 'project', entity, project });

  /** Every page of resources/list, following nextCursor. */
  async function listAll() {
    const pages = [];
    let cursor;
    do {
      const page = await client.listResources(cursor ? { cursor } : {});
      pages.push(page.resources);
      cursor = page.nextCursor;
    } while (cursor);
    return pages;
  }

  before(async () => {
    client = await connect((await sharedServer()).url);
    stored = await store('The wombat cache is flushed every night at 02:00 UTC.', 'wombat-cache');
    for (let i = 0; i < 55; i += 5) {
      await Promise.all([0, 1, 2, 3, 4].map((j) => store(`Numbat ledger entry ${i + j} is reconciled weekly.`, 'numbat-ledger')));
    }
    for (const word of ['first', 'second', 'third']) {
      inOrder.push((await store(`The ${word} quoll rota starts on Monday.`, 'quoll-rota')).id);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });
  after(() => client?.close());

  test("lists the caller's memories newest first, as memory:// resources titled by entity and text", async () => {
    const listed = (await listAll()).flat();
    const positions = [...inOrder].reverse().map((id) => listed.findIndex((r) => r.uri === `memory://${id}`));
    assert.ok(positions[0] >= 0 && positions[0] < positions[1] && positions[1] < positions[2], JSON.stringify(positions));
    const newest = listed[positions[0]];
    assert.equal(newest.title, 'quoll-rota: The third quoll rota starts on Monday.');
    assert.equal(newest.mimeType, 'application/json');
    assert.ok(!Number.isNaN(Date.parse(newest.annotations.lastModified)), JSON.stringify(newest));
  });

  test('paging with nextCursor lists every memory exactly once, 50 at most a page', async () => {
    const pages = await listAll();
    assert.ok(pages.length > 1, `${pages.length} page(s)`);
    assert.ok(pages.every((page) => page.length <= 50), pages.map((page) => page.length).join(','));
    const uris = pages.flat().map((r) => r.uri);
    assert.equal(new Set(uris).size, uris.length, 'no memory twice');
    for (const id of [stored.id, ...inOrder]) assert.ok(uris.includes(`memory://${id}`), id);
  });

  test('each listed uri reads back with resources/read', async () => {
    const { resources } = await client.listResources();
    for (const resource of resources) {
      const { contents } = await client.readResource({ uri: resource.uri });
      assert.equal(contents[0].uri, resource.uri);
      assert.equal(`memory://${JSON.parse(contents[0].text).id}`, resource.uri);
    }
  });

  test('a cursor the server did not give out is an invalid-params error', async () => {
    await assert.rejects(client.listResources({ cursor: 'not-a-cursor' }), (error) => {
      assert.ok(error instanceof McpError, String(error));
      assert.equal(error.code, -32602);
      assert.match(error.message, /cursor/);
      return true;
    });
  });

  test('lists the memory://{id} template', async () => {
    const { resourceTemplates } = await client.listResourceTemplates();
    const template = resourceTemplates.find((t) => t.uriTemplate === 'memory://{id}');
    assert.ok(template, JSON.stringify(resourceTemplates));
    assert.equal(template.mimeType, 'application/json');
  });

  test('reading the url that fetch returns gives what fetch returns', async () => {
    const fetched = await call(client, 'fetch', { id: stored.id });
    const { contents } = await client.readResource({ uri: fetched.url });
    assert.equal(contents.length, 1);
    assert.equal(contents[0].uri, fetched.url);
    assert.equal(contents[0].mimeType, 'application/json');
    assert.deepEqual(JSON.parse(contents[0].text), fetched);
  });

  test('an unknown id is a resource-not-found error naming the id', async () => {
    const id = randomUUID();
    await assert.rejects(client.readResource({ uri: `memory://${id}` }), (error) => {
      assert.ok(error instanceof McpError, String(error));
      assert.equal(error.code, -32002);
      assert.match(error.message, new RegExp(`No memory with id '${id}' exists`));
      return true;
    });
  });
});
