// The authorization server and the auth-mode memory server shared by the auth_*.test.js files.
//
// run-tests.js starts both once (when auth tests are selected) and hands their addresses to the test files through
// the environment (MEMORY_E2E_AUTH_URL, MEMORY_E2E_AUTH_ISSUER). A test file run on its own
// (`node --test test/auth_tokens.test.js`) starts private ones instead.
//
// The memory server runs with MEMORY_OIDC_ISSUER only: no MEMORY_PUBLIC_URL and no MEMORY_OIDC_AUDIENCE, so the
// canonical resource (and the audience tokens must name) is the default http://localhost:<port>/mcp. Clients use
// that URL: the SDK refuses a protected resource whose `resource` does not match the URL it connects to.
//
// The web console of that server is registered with the authorization server as a public client whose redirect URI
// is http://localhost:<port>/console/, and the server is told its client id (MEMORY_CONSOLE_CLIENT_ID).
import { registerPublicClient, startAuthorizationServer } from './authorization-server.js';
import { freePort, freePorts, freshDataDir, spawnServer, waitReady } from './server.js';
import { detach } from './shared.js';

let local;

/** Starts a memory server whose tokens come from `issuer`; `env` adds or overrides settings. */
export async function startAuthModeServer(issuer, { env = {}, port } = {}) {
  port ??= await freePort();
  const [managementPort] = (await freePorts(2)).filter((candidate) => candidate !== port);
  const consoleClientId = await registerPublicClient(issuer,
    { clientName: 'min-memory web console', redirectUris: [`http://localhost:${port}/console/`] });
  const server = spawnServer({ dataDir: freshDataDir('auth'), port, managementPort,
    env: { MEMORY_OIDC_ISSUER: issuer, MEMORY_CONSOLE_CLIENT_ID: consoleClientId, ...env } });
  await waitReady(server);
  return Object.assign(server, describeAuthServer(`http://localhost:${port}/mcp`, issuer, server.managementUrl));
}

/** Addresses of an auth-mode server reached as http://localhost:<port>/mcp. */
export function describeAuthServer(url, issuer, managementUrl) {
  const { origin, port } = new URL(url);
  return {
    url,
    baseUrl: origin,
    managementUrl,
    port: Number(port),
    resource: `${origin}/mcp`,
    consoleUrl: `${origin}/console/`,
    issuer,
    resourceMetadataUrl: `${origin}/.well-known/oauth-protected-resource/mcp`,
  };
}

/**
 * {url, baseUrl, managementUrl, resource, consoleUrl, issuer, resourceMetadataUrl} of the shared auth-mode server. `authorizationServer` is set
 * only when this process started it (run on its own).
 */
export async function sharedAuthServer() {
  if (process.env.MEMORY_E2E_AUTH_URL) {
    return describeAuthServer(process.env.MEMORY_E2E_AUTH_URL, process.env.MEMORY_E2E_AUTH_ISSUER,
      process.env.MEMORY_E2E_AUTH_MANAGEMENT_URL);
  }
  local ??= (async () => {
    const authorizationServer = await startAuthorizationServer();
    const server = await startAuthModeServer(authorizationServer.issuer);
    detach(server);
    return { ...describeAuthServer(server.url, authorizationServer.issuer, server.managementUrl), authorizationServer };
  })();
  return local;
}
