// Local mode (no authorization server): loopback only. Asked to listen on all interfaces, for MCP or for the
// management interface, the server refuses to start, printing the reason alone; inside a container the operator may
// opt in to all interfaces (MEMORY_ALLOW_UNAUTHENTICATED_CONTAINER) for a port published on the host's loopback only.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { call, connect } from '../lib/mcp.js';
import { freePorts, freshDataDir, kill, spawnServer, stop, waitReady } from '../lib/server.js';
import { unique } from '../lib/shared.js';

const inContainer = existsSync('/.dockerenv') || existsSync('/run/.containerenv') || 'container' in process.env;

async function exitCodeOf(server) {
  const timer = setTimeout(() => kill(server), 120_000);
  const { code } = await server.exited;
  clearTimeout(timer);
  return code;
}

describe('local mode', () => {
  const servers = [];
  after(() => Promise.all(servers.map(kill)));

  for (const setting of ['QUARKUS_HTTP_HOST', 'QUARKUS_MANAGEMENT_HOST']) {
    test(`${setting}=0.0.0.0 makes the server exit non-zero with a message, never listening`, async () => {
      const [port, managementPort] = await freePorts(2);
      const server = spawnServer({ dataDir: freshDataDir('bind'), port, managementPort, env: { [setting]: '0.0.0.0' } });
      servers.push(server);
      assert.equal(await exitCodeOf(server), 1, 'the process must exit by itself, non-zero');
      const output = server.output();
      assert.match(output, /^min-memory: Refusing to listen on 0\.0\.0\.0 without authentication/m, output.slice(-3000));
      assert.match(output, new RegExp(`127\\.0\\.0\\.1.*${setting}.*MEMORY_ALLOW_UNAUTHENTICATED_CONTAINER=true`), 'the message says what to do instead');
      assert.doesNotMatch(output, /^\s+at |Failed to start/m, 'the reason alone, without a stack trace');
      await assert.rejects(fetch(`${server.managementUrl}/health/live`), 'nothing listens on the management port');
      await assert.rejects(fetch(`${server.url}`), 'nothing listens on the MCP port');
    });
  }

  test('MEMORY_ALLOW_UNAUTHENTICATED_CONTAINER=true serves all interfaces inside a container with a warning, and refuses elsewhere', async () => {
    const [port, managementPort] = await freePorts(2);
    const server = spawnServer({
      dataDir: freshDataDir('container'), port, managementPort,
      env: { QUARKUS_HTTP_HOST: '0.0.0.0', QUARKUS_MANAGEMENT_HOST: '0.0.0.0', MEMORY_ALLOW_UNAUTHENTICATED_CONTAINER: 'true' },
    });
    servers.push(server);
    if (!inContainer) {
      assert.equal(await exitCodeOf(server), 1);
      assert.match(server.output(), /^min-memory: MEMORY_ALLOW_UNAUTHENTICATED_CONTAINER=true applies inside a container only/m);
      return;
    }
    await waitReady(server);
    assert.match(server.output(), /WARN .*UNAUTHENTICATED: MEMORY_ALLOW_UNAUTHENTICATED_CONTAINER=true, so local mode listens on 0\.0\.0\.0/);
    const client = await connect(server.url);
    try {
      const project = unique('container');
      assert.equal((await call(client, 'store_memory', { text: `The ${project} container keeps its data on a volume.`, memory_type: 'project_context', scope: 'project', project, entity: 'container' })).stored, true);
    } finally {
      await client.close();
      await stop(server);
    }
  });
});
