// Preloaded with --import into the test runner and, by node, into every test-file process. In the runner process
// (no NODE_TEST_CONTEXT) it starts the shared memory server before any test file runs and publishes its address in
// the environment the test files inherit.
import { detach } from './shared.js';
import { startServer } from './server.js';

if (!process.env.NODE_TEST_CONTEXT && !process.env.MEMORY_E2E_URL) {
  const server = await startServer();
  detach(server);
  process.env.MEMORY_E2E_URL = server.url;
  process.env.MEMORY_E2E_DATA_DIR = server.dataDir;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      server.proc.kill('SIGTERM');
      process.exit(130);
    });
  }
  process.stderr.write(`# shared memory server ready at ${server.url} (data ${server.dataDir})\n`);
}
