// Local mode (no authorization server): loopback only. Asked to listen on all interfaces, for MCP or for the
// management interface, the server refuses to start.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { freePorts, freshDataDir, kill, spawnServer } from '../lib/server.js';

describe('local mode', () => {
  const servers = [];
  after(() => Promise.all(servers.map(kill)));

  for (const setting of ['QUARKUS_HTTP_HOST', 'QUARKUS_MANAGEMENT_HOST']) {
    test(`${setting}=0.0.0.0 makes the server exit non-zero with a message, never listening`, async () => {
      const [port, managementPort] = await freePorts(2);
      const server = spawnServer({ dataDir: freshDataDir('bind'), port, managementPort, env: { [setting]: '0.0.0.0' } });
      servers.push(server);
      const timer = setTimeout(() => kill(server), 120_000);
      const { code } = await server.exited;
      clearTimeout(timer);
      assert.notEqual(code, 0, 'the process must fail');
      assert.notEqual(code, null, 'the process must exit by itself, not be killed by the test');
      const output = server.output();
      assert.match(output, /Refusing to listen on 0\.0\.0\.0/, output.slice(-3000));
      assert.match(output, new RegExp(`127\\.0\\.0\\.1.*${setting}`), 'the message says what to do instead');
      await assert.rejects(fetch(`${server.managementUrl}/health/live`), 'nothing listens on the management port');
      await assert.rejects(fetch(`${server.url}`), 'nothing listens on the MCP port');
    });
  }
});
