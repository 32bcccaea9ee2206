// Auth mode, token by token: every /mcp request needs a valid bearer token from the configured issuer, for this
// resource, in the Authorization header; tools need mcp:read / mcp:write; a session belongs to the user who opened it.
// Each refusal is checked with its exact status and WWW-Authenticate header. Tokens are signed here with the
// authorization server's own test key (so only the property under test is wrong), or issued by the authorization
// server itself.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { publicKeyForms, signToken, testKeys } from '../lib/authorization-server.js';
import { sharedAuthServer } from '../lib/auth-shared.js';
import { callTool, challenges, initializeRequest, openSession, post, toolCallRequest, toolsListRequest } from '../lib/http-mcp.js';
import { obtainToken } from '../lib/oauth-client.js';

const now = () => Math.floor(Date.now() / 1000);

describe('bearer tokens in auth mode', () => {
  let server;
  let expected;
  /** A token the server must accept, but for what `claims` and `options` change. */
  let token;

  before(async () => {
    server = await sharedAuthServer();
    expected = challenges(server.resourceMetadataUrl);
    token = (claims = {}, options = {}) => signToken({ iss: server.issuer, aud: server.resource, sub: 'token-tester', scope: 'mcp:read mcp:write', ...claims }, options);
  });

  const initialize = (options) => post(server.url, initializeRequest(), options);

  async function assertRefused(tokenValue, what) {
    const answer = await initialize({ token: tokenValue });
    assert.equal(answer.status, 401, `${what}: status (body ${answer.text})`);
    assert.match(answer.wwwAuthenticate ?? '', expected.invalid, `${what}: WWW-Authenticate`);
    assert.equal(answer.sessionId, null, `${what}: no session is opened`);
  }

  async function assertAccepted(tokenValue, what) {
    const answer = await initialize({ token: tokenValue });
    assert.equal(answer.status, 200, `${what}: status ${answer.status}, WWW-Authenticate ${answer.wwwAuthenticate}, body ${answer.text}`);
    assert.equal(answer.messages[0]?.result?.protocolVersion, '2025-11-25', `${what}: initialize answered`);
  }

  test('a request without a token gets 401 with only resource_metadata and scope in the challenge', async () => {
    const answer = await initialize({});
    assert.equal(answer.status, 401);
    assert.equal(answer.wwwAuthenticate, expected.missing);
  });

  test('an Authorization header that is not Bearer (Basic, or Bearer without a token) counts as no token', async () => {
    for (const authorization of [`Basic ${Buffer.from('alice:secret').toString('base64')}`, 'Bearer', 'Bearer ', 'Token abc']) {
      const answer = await initialize({ authorization });
      assert.equal(answer.status, 401, authorization);
      assert.equal(answer.wwwAuthenticate, expected.missing, authorization);
    }
  });

  test('a token signed with the authorization server key, for this resource, is accepted (the baseline of every refusal below)', async () => {
    await assertAccepted(await token(), 'valid token');
    await assertAccepted(await token({}, { header: { typ: 'at+jwt' } }), 'typ at+jwt');
  });

  test('the Bearer scheme name is case-insensitive', async () => {
    const answer = await initialize({ authorization: `bearer ${await token()}` });
    assert.equal(answer.status, 200);
  });

  test('a token that is not a JWT gets 401 invalid_token', async () => {
    await assertRefused('not-a-jwt', 'opaque string');
    await assertRefused('eyJhbGciOiJSUzI1NiJ9.e30.AAAA', 'JWT-shaped garbage');
  });

  test('an expired token (exp 2 minutes ago, beyond the 30 s clock skew) gets 401 invalid_token', async () => {
    await assertRefused(await token({ iat: now() - 900, exp: now() - 120 }), 'expired');
  });

  test('a token that expired 10 s ago, within the clock skew, is still accepted', async () => {
    await assertAccepted(await token({ iat: now() - 900, exp: now() - 10 }), 'expired within skew');
  });

  test('a token not yet valid (nbf 2 minutes ahead, beyond the clock skew) gets 401 invalid_token', async () => {
    await assertRefused(await token({ nbf: now() + 120 }), 'nbf in the future');
  });

  test('a token valid from 10 s ahead, within the clock skew, is accepted', async () => {
    await assertAccepted(await token({ nbf: now() + 10 }), 'nbf within skew');
  });

  test('a token without exp gets 401 invalid_token', async () => {
    await assertRefused(await token({ exp: undefined }), 'no exp');
  });

  test('a token for another audience gets 401 invalid_token', async () => {
    const { port, baseUrl } = server;
    for (const aud of [`${baseUrl}/other`, 'https://memory.example.com/mcp', `http://127.0.0.1:${port + 1}/mcp`, `${server.resource}/`, 'mcp', ['https://api.example.com', 'https://memory.example.com/mcp']]) {
      await assertRefused(await token({ aud }), `aud ${JSON.stringify(aud)}`);
    }
  });

  test('a token without an audience gets 401 invalid_token', async () => {
    await assertRefused(await token({ aud: undefined }), 'no aud');
  });

  test('a token whose audience list contains this resource is accepted', async () => {
    await assertAccepted(await token({ aud: ['https://api.example.com', server.resource] }), 'aud list');
  });

  test('a token from another issuer, signed with the same key, gets 401 invalid_token', async () => {
    for (const iss of ['https://evil.example.com', 'http://127.0.0.1:1', `${server.issuer}/`, server.issuer.replace('127.0.0.1', 'localhost')]) {
      await assertRefused(await token({ iss }), `iss ${iss}`);
    }
  });

  test('a token without iss gets 401 invalid_token', async () => {
    await assertRefused(await token({ iss: undefined }), 'no iss');
  });

  test('a token without sub gets 401 invalid_token (a user partition needs a subject)', async () => {
    await assertRefused(await token({ sub: undefined }), 'no sub');
  });

  test('a token with an empty or blank sub gets 401 invalid_token (such tokens would all share one partition)', async () => {
    await assertRefused(await token({ sub: '' }), 'empty sub');
    await assertRefused(await token({ sub: '   ' }), 'blank sub');
  });

  test('a token signed by another key under the authorization server key id gets 401 invalid_token', async () => {
    await assertRefused(await token({}, { key: testKeys.attacker, kid: testKeys.signing1.kid }), 'forged signature');
  });

  test('a token signed by a key the authorization server never published gets 401 invalid_token', async () => {
    await assertRefused(await token({}, { key: testKeys.attacker }), 'unknown kid');
  });

  test('a valid token whose payload was altered after signing gets 401 invalid_token', async () => {
    const [header, , signature] = (await token()).split('.');
    const payload = Buffer.from(JSON.stringify({ iss: server.issuer, aud: server.resource, sub: 'someone-else', scope: 'mcp:read mcp:write', iat: now(), exp: now() + 300 })).toString('base64url');
    await assertRefused(`${header}.${payload}.${signature}`, 'tampered payload');
  });

  test('an unsigned token (alg none) gets 401 invalid_token, with or without a known kid', async () => {
    await assertRefused(await token({}, { alg: 'none' }), 'alg none');
    await assertRefused(await token({}, { alg: 'none', kid: testKeys.signing1.kid }), 'alg none with kid');
    await assertRefused(await token({}, { alg: 'none', header: { alg: 'None' } }), 'alg None');
  });

  test('an HS256 token whose HMAC secret is the authorization server public key gets 401 invalid_token', async () => {
    const { pem, jwkJson } = await publicKeyForms(testKeys.signing1);
    for (const [form, secret] of [['PEM', pem], ['PEM without trailing newline', pem.trim()], ['JWK JSON', jwkJson]]) {
      await assertRefused(await token({}, { alg: 'HS256', secret, kid: testKeys.signing1.kid }), `HS256 with the public key as ${form}`);
      await assertRefused(await token({}, { alg: 'HS256', secret }), `HS256 with the public key as ${form}, no kid`);
    }
  });

  test('a valid token in the query string (access_token) counts as no token: 401 without an error', async () => {
    const url = `${server.url}?access_token=${encodeURIComponent(await token())}`;
    const answer = await post(url, initializeRequest(), {});
    assert.equal(answer.status, 401);
    assert.equal(answer.wwwAuthenticate, expected.missing);
  });

  test('the token is checked on every request of a session: a session continued without a token or with an expired one gets 401', async () => {
    const sessionId = await openSession(server.url, await token());
    const none = await post(server.url, toolsListRequest(), { sessionId });
    assert.equal(none.status, 401);
    assert.equal(none.wwwAuthenticate, expected.missing);
    const expired = await post(server.url, toolsListRequest(), { sessionId, token: await token({ iat: now() - 900, exp: now() - 120 }) });
    assert.equal(expired.status, 401);
    assert.match(expired.wwwAuthenticate, expected.invalid);
    const fresh = await post(server.url, toolsListRequest(), { sessionId, token: await token() });
    assert.equal(fresh.status, 200, 'the same user with a fresh token continues');
  });
});

