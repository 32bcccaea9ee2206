// The HTTP surface around MCP: health and Prometheus metrics (with per-tool metrics) on the management interface and
// nowhere else, and DNS-rebinding protection (a foreign Host or Origin gets 403) on both ports.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { call, connect } from '../lib/mcp.js';
import { sharedServer } from '../lib/shared.js';
import http2 from 'node:http2';
import { request } from '../lib/raw-http.js';

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0', id: 1, method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw-http', version: '1' } },
});
const MCP_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };

describe('HTTP endpoints', () => {
  let server;
  before(async () => { server = await sharedServer(); });

  test('/q/health/live is UP on the management interface', async () => {
    const { status, body } = await request(`${server.managementUrl}/health/live`);
    assert.equal(status, 200);
    assert.equal(JSON.parse(body).status, 'UP');
  });

  test('/q/health/ready is UP and has checks on the management interface', async () => {
    const { status, body } = await request(`${server.managementUrl}/health/ready`);
    assert.equal(status, 200);
    const health = JSON.parse(body);
    assert.equal(health.status, 'UP');
    assert.ok(health.checks.length >= 1, body);
    assert.ok(health.checks.every((c) => c.status === 'UP'), body);
  });

  test('/q/metrics exposes per-tool call counts and latencies in Prometheus format', async () => {
    const client = await connect(server.url);
    await call(client, 'get_context_info', { cwd: '/tmp/metrics-check' });
    await call(client, 'search', { query: 'metrics check' });
    await client.close();
    const { status, headers, body } = await request(`${server.managementUrl}/metrics`);
    assert.equal(status, 200);
    assert.match(headers['content-type'], /text\/plain|openmetrics/);
    const count = (tool) => {
      const line = body.split('\n').find((l) => l.startsWith('mcp_server_requests_tools_call_seconds_count{') && l.includes(`tool_name="${tool}"`));
      assert.ok(line, `no mcp_server_requests_tools_call_seconds_count for ${tool}`);
      return Number(line.trim().split(/\s+/).at(-1));
    };
    assert.ok(count('get_context_info') >= 1);
    assert.ok(count('search') >= 1);
    assert.ok(body.includes('mcp_server_requests_tools_call_seconds_sum{'), 'latency sums are exported');
  });

  test('the MCP port serves neither health nor metrics', async () => {
    for (const path of ['/q/health', '/q/health/ready', '/q/metrics']) {
      const { status } = await request(`${server.baseUrl}${path}`);
      assert.equal(status, 404, path);
    }
  });

  test('in local mode the management interface refuses a foreign Host with 403', async () => {
    const { status } = await request(`${server.managementUrl}/health/ready`, { headers: { Host: 'evil.example.com' } });
    assert.equal(status, 403);
  });

  test('an MCP request with a loopback Host is served', async () => {
    const { status } = await request(server.url, { method: 'POST', headers: { ...MCP_HEADERS, Host: `localhost:${new URL(server.url).port}` }, body: INITIALIZE });
    assert.equal(status, 200);
  });

  // HTTP/2 has no Host header: the host is the :authority pseudo-header.
  test('an MCP request over HTTP/2 cleartext is checked by its :authority', async () => {
    const h2post = (authority) => new Promise((resolve, reject) => {
      const session = http2.connect(server.baseUrl);
      session.on('error', reject);
      const stream = session.request({ ':method': 'POST', ':path': '/mcp', ':authority': authority, ...Object.fromEntries(Object.entries(MCP_HEADERS).map(([k, v]) => [k.toLowerCase(), v])) });
      let status;
      stream.on('response', (headers) => { status = headers[':status']; });
      stream.on('data', () => {});
      stream.on('end', () => { session.close(); resolve(status); });
      stream.on('error', reject);
      stream.end(INITIALIZE);
    });
    assert.equal(await h2post(`127.0.0.1:${new URL(server.url).port}`), 200);
    assert.equal(await h2post('evil.example.com'), 403);
  });

  test('an MCP request with a foreign Host is refused with 403', async () => {
    const { status } = await request(server.url, { method: 'POST', headers: { ...MCP_HEADERS, Host: 'evil.example.com' }, body: INITIALIZE });
    assert.equal(status, 403);
  });

  test('an MCP request with a foreign Host and port is refused with 403', async () => {
    const { status } = await request(server.url, { method: 'POST', headers: { ...MCP_HEADERS, Host: `attacker.test:${new URL(server.url).port}` }, body: INITIALIZE });
    assert.equal(status, 403);
  });

  test('an MCP request with a foreign Origin is refused with 403', async () => {
    const { status } = await request(server.url, { method: 'POST', headers: { ...MCP_HEADERS, Origin: 'https://evil.example.com' }, body: INITIALIZE });
    assert.equal(status, 403);
  });

  test('a GET on /mcp with a foreign Origin is refused with 403', async () => {
    const { status } = await request(server.url, { headers: { Accept: 'text/event-stream', Origin: 'http://rebind.attacker.test' } });
    assert.equal(status, 403);
  });

  test('an MCP request from its own origin is served', async () => {
    const { origin, port } = new URL(server.url);
    for (const [host, own] of [[`127.0.0.1:${port}`, origin], [`localhost:${port}`, `http://localhost:${port}`]]) {
      const { status } = await request(server.url, { method: 'POST', headers: { ...MCP_HEADERS, Host: host, Origin: own }, body: INITIALIZE });
      assert.equal(status, 200, `Host ${host}, Origin ${own}`);
    }
  });

  test('an MCP request from a loopback origin on another port (a local browser UI) is served', async () => {
    // e.g. the MCP Inspector's web UI on http://localhost:6274: loopback, so not a foreign origin.
    for (const origin of ['http://localhost:6274', 'http://127.0.0.1:6274']) {
      const { status } = await request(server.url, { method: 'POST', headers: { ...MCP_HEADERS, Origin: origin }, body: INITIALIZE });
      assert.equal(status, 200, `Origin ${origin}`);
    }
  });

  test('the SDK client with a foreign Origin header cannot connect', async () => {
    // The 403 itself is asserted above; the SDK's error names the failed POST but not always the status.
    await assert.rejects(connect(server.url, { headers: { Origin: 'https://evil.example.com' } }), /Error POSTing to endpoint|403|Forbidden/);
  });

  test('a malformed JSON-RPC body is answered without a 500', async () => {
    const { status } = await request(server.url, { method: 'POST', headers: MCP_HEADERS, body: '{"jsonrpc": "2.0", "id": 1, "method": ' });
    assert.ok(status < 500, `status ${status}`);
  });
});
