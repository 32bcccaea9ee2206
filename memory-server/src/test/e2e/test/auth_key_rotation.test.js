// Key rotation and the other settings, on a memory server of this file's own (so restarting the authorization server
// never disturbs the shared one): the authorization server restarts on the same port with a new signing key, and the
// running memory server accepts tokens signed with it without a restart. The same server runs with
// MEMORY_AUTH_ENFORCE_SCOPES=false, an explicit MEMORY_PUBLIC_URL and an explicit MEMORY_OIDC_AUDIENCE, and a key
// refresh interval of 1 s (MEMORY_AUTH_KEY_REFRESH_INTERVAL).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signToken, startAuthorizationServer, testKeys } from '../lib/authorization-server.js';
import { startAuthModeServer } from '../lib/auth-shared.js';
import { callTool, challenges, initializeRequest, openSession, post } from '../lib/http-mcp.js';
import { jwtHeader, obtainToken } from '../lib/oauth-client.js';
import { freePort, sleep, stop } from '../lib/server.js';

const REFRESH_INTERVAL_MS = 1_000;

describe('a memory server with its own authorization server, scopes not enforced and an explicit audience', () => {
  let as;
  let server;
  let expected;
  let audience;

  before(async () => {
    as = await startAuthorizationServer({ keys: [testKeys.signing1] });
    const port = await freePort();
    audience = 'https://memory.e2e.test/mcp';
    server = await startAuthModeServer(as.issuer, {
      port,
      env: {
        MEMORY_PUBLIC_URL: `http://127.0.0.1:${port}`,
        MEMORY_OIDC_AUDIENCE: audience,
        MEMORY_AUTH_ENFORCE_SCOPES: 'false',
        MEMORY_AUTH_KEY_REFRESH_INTERVAL: `${REFRESH_INTERVAL_MS / 1000}s`,
      },
    });
    server.url = `http://127.0.0.1:${port}/mcp`;
    expected = challenges(`http://127.0.0.1:${port}/.well-known/oauth-protected-resource/mcp`);
  });
  after(async () => {
    await stop(server);
    await as?.stop();
  });

  const initialize = (token) => post(server.url, initializeRequest(), { token });

  /** Polls until a token is accepted (the server refetches keys at most once per refresh interval). */
  async function acceptedWithin(token, ms) {
    const deadline = Date.now() + ms;
    let answer;
    do {
      answer = await initialize(token);
      if (answer.status === 200) return answer;
      await sleep(250);
    } while (Date.now() < deadline);
    return answer;
  }

  test('MEMORY_PUBLIC_URL sets the canonical resource and the challenge, MEMORY_OIDC_AUDIENCE the audience tokens need', async () => {
    const metadata = await (await fetch(`http://127.0.0.1:${server.port}/.well-known/oauth-protected-resource`)).json();
    assert.equal(metadata.resource, `http://127.0.0.1:${server.port}/mcp`);
    assert.deepEqual(metadata.authorization_servers, [as.issuer]);
    const none = await initialize(undefined);
    assert.equal(none.status, 401);
    assert.equal(none.wwwAuthenticate, expected.missing);
    const forAudience = await signToken({ iss: as.issuer, aud: audience, sub: 'carol' });
    assert.equal((await initialize(forAudience)).status, 200);
    const forResource = await signToken({ iss: as.issuer, aud: metadata.resource, sub: 'carol' });
    const refused = await initialize(forResource);
    assert.equal(refused.status, 401, 'the resource URL is not the configured audience');
    assert.match(refused.wwwAuthenticate, expected.invalid);
  });

  test('with MEMORY_AUTH_ENFORCE_SCOPES=false a token without scopes may call read and write tools', async () => {
    const token = await signToken({ iss: as.issuer, aud: audience, sub: 'no-scopes' });
    const caller = { token, sessionId: await openSession(server.url, token) };
    const stored = await callTool(server.url, caller, 'store_memory', { text: 'Scopes are not enforced on this server.', memory_type: 'episodic', scope: 'global', entity: 'scopes' });
    assert.equal(stored.status, 200, `${stored.status} ${stored.wwwAuthenticate}`);
    assert.equal(stored.result?.structuredContent?.stored, true, stored.text);
    const retrieved = await callTool(server.url, caller, 'retrieve_context', { query: 'are scopes enforced' });
    assert.equal(retrieved.status, 200);
    assert.equal(retrieved.result?.structuredContent?.memories?.[0]?.id, stored.result.structuredContent.id);
  });

  test('with scopes not enforced a token is still required and still validated', async () => {
    assert.equal((await initialize(undefined)).status, 401);
    const forged = await initialize(await signToken({ iss: as.issuer, aud: audience, sub: 'x' }, { key: testKeys.attacker, kid: testKeys.signing1.kid }));
    assert.equal(forged.status, 401);
    assert.match(forged.wwwAuthenticate, expected.invalid);
  });

  test('a token issued by the authorization server with key 1 is accepted', async () => {
    const token = await obtainToken({ issuer: as.issuer, resource: audience, user: 'carol' });
    assert.equal(jwtHeader(token).kid, testKeys.signing1.kid);
    assert.equal((await initialize(token)).status, 200);
  });

  test('a token signed with key 2 before the authorization server publishes it gets 401 invalid_token', async () => {
    const early = await initialize(await signToken({ iss: as.issuer, aud: audience, sub: 'carol' }, { key: testKeys.signing2 }));
    assert.equal(early.status, 401);
    assert.match(early.wwwAuthenticate, expected.invalid);
  });

  test('after the authorization server restarts on the same port signing with key 2, its tokens are accepted without restarting the memory server', async () => {
    const pid = server.proc.pid;
    await as.restart({ keys: [testKeys.signing2, testKeys.signing1] });
    await sleep(REFRESH_INTERVAL_MS + 200);
    const token = await obtainToken({ issuer: as.issuer, resource: audience, user: 'carol' });
    assert.equal(jwtHeader(token).kid, testKeys.signing2.kid, 'the restarted authorization server signs with the new key');
    const answer = await acceptedWithin(token, 5_000);
    assert.equal(answer.status, 200, `the new key was not picked up: ${answer.status} ${answer.wwwAuthenticate}`);
    assert.equal(server.proc.pid, pid);
    assert.ok(server.running, 'the memory server was not restarted');
  });

  test('tokens signed with key 1, still published, stay valid during the rotation', async () => {
    assert.equal((await initialize(await signToken({ iss: as.issuer, aud: audience, sub: 'carol' }))).status, 200);
  });

  test('once key 1 is retired and the keys are fetched again, a key 1 token is refused', async () => {
    await as.restart({ keys: [testKeys.signing2] });
    await sleep(REFRESH_INTERVAL_MS + 200);
    // An unknown key id makes the server fetch the JWKS again.
    await initialize(await signToken({ iss: as.issuer, aud: audience, sub: 'carol' }, { key: testKeys.attacker }));
    await sleep(300);
    const old = await initialize(await signToken({ iss: as.issuer, aud: audience, sub: 'carol' }));
    assert.equal(old.status, 401, 'a retired key must not sign valid tokens');
    assert.match(old.wwwAuthenticate, expected.invalid);
    assert.equal((await initialize(await signToken({ iss: as.issuer, aud: audience, sub: 'carol' }, { key: testKeys.signing2 }))).status, 200);
  });

  test('after the issuer replaces the key behind a key id the server knows, its tokens are accepted without a restart', async () => {
    const replaced = { ...testKeys.signing1, kid: testKeys.signing2.kid };
    await as.restart({ keys: [replaced] });
    await sleep(REFRESH_INTERVAL_MS + 200);
    const token = await obtainToken({ issuer: as.issuer, resource: audience, user: 'carol' });
    assert.equal(jwtHeader(token).kid, testKeys.signing2.kid, 'the same key id, now naming another key');
    const answer = await acceptedWithin(token, 5_000);
    assert.equal(answer.status, 200, `the replaced key was not picked up: ${answer.status} ${answer.wwwAuthenticate}`);
    const forged = await initialize(await signToken({ iss: as.issuer, aud: audience, sub: 'carol' }, { key: testKeys.attacker, kid: testKeys.signing2.kid }));
    assert.equal(forged.status, 401, 'a signature that fails again after the refetch is still refused');
  });
});
