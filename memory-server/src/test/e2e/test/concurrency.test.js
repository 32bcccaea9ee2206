// Concurrent clients lose no writes: 8 SDK clients store in parallel, then 8 clients link different memories to the
// same memory at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sentences } from '../lib/corpus.js';
import { call, connect } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

const CLIENTS = 8;
const PER_CLIENT = 10;

describe('concurrent clients', () => {
  let clients;
  const project = unique('concurrency');

  before(async () => {
    const { url } = await sharedServer();
    clients = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => connect(url, { name: `concurrent-${i}` })));
  });
  after(() => Promise.all((clients ?? []).map((c) => c.close())));

  test(`${CLIENTS} clients storing ${PER_CLIENT} memories each in parallel: every memory is stored and present`, async () => {
    const texts = sentences(CLIENTS * PER_CLIENT, { seed: 31, marker: project });
    const perClient = await Promise.all(clients.map(async (client, c) => {
      const ids = [];
      for (let i = 0; i < PER_CLIENT; i++) {
        const result = await call(client, 'store_memory', {
          text: texts[c * PER_CLIENT + i], memory_type: 'episodic', scope: 'project', entity: `writer-${c}`, project,
        });
        assert.equal(result.stored, true, JSON.stringify(result));
        ids.push(result.id);
      }
      return ids;
    }));
    const ids = perClient.flat();
    assert.equal(new Set(ids).size, CLIENTS * PER_CLIENT, 'every store got its own id');
    for (const [i, id] of ids.entries()) {
      assert.equal((await call(clients[i % CLIENTS], 'fetch', { id })).text, texts[i]);
    }
    const { entities, total_entities } = await call(clients[0], 'list_entities', { project, limit: 500 });
    assert.equal(total_entities, CLIENTS);
    assert.deepEqual(entities.map((e) => e.count), Array(CLIENTS).fill(PER_CLIENT));
    const summary = await call(clients[0], 'set_project', { project });
    assert.equal(summary.memory_count, CLIENTS * PER_CLIENT);
  });

  test(`${CLIENTS} clients linking different targets to the same memory at once: no link is lost`, async () => {
    const hub = (await call(clients[0], 'store_memory', {
      text: 'The hub decision: all services publish domain events to the shared event bus.',
      memory_type: 'project_context', scope: 'project', entity: 'event-bus', project,
    })).id;
    const targets = [];
    const texts = sentences(CLIENTS * 2, { seed: 97, marker: `${project}-targets` });
    for (let i = 0; i < CLIENTS * 2; i++) {
      targets.push((await call(clients[i % CLIENTS], 'store_memory', {
        text: texts[i], memory_type: 'project_context', scope: 'project', entity: `service-${i}`, project,
      })).id);
    }
    // Half the clients add outgoing links from the hub, the other half incoming links to it, all at the same time.
    await Promise.all(clients.map((client, c) => Promise.all([
      call(client, 'link_memories', { memory_id: hub, related_id: targets[c], relation_type: 'supports' }),
      call(client, 'link_memories', { memory_id: targets[CLIENTS + c], related_id: hub, relation_type: 'depends_on' }),
    ])));
    const { related } = await call(clients[0], 'fetch', { id: hub });
    const outgoing = related.filter((r) => r.direction === 'outgoing').map((r) => r.id).sort();
    const incoming = related.filter((r) => r.direction === 'incoming').map((r) => r.id).sort();
    assert.deepEqual(outgoing, targets.slice(0, CLIENTS).sort());
    assert.deepEqual(incoming, targets.slice(CLIENTS).sort());
    for (const [i, target] of targets.entries()) {
      const links = (await call(clients[0], 'fetch', { id: target })).related;
      assert.deepEqual(links.map((r) => [r.id, r.direction]), [[hub, i < CLIENTS ? 'incoming' : 'outgoing']]);
    }
  });
});
