// Two server processes behind a round-robin proxy, as two replicas behind a Kubernetes Service without session
// affinity: consecutive requests of one client land on different replicas, and the client carries on, because a
// session id is a token signed with the key both replicas share (MEMORY_HTTP_SESSION_KEY), not state in one process.
//
// Each replica has an embedded store of its own (separate data directories): what these tests show is that the
// session continues across replicas, not that the replicas share memories (a shared Qdrant does that in a cluster).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { MCP_SCOPES, signToken, startAuthorizationServer } from '../lib/authorization-server.js';
import { startAuthModeServer } from '../lib/auth-shared.js';
import { initializeRequest, openSession, post, toolsListRequest } from '../lib/http-mcp.js';
import { call, connect } from '../lib/mcp.js';
import { startRoundRobinProxy } from '../lib/round-robin-proxy.js';
import { freePort, startServer, stop } from '../lib/server.js';
import { unique } from '../lib/shared.js';

const sessionKey = () => randomBytes(32).toString('base64');
const ping = (id = 9) => ({ jsonrpc: '2.0', id, method: 'ping' });

/** A session id signed by the local-mode replicas, offered to the auth-mode ones (which have another key). */
let idFromAnotherKey;

/** POST without an MCP-Protocol-Version header, so that the server goes by the version the session agreed on. */
async function postWithoutVersion(url, body, sessionId) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...(sessionId ? { 'Mcp-Session-Id': sessionId } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, sessionId: response.headers.get('mcp-session-id'), text: await response.text() };
}

/** The JSON-RPC messages of a JSON or an SSE answer. */
function messagesOf(text) {
  const events = text.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).filter(Boolean);
  return (events.length ? events : [text]).map((data) => JSON.parse(data));
}

async function sessionOf(url, protocolVersion) {
  const init = await postWithoutVersion(url, { ...initializeRequest(), params: { ...initializeRequest().params, protocolVersion } });
  assert.equal(init.status, 200, init.text);
  assert.equal((await postWithoutVersion(url, { jsonrpc: '2.0', method: 'notifications/initialized' }, init.sessionId)).status, 202);
  return init.sessionId;
}

