// One memory server shared by most test files.
//
// run-tests.js (what `npm test` and the Maven build run) starts it once and hands its address to every test file
// through the environment (MEMORY_E2E_URL, MEMORY_E2E_MANAGEMENT_URL). A test file run on its own (`node --test test/tools_list.test.js`)
// starts a private one instead, stopped when that process exits.
import { startServer, stop } from './server.js';

let local;

export async function sharedServer() {
  if (process.env.MEMORY_E2E_URL) {
    return {
      url: process.env.MEMORY_E2E_URL,
      baseUrl: new URL(process.env.MEMORY_E2E_URL).origin,
      managementUrl: process.env.MEMORY_E2E_MANAGEMENT_URL,
      dataDir: process.env.MEMORY_E2E_DATA_DIR,
    };
  }
  local ??= startServer().then((server) => {
    detach(server);
    return server;
  });
  return local;
}

/** Lets the test process end while the server runs; the server is sent SIGTERM when the process exits. */
export function detach(server) {
  server.proc.unref();
  process.once('exit', () => {
    if (server.running) server.proc.kill('SIGTERM');
  });
}

export { stop };

/** A name unique to this run, for projects, entities and tags, so test files never see each other's data. */
export function unique(prefix) {
  return `${prefix}-${process.pid.toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}