describe('scopes in auth mode', () => {
  let server;
  let expected;
  let token;

  before(async () => {
    server = await sharedAuthServer();
    expected = challenges(server.resourceMetadataUrl);
    token = (claims = {}) => signToken({ iss: server.issuer, aud: server.resource, sub: 'scope-tester', ...claims });
  });

  async function session(claims) {
    const value = await token(claims);
    return { token: value, sessionId: await openSession(server.url, value) };
  }

  const retrieveArgs = { query: 'anything about scopes' };
  const storeArgs = { text: 'Scopes are checked before the tool runs.', memory_type: 'project_context', scope: 'project', entity: 'scopes', project: 'scope-tests' };

  async function assertInsufficient(caller, tool, args, scope) {
    const answer = await callTool(server.url, caller, tool, args);
    assert.equal(answer.status, 403, `${tool}: status (body ${answer.text})`);
    assert.match(answer.wwwAuthenticate ?? '', expected.insufficient(scope), `${tool}: WWW-Authenticate`);
    assert.equal(answer.result, undefined, `${tool}: the tool did not run`);
  }

  async function assertServed(caller, tool, args) {
    const answer = await callTool(server.url, caller, tool, args);
    assert.equal(answer.status, 200, `${tool}: status ${answer.status}, WWW-Authenticate ${answer.wwwAuthenticate}`);
    assert.ok(answer.result && !answer.result.isError, `${tool}: ${answer.text}`);
    return answer.result.structuredContent;
  }

  test('a read-only token (scope mcp:read) may initialize, list tools and call a read tool', async () => {
    const caller = await session({ scope: 'mcp:read' });
    const list = await post(server.url, toolsListRequest(), caller);
    assert.equal(list.status, 200);
    assert.ok(list.messages[0].result.tools.length >= 11);
    await assertServed(caller, 'retrieve_context', retrieveArgs);
  });

  test('a read-only token calling store_memory gets 403 insufficient_scope asking for mcp:write', async () => {
    await assertInsufficient(await session({ scope: 'mcp:read' }), 'store_memory', storeArgs, 'mcp:write');
  });

  test('a write-only token calling retrieve_context gets 403 insufficient_scope asking for mcp:read', async () => {
    const caller = await session({ scope: 'mcp:write' });
    await assertInsufficient(caller, 'retrieve_context', retrieveArgs, 'mcp:read');
    await assertServed(caller, 'store_memory', storeArgs);
  });

  test('a token without any scope may initialize and list tools, but every tool call gets 403', async () => {
    const caller = await session({});
    assert.equal((await post(server.url, toolsListRequest(), caller)).status, 200);
    await assertInsufficient(caller, 'retrieve_context', retrieveArgs, 'mcp:read');
    await assertInsufficient(caller, 'store_memory', storeArgs, 'mcp:write');
  });

  test('reading or listing resources, getting a prompt and completing an argument need mcp:read', async () => {
    const writer = await session({ scope: 'mcp:write' });
    const reader = await session({ scope: 'mcp:read' });
    const requests = [
      { jsonrpc: '2.0', id: 2, method: 'resources/read', params: { uri: 'memory://00000000-0000-0000-0000-000000000000' } },
      { jsonrpc: '2.0', id: 2, method: 'resources/list', params: {} },
      { jsonrpc: '2.0', id: 2, method: 'prompts/get', params: { name: 'remember', arguments: {} } },
      { jsonrpc: '2.0', id: 2, method: 'completion/complete', params: { ref: { type: 'ref/prompt', name: 'recall' }, argument: { name: 'topic', value: 'x' } } },
    ];
    for (const request of requests) {
      const refused = await post(server.url, request, writer);
      assert.equal(refused.status, 403, `${request.method}: status (body ${refused.text})`);
      assert.match(refused.wwwAuthenticate ?? '', expected.insufficient('mcp:read'), `${request.method}: WWW-Authenticate`);
      assert.equal((await post(server.url, request, reader)).status, 200, `${request.method} with mcp:read`);
    }
  });

  test('every tool needs mcp:read if annotated read-only and mcp:write otherwise', async () => {
    const reader = await session({ scope: 'mcp:read' });
    const writer = await session({ scope: 'mcp:write' });
    const { tools } = (await post(server.url, toolsListRequest(), reader)).messages[0].result;
    const readOnly = tools.filter((t) => t.annotations?.readOnlyHint === true).map((t) => t.name).sort();
    assert.deepEqual(readOnly, ['fetch', 'get_context_info', 'list_entities', 'retrieve_context', 'search', 'search_entities']);
    for (const tool of tools) {
      // Only the refused direction is called, so no write tool runs with these placeholder arguments.
      if (readOnly.includes(tool.name)) await assertInsufficient(writer, tool.name, {}, 'mcp:read');
      else await assertInsufficient(reader, tool.name, {}, 'mcp:write');
    }
  });

  test('scopes are also read from scp (string or array) and from Auth0 permissions', async () => {
    await assertServed(await session({ scp: ['mcp:read', 'mcp:write'] }), 'store_memory', { ...storeArgs, text: 'scp as an array grants mcp:write.' });
    const scpString = await session({ scp: 'mcp:read' });
    await assertServed(scpString, 'retrieve_context', retrieveArgs);
    await assertInsufficient(scpString, 'store_memory', storeArgs, 'mcp:write');
    await assertServed(await session({ permissions: ['mcp:write'] }), 'store_memory', { ...storeArgs, text: 'Auth0 permissions grant mcp:write.' });
  });

  test('a scope that only contains the name (mcp:reader, mcp:write-all, MCP:READ) grants nothing', async () => {
    const caller = await session({ scope: 'mcp:reader mcp:write-all MCP:READ mcp:read:x' });
    await assertInsufficient(caller, 'retrieve_context', retrieveArgs, 'mcp:read');
    await assertInsufficient(caller, 'store_memory', storeArgs, 'mcp:write');
  });

  test('a JSON-RPC batch cannot carry a write call past a read-only token', async () => {
    const caller = await session({ scope: 'mcp:read' });
    const batch = [toolCallRequest('retrieve_context', retrieveArgs, 7), toolCallRequest('store_memory', storeArgs, 8)];
    const answer = await post(server.url, batch, caller);
    assert.equal(answer.status, 403, answer.text);
    assert.match(answer.wwwAuthenticate ?? '', expected.insufficient('mcp:write'));
  });

  test('a duplicate "name" key cannot carry a write call past a read-only token', async () => {
    const caller = await session({ scope: 'mcp:read' });
    const marker = `smuggled-${Date.now()}`;
    const body = `{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"retrieve_context","name":"store_memory","arguments":{"query":"x","text":"${marker}","memory_type":"episodic","scope":"global","entity":"smuggle"}}}`;
    const answer = await post(server.url, body, caller);
    if (answer.status !== 403) {
      const result = answer.messages.find((m) => m.id === 9)?.result;
      assert.ok(!result?.structuredContent?.stored, `a read-only token stored a memory: ${answer.text}`);
    }
    const writer = await session({ scope: 'mcp:read mcp:write' });
    const found = await callTool(server.url, writer, 'search', { query: marker });
    assert.ok(!JSON.stringify(found.result).includes(marker), 'nothing was stored');
  });

  test('a read-only access token issued by the authorization server gets 403 on store_memory and is served on retrieve_context', async () => {
    const issued = await obtainToken({ issuer: server.issuer, resource: server.resource, scope: 'mcp:read', user: 'reader' });
    const caller = { token: issued, sessionId: await openSession(server.url, issued) };
    await assertServed(caller, 'retrieve_context', retrieveArgs);
    await assertInsufficient(caller, 'store_memory', storeArgs, 'mcp:write');
  });
});

