// Runs the end-to-end tests: starts the shared memory server (the built jar) once, runs node's test runner over
// test/*.test.js with that server's address in the environment, then stops the server. When auth tests are selected it
// also starts the shared authorization server (oidc-provider, in this process) and one auth-mode memory server.
// Tests that need their own server (crash, lock, bind, key rotation) start it themselves. Exit code: the test
// runner's.
//
//   node run-tests.js                              all tests
//   node run-tests.js test/store_memory.test.js    some files
//   node run-tests.js --test-name-pattern=k8s      extra options go to `node --test`
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAuthModeServer } from './lib/auth-shared.js';
import { startAuthorizationServer } from './lib/authorization-server.js';
import { startServer, stop } from './lib/server.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('-'));
const options = args.filter((a) => a.startsWith('-'));
const testFiles = files.length ? files : readdirSync(join(here, 'test')).filter((f) => f.endsWith('.test.js')).sort().map((f) => join('test', f));

const started = Date.now();
// The auth tests (test/auth_*.test.js) share an authorization server (in this process) and one auth-mode memory
// server; both memory servers start at the same time.
const withAuth = testFiles.some((f) => /(^|[\\/])auth_[^\\/]*$/.test(f));
const authorizationServer = withAuth ? await startAuthorizationServer() : undefined;
const startups = await Promise.allSettled([
  startServer(),
  withAuth ? startAuthModeServer(authorizationServer.issuer) : undefined,
]);
const failed = startups.find((s) => s.status === 'rejected');
if (failed) {
  await Promise.all(startups.map((s) => s.status === 'fulfilled' && stop(s.value)));
  await authorizationServer?.stop();
  throw failed.reason;
}
const [server, authServer] = startups.map((s) => s.value);
process.stdout.write(`# shared memory server ready at ${server.url} in ${Date.now() - started} ms (data ${server.dataDir}, log ${server.logFile})\n`);
if (authServer) {
  process.stdout.write(`# shared auth-mode memory server ready at ${authServer.url} (tokens from ${authorizationServer.issuer}, log ${authServer.logFile})\n`);
}
const authEnv = authServer ? {
  MEMORY_E2E_AUTH_URL: authServer.url,
  MEMORY_E2E_AUTH_ISSUER: authorizationServer.issuer,
  MEMORY_E2E_AUTH_MANAGEMENT_URL: authServer.managementUrl,
} : {};

const runner = spawn(process.execPath, ['--test', '--test-concurrency=2', ...options, ...testFiles], {
  cwd: here,
  stdio: 'inherit',
  env: { ...process.env, MEMORY_E2E_URL: server.url, MEMORY_E2E_MANAGEMENT_URL: server.managementUrl, MEMORY_E2E_DATA_DIR: server.dataDir, ...authEnv },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => runner.kill(signal));
const code = await new Promise((resolve) => runner.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));

const serverDied = !server.running || (authServer && !authServer.running);
await Promise.all([stop(server), stop(authServer), authorizationServer?.stop()]);
if (serverDied) {
  process.stdout.write(`# a shared memory server died during the run; see ${server.logFile}${authServer ? ` and ${authServer.logFile}` : ''}\n`);
  process.exit(code || 1);
}
process.exit(code);
