// Sign-in for auth mode: the authorization code flow with PKCE (S256) as a public client, asking for the server as
// the token's resource (RFC 8707) so the token's audience is this server.
//
// Written here rather than taken from a library: oauth4webapi, the well-kept one, is not obtainable as a Maven
// artifact (mvnpm or webjar) in this build's repository, and the console has no build step to bundle an npm package.
// The flow needs no more than WebCrypto, a state check and two requests.
//
// The access token lives in sessionStorage (this tab only, gone when it closes) and is only ever sent in the
// Authorization header, never in a URL.

const TOKEN_KEY = 'min-memory.console.token';
const PENDING_KEY = 'min-memory.console.pending-sign-in';

/** Where the authorization server sends the browser back: the console itself. */
export function redirectUri() {
  return new URL('/console/', location.origin).href;
}

/** The stored token, or null when there is none or it has expired. */
export function session() {
  const stored = JSON.parse(sessionStorage.getItem(TOKEN_KEY) ?? 'null');
  if (!stored || stored.expiresAt <= Date.now()) return null;
  return stored;
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** Redirects the browser to the authorization server. */
export async function signIn(config) {
  if (!config.client_id) {
    throw new Error('This server has no client id for the console (MEMORY_CONSOLE_CLIENT_ID): ask its operator to register the console with the authorization server.');
  }
  const metadata = await discover(config.issuer);
  const verifier = randomString(32);
  const state = randomString(16);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, route: location.hash, tokenEndpoint: metadata.token_endpoint }));
  const url = new URL(metadata.authorization_endpoint);
  const params = {
    response_type: 'code',
    client_id: config.client_id,
    redirect_uri: redirectUri(),
    scope: config.scopes.join(' '),
    resource: config.resource,
    state,
    code_challenge: await s256(verifier),
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  location.assign(url.href);
}

/**
 * Finishes a sign-in when the URL carries the authorization server's answer: removes `code`, `state` (and `iss`,
 * `error`) from the address bar first, checks the state, then exchanges the code. Returns false when the URL carries
 * no answer; throws with the authorization server's message when the sign-in failed.
 */
export async function completeSignIn(config) {
  const query = new URLSearchParams(location.search);
  if (!query.has('state') || !(query.has('code') || query.has('error'))) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null');
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, '', `${location.pathname}${pending?.route ?? ''}`);
  if (!pending || query.get('state') !== pending.state) {
    throw new Error('Sign-in answer does not match a sign-in started in this tab (state mismatch): sign in again.');
  }
  if (query.has('error')) {
    throw new Error(`Sign-in failed: ${query.get('error')}${query.has('error_description') ? `: ${query.get('error_description')}` : ''}`);
  }
  if (query.has('iss') && query.get('iss') !== config.issuer) {
    throw new Error(`Sign-in answer comes from ${query.get('iss')}, not from ${config.issuer}: sign in again.`);
  }
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: redirectUri(),
      client_id: config.client_id,
      code_verifier: pending.verifier,
      resource: config.resource,
    }),
  }).catch((error) => {
    throw new Error(`Cannot reach the token endpoint ${pending.tokenEndpoint} (${error.message}): does it allow this origin, ${location.origin}, for CORS?`);
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok || !answer.access_token) {
    const reason = answer.error ? `${answer.error}${answer.error_description ? `: ${answer.error_description}` : ''}` : `HTTP ${response.status}`;
    throw new Error(`The authorization server refused the sign-in: ${reason}`);
  }
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify({
    accessToken: answer.access_token,
    expiresAt: Date.now() + 1000 * (answer.expires_in ?? 300),
    subject: answer.id_token ? claims(answer.id_token).sub : undefined,
  }));
  return true;
}

/** The authorization server's metadata: OpenID discovery, else RFC 8414 (path inserted after the host). */
async function discover(issuer) {
  const base = new URL(issuer);
  const path = base.pathname.replace(/\/$/, '');
  const candidates = [
    `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    `${base.origin}/.well-known/oauth-authorization-server${path}`,
  ];
  const failures = [];
  for (const candidate of candidates) {
    try {
      const response = await fetch(candidate, { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        failures.push(`${candidate}: HTTP ${response.status}`);
        continue;
      }
      const metadata = await response.json();
      if (metadata.issuer !== issuer) {
        failures.push(`${candidate} names the issuer ${metadata.issuer}`);
        continue;
      }
      return metadata;
    } catch (error) {
      failures.push(`${candidate}: ${error.message}`);
    }
  }
  throw new Error(`Cannot discover the authorization server ${issuer}: ${failures.join('; ')}`);
}

function randomString(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function s256(verifier) {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A JWT's claims, unverified: only to show who is signed in. */
function claims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(payload));
}