describe('two replicas in local mode, each with its own embedded store, behind a round-robin proxy', () => {
  let replicas;
  let proxy;

  before(async () => {
    const env = { MEMORY_HTTP_SESSION_KEY: sessionKey() };
    replicas = await Promise.all([startServer({ env }), startServer({ env })]);
    proxy = await startRoundRobinProxy(replicas.map((replica) => replica.baseUrl));
  });
  after(async () => {
    await proxy?.close();
    await Promise.all((replicas ?? []).map((replica) => stop(replica)));
  });

  test('one SDK client keeps its session while its requests alternate between the replicas, and every request succeeds', async () => {
    const client = await connect(proxy.url, { name: 'replicas-e2e' });
    const project = unique('replicas');
    try {
      assert.ok((await client.listTools()).tools.some((tool) => tool.name === 'store_memory'));
      for (let round = 0; round < 3; round++) {
        const stored = await call(client, 'store_memory', { text: `Round ${round} of ${project}: the deploy runs on Tuesdays.`, memory_type: 'project_context', scope: 'project', project, entity: 'deploys' });
        assert.equal(stored.stored, true);
        assert.ok(Array.isArray((await call(client, 'retrieve_context', { query: 'when does the deploy run', project })).memories));
        assert.ok(Array.isArray((await client.listResources()).resources));
        assert.equal((await call(client, 'get_context_info', {})).user, 'local');
        await client.ping();
        assert.ok((await client.listPrompts()).prompts.length > 0);
      }
    } finally {
      await client.close();
    }
    const sent = proxy.exchanges.filter((exchange) => exchange.method === 'POST');
    assert.ok(sent.length >= 20, `${sent.length} POSTs`);
    assert.deepEqual(sent.filter((exchange) => exchange.status >= 400), [], 'no request failed');
    for (const replica of replicas) {
      assert.ok(sent.filter((exchange) => exchange.target === replica.baseUrl && exchange.sessionId).length >= 5, `${replica.baseUrl} served requests of the session`);
    }
    const ids = new Set(sent.map((exchange) => exchange.sessionId).filter(Boolean));
    assert.equal(ids.size, 1, 'one session id throughout');
    assert.match([...ids][0], /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'the session id is a signed token, not the MCP layer\'s connection id');
    idFromAnotherKey = [...ids][0];
  });

  test('the replica that did not open a session goes by the protocol version the session agreed on: batches only in 2025-03-26', async () => {
    const [opener, other] = replicas;
    const batch = [ping(1), ping(2)];
    const old = await sessionOf(opener.url, '2025-03-26');
    const answer = await postWithoutVersion(other.url, batch, old);
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(messagesOf(answer.text).flat().map((message) => message.id).sort(), [1, 2]);
    const newer = await sessionOf(opener.url, '2025-06-18');
    const refused = await postWithoutVersion(other.url, batch, newer);
    assert.equal(refused.status, 400, refused.text);
    assert.match(refused.text, /2025-06-18 has no JSON-RPC batches/);
  });

  test('a DELETE ends the session on the replica that receives it; the other replica accepts the id until it expires', async () => {
    const [first, second] = replicas;
    const sessionId = await sessionOf(first.url, '2025-11-25');
    assert.equal((await post(second.url, ping(), { sessionId })).status, 200);
    assert.equal((await post(first.url, undefined, { method: 'DELETE', sessionId })).status, 200);
    const ended = await post(first.url, ping(), { sessionId });
    assert.equal(ended.status, 404);
    assert.equal(ended.messages[0]?.error?.code, -32001);
    assert.equal((await post(second.url, ping(), { sessionId })).status, 200, 'the other replica still accepts it');
    assert.equal((await post(second.url, undefined, { method: 'DELETE', sessionId })).status, 200);
    assert.equal((await post(second.url, ping(), { sessionId })).status, 404);
  });

  test('a GET stream opens on a replica that never saw the session', async () => {
    const [first, second] = replicas;
    const sessionId = await sessionOf(first.url, '2025-11-25');
    const stream = await post(second.url, undefined, { method: 'GET', sessionId, headers: { Accept: 'text/event-stream' } });
    assert.equal(stream.status, 200);
    assert.match(stream.contentType, /text\/event-stream/);
    assert.equal(stream.sessionId, null, 'no connection id of the MCP layer leaks');
  });

  test('forged and altered session ids get 404 on every replica', async () => {
    const genuine = await sessionOf(replicas[0].url, '2025-11-25');
    const [payload, signature] = genuine.split('.');
    const altered = `${payload}.${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    for (const sessionId of [altered, `${payload}.`, '6b1c3f0e-2a4d-4b8e-9c1f-7d5e3a2b1c0d', 'forged']) {
      for (const replica of replicas) {
        const answer = await post(replica.url, ping(), { sessionId });
        assert.equal(answer.status, 404, `${sessionId} on ${replica.baseUrl}`);
        assert.equal(answer.messages[0]?.error?.code, -32001);
      }
    }
  });
});

describe('two replicas in auth mode behind a round-robin proxy', () => {
  let authorizationServer;
  let replicas;
  let proxy;
  let resource;
  const targets = [];
  const tokenFor = (sub) => signToken({ iss: authorizationServer.issuer, aud: resource, sub, scope: MCP_SCOPES });

  before(async () => {
    authorizationServer = await startAuthorizationServer();
    proxy = await startRoundRobinProxy(targets);
    resource = `http://localhost:${proxy.port}/mcp`;
    const env = { MEMORY_HTTP_SESSION_KEY: sessionKey(), MEMORY_PUBLIC_URL: `http://localhost:${proxy.port}` };
    replicas = await Promise.all([0, 1].map(async () => startAuthModeServer(authorizationServer.issuer, { env, port: await freePort() })));
    targets.push(...replicas.map((replica) => replica.baseUrl));
  });
  after(async () => {
    await proxy?.close();
    await Promise.all((replicas ?? []).map((replica) => stop(replica)));
    await authorizationServer?.stop();
  });

  test("alice's session continues on both replicas, and bob's token with alice's session id gets 403 on each of them", async () => {
    const alice = await tokenFor(unique('alice'));
    const bob = await tokenFor(unique('bob'));
    const url = `http://localhost:${proxy.port}/mcp`;
    const sessionId = await openSession(url, alice);
    for (let i = 0; i < 4; i++) {
      assert.equal((await post(url, toolsListRequest(), { token: alice, sessionId })).status, 200);
    }
    assert.deepEqual(new Set(proxy.exchanges.map((exchange) => exchange.target)), new Set(targets));
    for (const replica of replicas) {
      const answer = await post(replica.url, toolsListRequest(), { token: bob, sessionId });
      assert.equal(answer.status, 403, `bob on ${replica.baseUrl}`);
    }
  });

  test('a session id signed with another key (the local-mode replicas\' one) gets 404 on both replicas', async () => {
    assert.ok(idFromAnotherKey, 'the local-mode test ran first');
    const token = await tokenFor(unique('alice'));
    for (const replica of replicas) {
      const answer = await post(replica.url, toolsListRequest(), { token, sessionId: idFromAnotherKey });
      assert.equal(answer.status, 404, replica.baseUrl);
      assert.equal(answer.messages[0]?.error?.code, -32001);
    }
  });
});
