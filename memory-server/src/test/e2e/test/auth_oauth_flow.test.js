// The whole MCP authorization flow, headless, with the real MCP TypeScript SDK client against the real authorization
// server (oidc-provider): 401 → protected resource metadata (RFC 9728) → authorization server metadata → dynamic client
// registration (RFC 7591) → authorization request with PKCE S256 and the resource indicator (RFC 8707) → automatic
// login and consent → code exchange → tool calls with the JWT access token.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { sharedAuthServer } from '../lib/auth-shared.js';
import { call } from '../lib/mcp.js';
import { InMemoryOAuthProvider, REDIRECT_URL, followAuthorization, jwtClaims, jwtHeader } from '../lib/oauth-client.js';
import { unique } from '../lib/shared.js';

describe('the MCP SDK client completes the OAuth 2.1 flow headless', () => {
  let server;
  const provider = new InMemoryOAuthProvider();
  /** Every HTTP exchange the SDK made (auth and MCP), as "METHOD url status". */
  const exchanges = [];
  const recordingFetch = async (url, init) => {
    const response = await fetch(url, init);
    exchanges.push(`${init?.method ?? 'GET'} ${url} ${response.status}`);
    return response;
  };
  const newTransport = () => new StreamableHTTPClientTransport(new URL(server.url), { authProvider: provider, fetch: recordingFetch });
  let transport;
  let client;
  let redirect;

  before(async () => { server = await sharedAuthServer(); });
  after(() => client?.close());

  test('the protected resource metadata names the canonical resource, the issuer, both scopes and header tokens only', async () => {
    for (const path of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type'), /application\/json/);
      assert.deepEqual(await response.json(), {
        resource: server.resource,
        authorization_servers: [server.issuer],
        scopes_supported: ['mcp:read', 'mcp:write'],
        bearer_methods_supported: ['header'],
        resource_name: 'min-memory',
      }, path);
    }
  });

  test('connect() without a token throws UnauthorizedError after handing the provider an authorization URL', async () => {
    transport = newTransport();
    client = new Client({ name: 'min-memory-e2e-oauth', version: '1.0.0' });
    await assert.rejects(client.connect(transport), UnauthorizedError);
    assert.equal(provider.authorizationUrls.length, 1);
  });

  test('the authorization URL asks for a code with PKCE S256, the resource indicator, both scopes and a state', async () => {
    const url = provider.authorizationUrls[0];
    assert.equal(url.origin, server.issuer);
    const params = Object.fromEntries(url.searchParams);
    assert.equal(params.response_type, 'code');
    assert.equal(params.code_challenge_method, 'S256');
    assert.match(params.code_challenge, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(params.resource, server.resource);
    assert.deepEqual(params.scope.split(' ').sort(), ['mcp:read', 'mcp:write']);
    assert.equal(params.redirect_uri, REDIRECT_URL);
    assert.equal(params.client_id, provider.clientInformation().client_id);
    assert.equal(params.state, provider.lastState);
  });

  test('discovery happened first: the 401, the protected resource metadata, the authorization server metadata, then registration', async () => {
    const order = exchanges.map((e) => e.replace(server.baseUrl, 'MCP').replace(server.issuer, 'AS'));
    assert.equal(order[0], 'POST MCP/mcp 401');
    assert.ok(order.includes('GET MCP/.well-known/oauth-protected-resource/mcp 200'), order.join('\n'));
    const metadataIndex = order.findIndex((e) => /^GET AS\/\.well-known\/(oauth-authorization-server|openid-configuration) 200$/.test(e));
    const registrationIndex = order.indexOf('POST AS/reg 201');
    assert.ok(metadataIndex > 0 && registrationIndex > metadataIndex, order.join('\n'));
    const registered = provider.clientInformation();
    assert.ok(registered.client_id, 'dynamic registration returned a client_id');
    assert.equal(registered.client_secret, undefined, 'a public client has no secret');
    assert.equal(registered.token_endpoint_auth_method, 'none');
    assert.deepEqual(registered.redirect_uris, [REDIRECT_URL]);
  });

  test('following the authorization URL through automatic login and consent ends at the redirect URI with a code and the state', async () => {
    const { params, hops } = await followAuthorization(provider.authorizationUrls[0]);
    assert.ok(params.code, `no code after ${hops.join(' → ')}: ${JSON.stringify(params)}`);
    assert.equal(params.state, provider.lastState);
    assert.equal(params.iss, server.issuer, 'RFC 9207 issuer identification');
    assert.ok(hops.some((h) => h.includes('/interaction/')), hops.join(' → '));
    redirect = params;
  });

  test('finishAuth exchanges the code for a JWT access token for this resource, alice, and both scopes', async () => {
    await transport.finishAuth(redirect.code);
    assert.ok(exchanges.some((e) => e === `POST ${server.issuer}/token 200`), exchanges.join('\n'));
    const { access_token: accessToken, token_type: tokenType } = provider.tokens();
    assert.match(tokenType, /^bearer$/i);
    assert.equal(jwtHeader(accessToken).alg, 'RS256');
    const claims = jwtClaims(accessToken);
    assert.equal(claims.iss, server.issuer);
    assert.equal(claims.aud, server.resource);
    assert.equal(claims.sub, 'alice');
    assert.equal(claims.client_id, provider.clientInformation().client_id);
    assert.deepEqual(claims.scope.split(' ').sort(), ['mcp:read', 'mcp:write']);
    assert.ok(claims.exp > Date.now() / 1000);
  });

  test('the reconnected client stores a memory and retrieves it as alice', async () => {
    await client.close();
    transport = newTransport();
    client = new Client({ name: 'min-memory-e2e-oauth', version: '1.0.0' });
    await client.connect(transport);
    const project = unique('oauth-flow');
    const stored = await call(client, 'store_memory', {
      text: 'The OAuth flow test stored this after a headless authorization code flow with PKCE.',
      memory_type: 'episodic', scope: 'project', entity: 'oauth', project,
    });
    assert.equal(stored.stored, true);
    const { memories } = await call(client, 'retrieve_context', { query: 'headless authorization code flow', project });
    assert.equal(memories[0]?.id, stored.id);
    assert.equal((await call(client, 'get_context_info', {})).user, `${server.issuer}#alice`);
    const { tools } = await client.listTools();
    assert.ok(tools.length >= 11);
  });

  test('a second client with the stored token connects without a new authorization or registration', async () => {
    const before = { authorizations: provider.authorizationUrls.length, clients: provider.savedClients.length };
    const second = new Client({ name: 'min-memory-e2e-oauth-2', version: '1.0.0' });
    await second.connect(newTransport());
    try {
      assert.ok((await call(second, 'search', { query: 'headless authorization code flow' })).results.length >= 1);
    } finally {
      await second.close();
    }
    assert.equal(provider.authorizationUrls.length, before.authorizations);
    assert.equal(provider.savedClients.length, before.clients);
  });
});
