// The memory server image's smoke test, run by deploy/docker/build-and-test.sh against a container: the SDK client
// stores a memory and finds it again with retrieve_context, then checks the instructions of initialize.
//
//   node image-smoke.js http://127.0.0.1:PORT/mcp
import assert from 'node:assert/strict';
import { call, connect } from './lib/mcp.js';

const url = process.argv[2];
const client = await connect(url, { name: 'min-memory-image-smoke' });
try {
  assert.ok(client.getInstructions()?.length > 0, 'initialize returned no instructions');
  const project = `image-smoke-${Date.now()}`;
  const stored = await call(client, 'store_memory', {
    text: 'The nightly backup of the image smoke test runs at 02:30 UTC and keeps 14 copies.',
    memory_type: 'project_context', scope: 'project', entity: 'backup', project,
  });
  assert.equal(stored.stored, true, JSON.stringify(stored));
  const { memories } = await call(client, 'retrieve_context', { query: 'when does the nightly backup run?', project });
  assert.equal(memories[0]?.id, stored.id, `retrieve_context did not find the stored memory: ${JSON.stringify(memories)}`);
  process.stdout.write(`store_memory → ${stored.id}; retrieve_context → ${memories[0].id} (score ${memories[0].score})\n`);
} finally {
  await client.close();
}
