// Local mode (no authorization server): loopback only. Asked to listen on all interfaces, the server refuses to start.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { freePort, freshDataDir, kill, spawnServer } from '../lib/server.js';

describe('local mode', () => {
  let server;
  after(() => kill(server));

  test('QUARKUS_HTTP_HOST=0.0.0.0 makes the server exit non-zero with a message, never listening', async () => {
    const port = await freePort();
    server = spawnServer({ dataDir: freshDataDir('bind'), port, env: { QUARKUS_HTTP_HOST: '0.0.0.0' } });
    const timer = setTimeout(() => kill(server), 120_000);
    const { code } = await server.exited;
    clearTimeout(timer);
    assert.notEqual(code, 0, 'the process must fail');
    assert.notEqual(code, null, 'the process must exit by itself, not be killed by the test');
    const output = server.output();
    assert.match(output, /Refusing to listen on 0\.0\.0\.0/, output.slice(-3000));
    assert.match(output, /127\.0\.0\.1|loopback/, 'the message says what to do instead');
    await assert.rejects(fetch(`http://127.0.0.1:${port}/q/health/live`), 'nothing listens on the port');
  });
});