describe('sessions in auth mode', () => {
  let server;
  let alice;
  let bob;

  before(async () => {
    server = await sharedAuthServer();
    const tokenFor = (sub) => signToken({ iss: server.issuer, aud: server.resource, sub, scope: 'mcp:read mcp:write' });
    alice = { token: await tokenFor('session-alice') };
    alice.sessionId = await openSession(server.url, alice.token);
    bob = { token: await tokenFor('session-bob') };
  });

  test("alice's session continued with bob's valid token gets 403 without a challenge", async () => {
    const answer = await callTool(server.url, { token: bob.token, sessionId: alice.sessionId }, 'retrieve_context', { query: 'anything' });
    assert.equal(answer.status, 403, answer.text);
    assert.equal(answer.wwwAuthenticate, null);
    assert.equal(answer.result, undefined);
  });

  test("bob can neither open alice's SSE stream nor end her session; she carries on", async () => {
    const stream = await post(server.url, undefined, { method: 'GET', token: bob.token, sessionId: alice.sessionId, headers: { Accept: 'text/event-stream' } });
    assert.equal(stream.status, 403);
    const end = await post(server.url, undefined, { method: 'DELETE', token: bob.token, sessionId: alice.sessionId });
    assert.equal(end.status, 403);
    const list = await post(server.url, toolsListRequest(), alice);
    assert.equal(list.status, 200, "alice's session survived");
  });

  // quarkus-mcp-server-http also serves the deprecated HTTP+SSE transport: GET /mcp/sse opens a stream whose first
  // event names a message endpoint /mcp/messages/<session>; answers to POSTs there arrive on that stream. Its session id
  // is in the path, not in Mcp-Session-Id, and it must belong to its owner all the same.
  test('the deprecated HTTP+SSE transport, whose sessions live in the URL, is not served at all', async () => {
    const stream = await fetch(`${server.baseUrl}/mcp/sse`, { headers: { Authorization: `Bearer ${alice.token}`, Accept: 'text/event-stream' } });
    assert.equal(stream.status, 404);
    const message = await post(`${server.baseUrl}/mcp/messages/some-session`, toolCallRequest('get_context_info', {}, 77), { token: bob.token });
    assert.equal(message.status, 404);
  });

  test('a session id this server never opened is answered 404, so the client starts a new session', async () => {
    const response = await post(server.url, toolsListRequest(), { token: alice.token, sessionId: 'never-opened-here' });
    assert.equal(response.status, 404);
  });

  test("bob's own session works alongside, and alice's token cannot use it either", async () => {
    const bobSession = await openSession(server.url, bob.token);
    assert.notEqual(bobSession, alice.sessionId);
    assert.equal((await post(server.url, toolsListRequest(), { token: bob.token, sessionId: bobSession })).status, 200);
    assert.equal((await post(server.url, toolsListRequest(), { token: alice.token, sessionId: bobSession })).status, 403);
  });
});
