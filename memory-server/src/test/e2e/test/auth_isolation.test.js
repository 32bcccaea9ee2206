// Per-user isolation in auth mode: alice and bob, each with a real access token from the authorization server, share
// one memory server. bob attacks alice through every tool and gets nothing: no hit, no count, no entity, no link, no
// change, and a foreign memory id is answered byte for byte like an id that does not exist.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { signToken } from '../lib/authorization-server.js';
import { sharedAuthServer } from '../lib/auth-shared.js';
import { call, connect, rawCall } from '../lib/mcp.js';
import { obtainToken } from '../lib/oauth-client.js';
import { unique } from '../lib/shared.js';

describe('isolation between users in auth mode', () => {
  let server;
  let alice;
  let bob;
  // The same project, task and tag names for both users: names are per user, never shared.
  const project = unique('shared-name');
  const task = 'TASK-7';
  const marker = `ZQX${Date.now().toString(36).toUpperCase()}`;
  const entity = unique('alice-vault');
  const texts = {
    global: `Alice keeps the recovery codes for ${marker} in the blue notebook on her desk.`,
    project: `In ${project} the payment provider's API key rotates on the first Monday (${marker}).`,
    task: `For ${task}, the staging database password hint is the name of the office plant (${marker}).`,
  };
  const ids = {};
  // Subjects of this run only (other auth tests log in as alice too).
  const subjects = { alice: unique('alice'), bob: unique('bob') };

  const connectAs = async (user) => {
    const token = await obtainToken({ issuer: server.issuer, resource: server.resource, user });
    return connect(server.url, { headers: { Authorization: `Bearer ${token}` }, name: `isolation-${user}` });
  };

  /** A tool call's whole result with `id` replaced, to compare a foreign id's answer with an unknown id's. */
  const answerFor = async (client, tool, args, id) => JSON.stringify(await rawCall(client, tool, args)).replaceAll(id, '<id>');

  /** bob calling `tool` with alice's id answers exactly as with an id that exists nowhere. */
  async function assertLooksMissing(tool, argsFor) {
    for (const [name, aliceId] of Object.entries(ids)) {
      const unknownId = randomUUID();
      const foreign = await answerFor(bob, tool, argsFor(aliceId), aliceId);
      const missing = await answerFor(bob, tool, argsFor(unknownId), unknownId);
      assert.match(foreign, /"isError":true/, `${tool} with alice's ${name} memory must fail: ${foreign}`);
      assert.match(foreign, /No memory with id '<id>' exists/, `${tool}: ${foreign}`);
      assert.equal(foreign, missing, `${tool} with alice's ${name} memory id answers differently from an unknown id`);
    }
  }

  /** What alice sees of her own memories, to check bob changed nothing. */
  const aliceView = async () => Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([name, id]) => [name, await call(alice, 'fetch', { id })])));
  let before_;

  before(async () => {
    server = await sharedAuthServer();
    [alice, bob] = await Promise.all([connectAs(subjects.alice), connectAs(subjects.bob)]);
    ids.global = (await call(alice, 'store_memory', { text: texts.global, memory_type: 'core_identity', scope: 'global', entity, tags: [marker] })).id;
    ids.project = (await call(alice, 'store_memory', { text: texts.project, memory_type: 'project_context', scope: 'project', entity, project, tags: [marker] })).id;
    ids.task = (await call(alice, 'store_memory', { text: texts.task, memory_type: 'task_instruction', scope: 'task', entity, project, task_id: task })).id;
    await call(alice, 'link_memories', { memory_id: ids.project, related_id: ids.global, relation_type: 'depends_on' });
    before_ = await aliceView();
  });
  after(() => Promise.all([alice?.close(), bob?.close()]));

  test('each user is told their own partition: the issuer and their subject', async () => {
    assert.equal((await call(alice, 'get_context_info', {})).user, `${server.issuer}#${subjects.alice}`);
    assert.equal((await call(bob, 'get_context_info', {})).user, `${server.issuer}#${subjects.bob}`);
  });

  test("bob's retrieve_context finds none of alice's memories, whatever the filters", async () => {
    const queries = [
      { query: marker },
      { query: texts.global },
      { query: texts.project, project },
      { query: texts.task, project, task_id: task },
      { query: marker, scope: 'global' },
      { query: marker, scope: 'project', project },
      { query: marker, scope: 'task', project, task_id: task },
      { query: marker, memory_type: ['core_identity', 'project_context', 'task_instruction', 'episodic'] },
      { query: marker, status: 'active', include_related: true },
      ...Object.values(ids).map((id) => ({ query: id })),
      { query: 'recovery codes notebook payment provider key staging password', limit: 100, score_threshold: 0 },
    ];
    for (const args of queries) {
      const { memories } = await call(bob, 'retrieve_context', args);
      assert.deepEqual(memories, [], `retrieve_context(${JSON.stringify(args)}) showed bob ${JSON.stringify(memories)}`);
    }
    const own = await call(alice, 'retrieve_context', { query: marker, project, task_id: task, limit: 10 });
    assert.deepEqual(own.memories.map((m) => m.id).sort(), Object.values(ids).sort(), 'alice herself finds all three');
  });

  test("bob's search finds none of alice's memories, not even by their ids", async () => {
    for (const query of [marker, texts.global, texts.project, ...Object.values(ids)]) {
      const { results } = await call(bob, 'search', { query });
      assert.deepEqual(results, [], `search(${query})`);
    }
  });

  test("bob fetching alice's memory ids gets the same answer as for ids that do not exist", async () => {
    await assertLooksMissing('fetch', (id) => ({ id }));
  });

  test("bob reading alice's memory:// urls gets the same error as for ids that do not exist", async () => {
    const errorFor = async (id) => {
      try {
        await bob.readResource({ uri: `memory://${id}` });
        return 'read';
      } catch (error) {
        return JSON.stringify({ code: error.code, message: error.message }).replaceAll(id, '<id>');
      }
    };
    for (const [name, aliceId] of Object.entries(ids)) {
      const foreign = await errorFor(aliceId);
      assert.match(foreign, /"code":-32002.*No memory with id '<id>' exists/, `alice's ${name} memory: ${foreign}`);
      assert.equal(foreign, await errorFor(randomUUID()), `alice's ${name} memory answers differently from an unknown id`);
    }
  });

  test("bob's recall prompt and its topic completion show nothing of alice's", async () => {
    const { messages } = await bob.getPrompt({ name: 'recall', arguments: { project, topic: marker } });
    assert.match(messages[0].content.text, /holds nothing yet/);
    const { completion } = await bob.complete({ ref: { type: 'ref/prompt', name: 'recall' }, argument: { name: 'topic', value: entity.slice(0, 8) } });
    assert.deepEqual(completion.values, []);
    const projects = await bob.complete({ ref: { type: 'ref/prompt', name: 'recall' }, argument: { name: 'project', value: project } });
    assert.deepEqual(projects.completion.values, [], "bob has no project yet; alice's is not offered");
  });

  test("bob sees none of alice's entities in list_entities, with or without her project or scope", async () => {
    for (const args of [{}, { project }, { scope: 'global' }, { scope: 'project', project }, { memory_type: 'core_identity' }, { limit: 500 }]) {
      const { entities } = await call(bob, 'list_entities', args);
      assert.deepEqual(entities, [], `list_entities(${JSON.stringify(args)})`);
    }
  });

  test("bob's search_entities does not find alice's entity names", async () => {
    for (const args of [{ query: entity }, { query: entity, scope: 'global' }, { query: entity.slice(0, 8), limit: 50 }]) {
      const { matches } = await call(bob, 'search_entities', args);
      assert.deepEqual(matches, [], `search_entities(${JSON.stringify(args)})`);
    }
  });

  test("get_context_info tells bob that alice's project name does not exist for him", async () => {
    const info = await call(bob, 'get_context_info', { cwd: `/home/bob/src/${project}` });
    assert.equal(info.project, project);
    assert.equal(info.project_exists, false);
    assert.equal((await call(alice, 'get_context_info', { cwd: `/home/alice/src/${project}` })).project_exists, true);
  });

  test("set_project by bob on alice's project name creates his own, without her counts", async () => {
    const aliceSummary = await call(alice, 'set_project', { project });
    assert.equal(aliceSummary.created, false);
    assert.equal(aliceSummary.counts_by_type.project_context, 1);
    const bobSummary = await call(bob, 'set_project', { project });
    assert.equal(bobSummary.created, true, JSON.stringify(bobSummary));
    assert.ok(!bobSummary.counts_by_type?.task_instruction, JSON.stringify(bobSummary));
    assert.ok(bobSummary.memory_count < aliceSummary.memory_count, `bob ${JSON.stringify(bobSummary)} vs alice ${JSON.stringify(aliceSummary)}`);
    const again = await call(alice, 'set_project', { project });
    assert.equal(again.memory_count, aliceSummary.memory_count, "bob's project did not add to alice's counts");
  });

  test("link_memories with alice's id at either end answers like an unknown id, and adds no link", async () => {
    const { id: mine } = await call(bob, 'store_memory', { text: 'Bob prefers tabs over spaces in Makefiles.', memory_type: 'core_identity', scope: 'global', entity: 'bob' });
    await assertLooksMissing('link_memories', (id) => ({ memory_id: mine, related_id: id, relation_type: 'supports' }));
    await assertLooksMissing('link_memories', (id) => ({ memory_id: id, related_id: mine, relation_type: 'supersedes' }));
    assert.deepEqual((await call(bob, 'fetch', { id: mine })).related, []);
    assert.deepEqual(await aliceView(), before_);
  });

  test("update_memory on alice's ids answers like an unknown id and changes nothing", async () => {
    await assertLooksMissing('update_memory', (id) => ({ memory_id: id, text: 'Overwritten by bob.', status: 'obsolete', tags: ['pwned'] }));
    assert.deepEqual(await aliceView(), before_);
  });

  test("delete_memory on alice's ids answers like an unknown id and her memories survive", async () => {
    await assertLooksMissing('delete_memory', (id) => ({ memory_id: id }));
    assert.deepEqual(await aliceView(), before_);
  });

  test("store_memory related_to alice's id is refused like an unknown id and stores nothing", async () => {
    const text = `Bob tries to hang a note on alice's memory ${marker}-${randomUUID()}.`;
    await assertLooksMissing('store_memory', (id) => ({ text, memory_type: 'episodic', scope: 'global', entity: 'bob', related_to: [id], relation_types: { [id]: 'supports' } }));
    const { results } = await call(bob, 'search', { query: text });
    assert.ok(!results.some((r) => r.title.includes('hang a note')), `a refused store left a memory: ${JSON.stringify(results)}`);
    assert.deepEqual(await aliceView(), before_);
  });

  test("bob storing alice's exact text is a new memory of his, not a duplicate of hers", async () => {
    for (const [name, args] of [
      ['global', { text: texts.global, memory_type: 'core_identity', scope: 'global', entity }],
      ['project', { text: texts.project, memory_type: 'project_context', scope: 'project', entity, project }],
      ['task', { text: texts.task, memory_type: 'task_instruction', scope: 'task', entity, project, task_id: task }],
    ]) {
      const stored = await call(bob, 'store_memory', args);
      assert.equal(stored.duplicate, false, `${name}: ${JSON.stringify(stored)}`);
      assert.equal(stored.stored, true, `${name}: ${JSON.stringify(stored)}`);
      assert.notEqual(stored.id, ids[name]);
      assert.equal(stored.similarity, undefined, `${name}: no similarity to alice's memory is disclosed`);
      // A second store by bob is a duplicate of his own copy: detection works, inside his partition.
      const again = await call(bob, 'store_memory', args);
      assert.equal(again.duplicate, true);
      assert.equal(again.id, stored.id);
    }
  });

  test('subjects that look like wildcards or query syntax get empty partitions of their own', async () => {
    for (const sub of ['*', `${subjects.alice}*`, '?', `${subjects.alice} OR ${subjects.bob}`, 'user:*', '"" OR ""']) {
      const token = await signToken({ iss: server.issuer, aud: server.resource, sub, scope: 'mcp:read mcp:write' });
      const intruder = await connect(server.url, { headers: { Authorization: `Bearer ${token}` }, name: 'isolation-wildcard' });
      try {
        assert.equal((await call(intruder, 'get_context_info', {})).user, `${server.issuer}#${sub}`);
        assert.deepEqual((await call(intruder, 'retrieve_context', { query: marker, limit: 100, score_threshold: 0 })).memories, [], `sub ${sub}`);
        assert.deepEqual((await call(intruder, 'search', { query: marker })).results, [], `sub ${sub}`);
        assert.deepEqual((await call(intruder, 'list_entities', { limit: 500 })).entities, [], `sub ${sub}`);
      } finally {
        await intruder.close();
      }
    }
  });

  test("alice sees nothing of bob's memories either, although they carry her words", async () => {
    const { memories } = await call(alice, 'retrieve_context', { query: marker, project, task_id: task, limit: 100, score_threshold: 0 });
    assert.deepEqual(memories.map((m) => m.id).sort(), Object.values(ids).sort());
    const { entities } = await call(alice, 'list_entities', { limit: 500 });
    assert.deepEqual(entities.map((e) => e.entity), [entity], 'bob stored under her entity name, in his partition only');
    assert.equal(entities[0].count, 3);
    assert.deepEqual(await aliceView(), before_);
  });

  test("resources/list shows alice exactly her memories and bob none of them", async () => {
    const uris = async (client) => (await client.listResources()).resources.map((r) => r.uri);
    assert.deepEqual((await uris(alice)).sort(), Object.values(ids).map((id) => `memory://${id}`).sort());
    const bobs = await uris(bob);
    for (const id of Object.values(ids)) assert.ok(!bobs.includes(`memory://${id}`), `bob lists alice's ${id}`);
  });
});
