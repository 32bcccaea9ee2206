// Runs the end-to-end tests: starts the shared memory server (the built jar) once, runs node's test runner over
// test/*.test.js with that server's address in the environment, then stops the server. Tests that need their own
// server (crash, lock, bind) start it themselves. Exit code: the test runner's.
//
//   node run-tests.js                              all tests
//   node run-tests.js test/store_memory.test.js    some files
//   node run-tests.js --test-name-pattern=k8s      extra options go to `node --test`
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, stop } from './lib/server.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('-'));
const options = args.filter((a) => a.startsWith('-'));
const testFiles = files.length ? files : readdirSync(join(here, 'test')).filter((f) => f.endsWith('.test.js')).sort().map((f) => join('test', f));

const started = Date.now();
const server = await startServer();
process.stdout.write(`# shared memory server ready at ${server.url} in ${Date.now() - started} ms (data ${server.dataDir}, log ${server.logFile})\n`);

const runner = spawn(process.execPath, ['--test', '--test-concurrency=2', ...options, ...testFiles], {
  cwd: here,
  stdio: 'inherit',
  env: { ...process.env, MEMORY_E2E_URL: server.url, MEMORY_E2E_DATA_DIR: server.dataDir },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => runner.kill(signal));
const code = await new Promise((resolve) => runner.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));

const serverDied = !server.running;
await stop(server);
if (serverDied) {
  process.stdout.write(`# the shared memory server died during the run; see ${server.logFile}\n`);
  process.exit(code || 1);
}
process.exit(code);
