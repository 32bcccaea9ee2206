// search_entities: fuzzy, case- and format-insensitive entity names ('k8s' finds 'Kubernetes').
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, callError, connect } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

describe('search_entities', () => {
  let client;
  const project = unique('entsearch');

  before(async () => {
    client = await connect((await sharedServer()).url);
    const store = (entity, text) => call(client, 'store_memory', { text, memory_type: 'project_context', scope: 'project', entity, project });
    await store('Kubernetes', 'Workloads run on a managed Kubernetes cluster with three node pools.');
    await store('Kubernetes', 'Kubernetes namespaces are created per team with resource quotas.');
    await store('kubernetes-operator', 'The memory operator reconciles MemoryServer custom resources.');
    await store('PostgreSQL', 'PostgreSQL backups are taken with pgBackRest to object storage.');
  });
  after(() => client?.close());

  const names = async (query, args = {}) => (await call(client, 'search_entities', { query, ...args })).matches.map((m) => m.entity);

  test("'k8s' finds 'Kubernetes' and 'kubernetes-operator'", async () => {
    const found = await names('k8s');
    assert.ok(found.includes('Kubernetes'), `found ${found}`);
    assert.ok(found.includes('kubernetes-operator'), `found ${found}`);
  });

  test("'kubernetes' in lower case finds 'Kubernetes' first", async () => {
    assert.equal((await names('kubernetes'))[0], 'Kubernetes');
  });

  test("'Kubernetes Operator' finds 'kubernetes-operator' first", async () => {
    assert.equal((await names('Kubernetes Operator'))[0], 'kubernetes-operator');
  });

  test("'postgres' finds 'PostgreSQL'", async () => {
    assert.ok((await names('postgres')).includes('PostgreSQL'));
  });

  test('each match has entity, score, count and last_updated, best first', async () => {
    const { matches } = await call(client, 'search_entities', { query: 'kubernetes' });
    const kubernetes = matches.find((m) => m.entity === 'Kubernetes');
    assert.equal(kubernetes.count, 2);
    assert.equal(typeof kubernetes.score, 'number');
    assert.ok(!Number.isNaN(Date.parse(kubernetes.last_updated)));
    for (let i = 1; i < matches.length; i++) assert.ok(matches[i - 1].score >= matches[i].score);
  });

  test('returns at most 5 matches by default and honours limit', async () => {
    assert.ok((await names('e')).length <= 5);
    assert.ok((await names('kubernetes', { limit: 1 })).length === 1);
  });

  test('scope global does not find project entities', async () => {
    assert.ok(!(await names('kubernetes-operator', { scope: 'global' })).includes('kubernetes-operator'));
  });

  test('a missing query is a tool error naming query', async () => {
    await callError(client, 'search_entities', {}, 'query');
  });

  test('limit 0 is a tool error naming limit', async () => {
    await callError(client, 'search_entities', { query: 'k8s', limit: 0 }, 'limit');
  });

  test('an unknown scope is a tool error naming scope', async () => {
    await callError(client, 'search_entities', { query: 'k8s', scope: 'solar' }, 'scope');
  });
});
