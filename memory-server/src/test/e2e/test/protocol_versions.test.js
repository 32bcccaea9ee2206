// The SDK client initializes with each protocol version the server supports; the server answers with that version
// and then serves tools over it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, connect } from '../lib/mcp.js';
import { sharedServer } from '../lib/shared.js';

describe('protocol versions', () => {
  for (const version of ['2025-11-25', '2025-06-18', '2025-03-26']) {
    test(`a client initializing with ${version} gets ${version} back and can list and call tools`, async () => {
      const client = await connect((await sharedServer()).url, { protocolVersion: version });
      try {
        assert.equal(client.negotiatedProtocolVersion, version);
        const { tools } = await client.listTools();
        assert.equal(tools.length, 11);
        const info = await call(client, 'get_context_info', { cwd: '/home/dev/protocol-check' });
        assert.equal(info.user, 'local');
      } finally {
        await client.close();
      }
    });
  }

  test('the SDK client without a pinned version negotiates the latest one, 2025-11-25', async () => {
    const client = await connect((await sharedServer()).url);
    try {
      assert.equal(client.negotiatedProtocolVersion, '2025-11-25');
      assert.equal(client.getServerVersion()?.name, 'min-memory');
      assert.ok(client.getServerCapabilities()?.tools, 'the server announces the tools capability');
      assert.ok(client.getServerCapabilities()?.logging, 'the server announces the logging capability');
    } finally {
      await client.close();
    }
  });
});
