// The client side of the OAuth tests: an in-memory OAuthClientProvider for the MCP TypeScript SDK, a headless
// "browser" that follows an authorization URL through the authorization server's redirects (with a tiny cookie jar)
// to the redirect URI, and `obtainToken()`, which gets a real access token from the authorization server with the
// SDK's own OAuth functions (DCR, PKCE S256, resource indicator) for the tests that need a user's token.
import { randomUUID } from 'node:crypto';
import {
  discoverAuthorizationServerMetadata,
  exchangeAuthorization,
  registerClient,
  startAuthorization,
} from '@modelcontextprotocol/sdk/client/auth.js';

export const REDIRECT_URL = 'http://127.0.0.1:8976/oauth/callback';

/** Everything the SDK hands to an OAuthClientProvider, kept in memory and recorded for assertions. */
export class InMemoryOAuthProvider {
  constructor({ redirectUrl = REDIRECT_URL, clientName = 'min-memory-e2e-oauth' } = {}) {
    this._redirectUrl = redirectUrl;
    this._clientName = clientName;
    this.authorizationUrls = [];
    this.savedClients = [];
    this.savedTokens = [];
    this.discovery = undefined;
  }

  get redirectUrl() { return this._redirectUrl; }

  get clientMetadata() {
    return {
      client_name: this._clientName,
      redirect_uris: [this._redirectUrl],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }

  /** A fresh CSRF state per authorization request; the last one is kept to check the redirect. */
  state() {
    this.lastState = randomUUID();
    return this.lastState;
  }

  clientInformation() { return this.savedClients.at(-1); }
  saveClientInformation(information) { this.savedClients.push(information); }
  tokens() { return this.savedTokens.at(-1); }
  saveTokens(tokens) { this.savedTokens.push(tokens); }
  redirectToAuthorization(url) { this.authorizationUrls.push(new URL(url)); }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() {
    if (!this.verifier) throw new Error('no code verifier saved');
    return this.verifier;
  }
  saveDiscoveryState(state) { this.discovery = state; }
  discoveryState() { return this.discovery; }
}

/** Cookies by name (the authorization server scopes them by path; sending them all is harmless here). */
class CookieJar {
  #cookies = new Map();

  store(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Plays the user's browser: GETs the authorization URL and follows redirects (the authorization server's interaction
 * approves by itself) until one points at `redirectUrl`. Returns its query ({code, state, iss, error…}) and the hops.
 */
export async function followAuthorization(authorizationUrl, { redirectUrl = REDIRECT_URL, maxHops = 12 } = {}) {
  const jar = new CookieJar();
  const hops = [];
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < maxHops; hop++) {
    if (url.href.startsWith(redirectUrl)) return { params: Object.fromEntries(url.searchParams), hops };
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(response);
    hops.push(`${response.status} ${url.pathname}`);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`authorization stopped at ${url} with ${response.status}: ${(await response.text()).slice(0, 500)}`);
    }
    url = new URL(location, url);
  }
  throw new Error(`no redirect to ${redirectUrl} after ${maxHops} hops: ${hops.join(' → ')}`);
}

/**
 * A real access token for `user` from the authorization server at `issuer`, for `resource`, with `scope`: dynamic
 * registration, authorization request with PKCE S256 and the resource indicator, login as `user` (login_hint),
 * automatic consent, code exchange. Uses the SDK's OAuth functions, so it is what an MCP client would get.
 */
export async function obtainToken({ issuer, resource, scope = 'mcp:read mcp:write', user = 'alice' }) {
  const metadata = await discoverAuthorizationServerMetadata(issuer);
  const provider = new InMemoryOAuthProvider({ clientName: `token-for-${user}` });
  const clientInformation = await registerClient(issuer, { metadata, clientMetadata: provider.clientMetadata, scope });
  const { authorizationUrl, codeVerifier } = await startAuthorization(issuer, {
    metadata, clientInformation, redirectUrl: REDIRECT_URL, scope, resource, state: `state-${user}`,
  });
  authorizationUrl.searchParams.set('login_hint', user);
  const { params } = await followAuthorization(authorizationUrl);
  if (!params.code) throw new Error(`no authorization code: ${JSON.stringify(params)}`);
  if (params.state !== `state-${user}`) throw new Error(`state mismatch: ${JSON.stringify(params)}`);
  const tokens = await exchangeAuthorization(issuer, {
    metadata, clientInformation, authorizationCode: params.code, codeVerifier, redirectUri: REDIRECT_URL, resource,
  });
  return tokens.access_token;
}

/** The claims of a JWT, unverified (to look at what the authorization server issued). */
export function jwtClaims(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

export function jwtHeader(token) {
  return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
}
