// stdio: clients that start the memory server as a subprocess (`java -jar quarkus-run.jar stdio`), through the SDK's
// StdioClientTransport. The stdio processes bridge to one background server of their data directory, which the first
// of them starts; this file runs on a data directory and ports of its own, and stops that server at the end.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { call } from '../lib/mcp.js';
import { freePorts, freshDataDir, modelCacheDir, moduleDir, serverJar } from '../lib/server.js';
import { unique } from '../lib/shared.js';

const STARTUP_MS = 180_000;

function stdioEnvironment(dataDir, port, managementPort) {
  return { MCP_DATA_DIR: dataDir, PORT: String(port), MANAGEMENT_PORT: String(managementPort), MEMORY_EMBEDDING_CACHE_DIR: modelCacheDir };
}

/** An SDK client on its own `java -jar … stdio` process; `stderr()` is what that process has written there so far. */
async function stdioClient(env, name) {
  const transport = new StdioClientTransport({ command: 'java', args: ['-jar', serverJar, 'stdio'], env, cwd: moduleDir, stderr: 'pipe' });
  let stderr = '';
  transport.stderr.on('data', (chunk) => { stderr += chunk; });
  const client = new Client({ name, version: '1.0.0' }, { capabilities: {} });
  await client.connect(transport, { timeout: STARTUP_MS });
  client.stderr = () => stderr;
  return client;
}

function serverRecord(dataDir) {
  return JSON.parse(readFileSync(join(dataDir, 'server.json'), 'utf8'));
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function retrievedTexts(client, query, project) {
  const { memories } = await call(client, 'retrieve_context', { query, project, limit: 10 });
  return memories.map((memory) => memory.text);
}

describe('stdio', () => {
  const dataDir = freshDataDir('stdio');
  const clients = [];
  after(async () => {
    await Promise.all(clients.map((client) => client.close().catch(() => {})));
    if (existsSync(join(dataDir, 'server.json'))) {
      const { pid } = serverRecord(dataDir);
      if (isRunning(pid)) process.kill(pid, 'SIGTERM');
      await waitUntil(() => !isRunning(pid), 'the background server stopped', 30_000).catch(() => process.kill(pid, 'SIGKILL'));
    }
  });

  test('two stdio clients started at once on one fresh data directory share one background server', { timeout: 2 * STARTUP_MS }, async () => {
    const [port, managementPort] = await freePorts(2);
    const env = stdioEnvironment(dataDir, port, managementPort);
    const [alice, bob] = await Promise.all([stdioClient(env, 'terminal-1'), stdioClient(env, 'terminal-2')]);
    clients.push(alice, bob);

    const project = unique('stdio');
    const fromAlice = `The ${project} build runs on Gradle 8 with the configuration cache switched on.`;
    const fromBob = `Releases of ${project} are tagged by the CI after the smoke tests pass.`;
    const [storedByAlice, storedByBob] = await Promise.all([
      call(alice, 'store_memory', { text: fromAlice, memory_type: 'project_context', scope: 'project', project, entity: 'build' }),
      call(bob, 'store_memory', { text: fromBob, memory_type: 'project_context', scope: 'project', project, entity: 'release' }),
    ]);
    assert.equal(storedByAlice.stored, true);
    assert.equal(storedByBob.stored, true);
    assert.ok((await retrievedTexts(alice, 'how are releases tagged', project)).includes(fromBob), 'alice sees what bob stored');
    assert.ok((await retrievedTexts(bob, 'which build tool does it use', project)).includes(fromAlice), 'bob sees what alice stored');

    const starters = [alice, bob].filter((client) => client.stderr().includes('starting the memory server'));
    assert.equal(starters.length, 1, `exactly one stdio process starts the server; stderr:\n${alice.stderr()}\n${bob.stderr()}`);
    const log = readFileSync(join(dataDir, 'server.log'), 'utf8');
    assert.equal(log.match(/Listening on/g)?.length, 1, `one server started:\n${log}`);
    const { pid, mcp } = serverRecord(dataDir);
    assert.equal(mcp, `http://127.0.0.1:${port}/mcp`);
    assert.ok(isRunning(pid));

    await Promise.all([alice.close(), bob.close()]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.ok(isRunning(pid), 'the server outlives its clients');
    const later = await stdioClient(env, 'terminal-3');
    clients.push(later);
    assert.ok((await retrievedTexts(later, 'how are releases tagged', project)).includes(fromBob), 'a later client finds the memories');
    assert.doesNotMatch(later.stderr(), /starting the memory server/, 'a later client uses the running server');
  });

  test('a stdio client carries on in a new session when the server died under it', { timeout: 2 * STARTUP_MS }, async (t) => {
    if (!existsSync(join(dataDir, 'server.json'))) return t.skip('needs the server of the first test');
    const { pid, mcp, ready } = serverRecord(dataDir);
    const env = stdioEnvironment(dataDir, new URL(mcp).port, new URL(ready).port);
    const client = await stdioClient(env, 'terminal-4');
    clients.push(client);
    const project = unique('stdio-restart');
    const text = `The ${project} staging database is restored from the nightly snapshot every Monday.`;
    await call(client, 'store_memory', { text, memory_type: 'project_context', scope: 'project', project, entity: 'staging' });

    process.kill(pid, 'SIGKILL');
    await waitUntil(() => !isRunning(pid), 'the server died');
    // The first call after the crash waits for the server the bridge starts again.
    const retrieved = await client.request({ method: 'tools/call', params: { name: 'retrieve_context', arguments: { query: 'staging database restore', project, limit: 5 } } },
      CallToolResultSchema, { timeout: STARTUP_MS });
    assert.ok(retrieved.structuredContent.memories.some((memory) => memory.text === text), 'the acknowledged memory survived and is found');
    assert.match(client.stderr(), /continuing in a new session/);
    assert.notEqual(serverRecord(dataDir).pid, pid, 'a new server runs');
  });

  test('a stdio client whose port another program holds exits at once, with the reason alone on stderr', async () => {
    const squatter = createServer((request, response) => response.end('not a memory server'));
    await new Promise((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    try {
      const [managementPort] = await freePorts(1);
      const env = { ...process.env, ...stdioEnvironment(freshDataDir('stdio-taken'), squatter.address().port, managementPort) };
      const child = spawn('java', ['-jar', serverJar, 'stdio'], { env, cwd: moduleDir, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => { stdout += chunk; });
      child.stderr.on('data', (chunk) => { stderr += chunk; });
      const code = await new Promise((resolve) => child.on('exit', resolve));
      assert.equal(code, 1);
      assert.equal(stdout, '', 'stdout carries the protocol only');
      assert.equal(stderr.trim().split('\n').length, 1, `one line: ${stderr}`);
      assert.match(stderr, new RegExp(`Port ${squatter.address().port} on 127\\.0\\.0\\.1 is in use by another process`));
    } finally {
      squatter.close();
    }
  });
});
