// The HTTP surface in auth mode: DNS-rebinding protection still applies with a valid token (a foreign Origin or Host
// gets 403), health stays open to probes without a token, and the metadata is public.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { signToken } from '../lib/authorization-server.js';
import { sharedAuthServer } from '../lib/auth-shared.js';
import { initializeRequest, post } from '../lib/http-mcp.js';
import { request } from '../lib/raw-http.js';

describe('HTTP guards in auth mode', () => {
  let server;
  let token;

  before(async () => {
    server = await sharedAuthServer();
    token = await signToken({ iss: server.issuer, aud: server.resource, sub: 'http-tester', scope: 'mcp:read mcp:write' });
  });

  test('a request with a valid token from the server\'s own origin is served', async () => {
    const answer = await post(server.url, initializeRequest(), { token, headers: { Origin: server.baseUrl } });
    assert.equal(answer.status, 200, answer.text);
  });

  test('a request with a valid token and a foreign Origin gets 403', async () => {
    for (const origin of ['https://evil.example.com', `http://attacker.test:${server.port}`]) {
      const answer = await post(server.url, initializeRequest(), { token, headers: { Origin: origin } });
      assert.equal(answer.status, 403, origin);
      assert.equal(answer.sessionId, null);
    }
  });

  test('a request with a valid token and a foreign Host gets 403', async () => {
    const { status } = await request(server.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Authorization: `Bearer ${token}`, Host: 'evil.example.com' },
      body: JSON.stringify(initializeRequest()),
    });
    assert.equal(status, 403);
  });

  test('a foreign Origin is refused before the token is looked at: 403, not 401', async () => {
    const answer = await post(server.url, initializeRequest(), { headers: { Origin: 'https://evil.example.com' } });
    assert.equal(answer.status, 403);
  });

  // A browser page on a loopback origin (e.g. the MCP Inspector on http://localhost:6274) is an allowed CORS origin
  // (quarkus.http.cors.origins, with Authorization allowed and WWW-Authenticate exposed). Browsers send the preflight
  // without credentials and only read a 401's challenge when the response carries the CORS headers.
  test('a CORS preflight from a loopback browser origin is answered without a token and allows the Authorization header', async () => {
    const origin = 'http://localhost:6274';
    const { status, headers } = await request(server.url, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,mcp-protocol-version' },
    });
    assert.ok(status >= 200 && status < 300, `preflight answered ${status} ${headers['www-authenticate'] ?? ''}`);
    assert.equal(headers['access-control-allow-origin'], origin);
    assert.match(headers['access-control-allow-headers'] ?? '', /authorization/i);
  });

  test('a 401 to a loopback browser origin carries the CORS headers, so the page can read WWW-Authenticate', async () => {
    const origin = 'http://localhost:6274';
    const answer = await post(server.url, initializeRequest(), { headers: { Origin: origin } });
    assert.equal(answer.status, 401);
    assert.equal(answer.headers['access-control-allow-origin'], origin);
    assert.match(answer.headers['access-control-expose-headers'] ?? '', /WWW-Authenticate/i);
  });

  test('metadata needs no token; health is on the management interface only', async () => {
    for (const path of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']) {
      const { status } = await request(`${server.baseUrl}${path}`);
      assert.equal(status, 200, path);
    }
    for (const path of ['/q/health/live', '/q/health/ready', '/q/metrics']) {
      assert.equal((await request(`${server.baseUrl}${path}`)).status, 404, `${path} on the MCP port`);
    }
  });

  test('with authentication the management interface answers a probe naming the pod address', async () => {
    const { port } = new URL(server.managementUrl);
    for (const path of ['/health/live', '/health/ready', '/metrics']) {
      const { status } = await request(`${server.managementUrl}${path}`, { headers: { Host: `10.244.1.7:${port}` } });
      assert.equal(status, 200, path);
    }
  });
});
