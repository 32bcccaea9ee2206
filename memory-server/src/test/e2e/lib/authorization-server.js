// A real OAuth 2.1 authorization server for the auth tests: `oidc-provider` (a certified OpenID provider) in this
// process on a loopback port, signing with the committed TEST-ONLY keys in test-keys/.
//
// - Open dynamic client registration (RFC 7591); public clients (`token_endpoint_auth_method: none`).
// - PKCE S256 required for every authorization code request.
// - Resource indicators (RFC 8707): the access token is a JWT (RFC 9068) whose `aud` is the requested `resource` and
//   whose `scope` is what was asked of `mcp:read mcp:write`.
// - An interaction route that approves everything without HTML: the login picks the account named by `login_hint`
//   (else the default account), the consent grants the requested scopes for the requested resource.
// - CORS for browsers: a public client may call the token endpoint from the origins of its redirect URIs (the web
//   console does, from the memory server's origin).
//
// `signToken()` signs arbitrary claims with the same keys (or others) for the negative cases a well-behaved
// authorization server never issues.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT, base64url, exportSPKI, importJWK } from 'jose';
import Provider from 'oidc-provider';
import { freePort } from './server.js';

const here = dirname(fileURLToPath(import.meta.url));
const keyDir = join(here, '..', 'test-keys');

/** The RSA private keys (JWK) in test-keys/. Test-only: they are public in this repository. */
export const testKeys = Object.fromEntries(
  [['signing1', 'as-signing-key-1'], ['signing2', 'as-signing-key-2'], ['attacker', 'attacker-key']]
    .map(([name, file]) => [name, JSON.parse(readFileSync(join(keyDir, `${file}.TEST-ONLY.jwk.json`), 'utf8'))]),
);

export const MCP_SCOPES = 'mcp:read mcp:write';

/**
 * Starts the authorization server. `keys` are the private JWKs it signs with (the first one signs) and publishes in
 * its JWKS. Returns a handle: `issuer`, `port`, `registeredClients` (DCR), `requests` (method + path of every
 * request it answered, in order), `restart({keys})` (same port, new keys, registrations forgotten) and `stop()`.
 */
export async function startAuthorizationServer({ port, keys = [testKeys.signing1], defaultAccount = 'alice', accessTokenTTL = 600 } = {}) {
  port ??= await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const handle = {
    issuer,
    port,
    registeredClients: [],
    requests: [],
    keys,
    server: undefined,
    provider: undefined,
    async restart({ keys: newKeys = handle.keys } = {}) {
      await handle.stop();
      handle.keys = newKeys;
      await listen();
      return handle;
    },
    async stop() {
      const { server } = handle;
      if (!server?.listening) return;
      await new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      });
    },
  };

  async function listen() {
    const provider = createProvider(issuer, { keys: handle.keys, defaultAccount, accessTokenTTL });
    provider.on('registration_create.success', (_ctx, client) => {
      handle.registeredClients.push({ clientId: client.clientId, redirectUris: client.redirectUris, scope: client.scope });
    });
    const callback = provider.callback();
    const server = http.createServer((req, res) => {
      handle.requests.push(`${req.method} ${req.url.split('?')[0]}`);
      const interaction = req.url.match(/^\/interaction\/[^/?]+$/);
      if (interaction && req.method === 'GET') {
        approve(provider, req, res, defaultAccount).catch((error) => {
          res.statusCode = 500;
          res.end(`interaction failed: ${error}`);
        });
        return;
      }
      callback(req, res);
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    server.unref();
    handle.server = server;
    handle.provider = provider;
  }

  await listen();
  return handle;
}

function createProvider(issuer, { keys, defaultAccount, accessTokenTTL }) {
  const provider = new Provider(issuer, {
    jwks: { keys },
    clients: [],
    scopes: ['openid', 'offline_access', 'mcp:read', 'mcp:write'],
    claims: { openid: ['sub'] },
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    },
    pkce: { required: () => true },
    clientBasedCORS: (_ctx, origin, client) => client.clientAuthMethod === 'none'
      && client.redirectUris.some((uri) => new URL(uri).origin === origin),
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, _client, oneOf) => oneOf,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => ({
          scope: MCP_SCOPES,
          audience: resourceIndicator,
          accessTokenTTL,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
    cookies: { keys: ['min-memory-e2e-test-only-cookie-key'] },
    ttl: { AccessToken: accessTokenTTL, IdToken: accessTokenTTL, AuthorizationCode: 60, Grant: 3600, Interaction: 600, Session: 3600 },
    renderError: (ctx, out) => {
      ctx.type = 'json';
      ctx.body = out;
    },
  });
  // Keep the test output clean: the provider's "should change" development warnings are about production settings.
  provider.on('server_error', (_ctx, error) => process.stderr.write(`authorization server error: ${error?.stack ?? error}\n`));
  return provider;
}

/** Login and consent without a page: the account from login_hint, and every requested scope granted. */
async function approve(provider, req, res, defaultAccount) {
  const { prompt, params, session, grantId } = await provider.interactionDetails(req, res);
  if (prompt.name === 'login') {
    const accountId = params.login_hint || defaultAccount;
    await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
    return;
  }
  if (prompt.name !== 'consent') throw new Error(`unexpected prompt ${prompt.name}`);
  const grant = grantId
    ? await provider.Grant.find(grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

/**
 * Registers a public client (authorization code, PKCE, no secret) with the authorization server at `issuer` through
 * its open dynamic client registration, as an administrator would register the web console. Returns its client id.
 */
export async function registerPublicClient(issuer, { clientName, redirectUris }) {
  const { registration_endpoint: endpoint } = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_name: clientName, redirect_uris: redirectUris, token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'], response_types: ['code'] }),
  });
  const client = await response.json();
  if (response.status !== 201) throw new Error(`registering ${clientName} failed with ${response.status}: ${JSON.stringify(client)}`);
  return client.client_id;
}

/**
 * Signs `claims` as a JWT. Defaults: RS256 with test key 1 and its kid, `iat` now and `exp` in 5 minutes unless the
 * claims set them (pass `undefined` to leave one out).
 *
 * - `alg: 'none'` gives an unsecured JWT (empty signature).
 * - `alg: 'HS256'` etc. signs with `secret` (bytes or a string) as the HMAC key.
 * - `key` is a private JWK (e.g. testKeys.attacker); `kid` overrides the header's key id.
 */
export async function signToken(claims, { kid, alg = 'RS256', key = testKeys.signing1, secret, header = {} } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iat: now, exp: now + 300, ...claims };
  for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
  const protectedHeader = { alg, typ: 'JWT', kid: kid ?? (alg.startsWith('RS') ? key.kid : undefined), ...header };
  if (protectedHeader.kid === undefined) delete protectedHeader.kid;
  if (alg === 'none') {
    const encode = (value) => base64url.encode(JSON.stringify(value));
    return `${encode(protectedHeader)}.${encode(payload)}.`;
  }
  const signingKey = alg.startsWith('HS')
    ? (typeof secret === 'string' ? new TextEncoder().encode(secret) : secret)
    : await importJWK(key, alg);
  return new SignJWT(payload).setProtectedHeader(protectedHeader).sign(signingKey);
}

/** The public half of a test key as PEM (SPKI) and as its public JWK JSON: what an HS256 confusion attack uses. */
export async function publicKeyForms(key = testKeys.signing1) {
  const { d, p, q, dp, dq, qi, ...publicJwk } = key;
  const pem = await exportSPKI(await importJWK(publicJwk, 'RS256'));
  return { pem, jwkJson: JSON.stringify(publicJwk) };
}
