// Malformed and hostile requests, sent as raw HTTP the way a careless or malicious client would: each gets its exact
// HTTP status and JSON-RPC error code, quickly, and the server ends the exchange and closes the connection (a request
// left hanging holds a descriptor for good). Tool-level mistakes (null, missing or unknown arguments) get a tool
// error naming the argument.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { exchange } from '../lib/raw-http.js';
import { sharedServer, unique } from '../lib/shared.js';

const ACCEPT = 'application/json, text/event-stream';
const LATEST = '2025-11-25';

function headersFor({ sessionId, version } = {}) {
  return {
    'Content-Type': 'application/json',
    Accept: ACCEPT,
    ...(sessionId ? { 'Mcp-Session-Id': sessionId } : {}),
    ...(version ? { 'MCP-Protocol-Version': version } : {}),
  };
}

/** initialize + notifications/initialized at `version`; the session id. */
async function openSession(url, version = LATEST) {
  const init = await exchange(url, {
    headers: headersFor(),
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: version, capabilities: {}, clientInfo: { name: 'abuse', version: '1' } } }),
  });
  assert.equal(init.status, 200, init.body);
  const sessionId = init.headers['mcp-session-id'];
  assert.ok(sessionId);
  const initialized = await exchange(url, { headers: headersFor({ sessionId, version }), body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) });
  assert.equal(initialized.status, 202, initialized.body);
  return sessionId;
}

/** The one JSON-RPC message of a JSON or SSE answer. */
function message(answer) {
  if (answer.json !== undefined) return answer.json;
  const data = answer.body.split('\n').filter((l) => l.startsWith('data:')).map((l) => JSON.parse(l.slice(5)));
  assert.equal(data.length, 1, answer.body);
  return data[0];
}

function assertRefused(answer, status, code, pattern) {
  assert.equal(answer.status, status, `${answer.status} ${answer.body}`);
  assert.match(answer.headers['content-type'] ?? '', /application\/json/);
  const error = answer.json?.error;
  assert.ok(error, `a JSON-RPC error: ${answer.body}`);
  assert.equal(answer.json.jsonrpc, '2.0');
  assert.equal(error.code, code, answer.body);
  if (pattern) assert.match(error.message, pattern);
  return answer.json;
}

const call = (name, args, id = 7) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });

describe('protocol abuse', () => {
  let url;
  let session;
  let session0326;
  let session0618;
  before(async () => {
    ({ url } = await sharedServer());
    [session, session0326, session0618] = await Promise.all([openSession(url), openSession(url, '2025-03-26'), openSession(url, '2025-06-18')]);
  });

  const post = (body, options = {}) => exchange(url, {
    headers: headersFor({ sessionId: options.sessionId ?? session, version: options.version ?? LATEST }),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

  describe('malformed bodies get 400 and a JSON-RPC error, not 500', () => {
    for (const [label, body, code] of [
      ['a number', '42', -32600],
      ['a string', '"hello"', -32600],
      ['null', 'null', -32600],
      ['an empty batch', '[]', -32600],
      ['not JSON', '{"jsonrpc": "2.0", "id": 1, "method": ', -32700],
      ['an empty body', '', -32700],
      ['params as an array', { jsonrpc: '2.0', id: 1, method: 'tools/list', params: [1, 2] }, -32600],
      ['no jsonrpc member', { id: 1, method: 'tools/list' }, -32600],
      ['a method that is not a string', { jsonrpc: '2.0', id: 1, method: 42 }, -32600],
    ]) {
      test(`${label} in a session`, async () => {
        assertRefused(await post(body), 400, code);
      });
      test(`${label} without a session`, async () => {
        assertRefused(await post(body, { sessionId: null, version: null }), 400, code);
      });
    }

    test('a nested batch is refused', async () => {
      const inner = { jsonrpc: '2.0', id: 1, method: 'ping' };
      assertRefused(await post([[inner]], { sessionId: session0326, version: '2025-03-26' }), 400, -32600, /batch/i);
    });

    test('a batch element that is not an object is refused', async () => {
      assertRefused(await post([{ jsonrpc: '2.0', id: 1, method: 'ping' }, 5], { sessionId: session0326, version: '2025-03-26' }), 400, -32600);
    });
  });

  describe('requests missing what their method needs get 400 invalid params and end', () => {
    for (const [label, params, pattern] of [
      ['tools/call without params.name', { arguments: {} }, /name/],
      ['tools/call with name null', { name: null, arguments: {} }, /name/],
      ['tools/call with a numeric name', { name: 5 }, /name/],
      ['tools/call with arguments as an array', { name: 'search', arguments: ['q'] }, /arguments/],
      ['tools/call with arguments as a string', { name: 'search', arguments: 'q' }, /arguments/],
    ]) {
      test(label, async () => {
        const refused = assertRefused(await post({ jsonrpc: '2.0', id: 11, method: 'tools/call', params }), 400, -32602, pattern);
        assert.equal(refused.id, 11, 'the error answers the request id');
      });
    }

    test('tools/call without params', async () => {
      assertRefused(await post({ jsonrpc: '2.0', id: 12, method: 'tools/call' }), 400, -32602, /params/);
    });

    test('logging/setLevel without params', async () => {
      assertRefused(await post({ jsonrpc: '2.0', id: 13, method: 'logging/setLevel' }), 400, -32602, /params/);
    });

    test('many nameless tools/call requests all end (no descriptor is left hanging)', async () => {
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post({ jsonrpc: '2.0', id: i, method: 'tools/call', params: {} })));
      for (const answer of answers) assertRefused(answer, 400, -32602);
    });
  });

  describe('JSON-RPC ids and notifications', () => {
    test('an object id is refused, not echoed', async () => {
      const refused = assertRefused(await post({ jsonrpc: '2.0', id: { evil: true }, method: 'ping' }), 400, -32600, /id/);
      assert.equal(refused.id, null);
    });

    test('a request without an id is a notification: 202 and no reply', async () => {
      const answer = await post({ jsonrpc: '2.0', method: 'tools/list' });
      assert.equal(answer.status, 202, answer.body);
      assert.equal(answer.body, '');
    });

    test('a well-formed request with an id is answered', async () => {
      const answer = await post({ jsonrpc: '2.0', id: 'p-1', method: 'ping' });
      assert.equal(answer.status, 200, answer.body);
      assert.deepEqual(message(answer), { jsonrpc: '2.0', id: 'p-1', result: {} });
    });
  });

  describe('MCP-Protocol-Version', () => {
    test('an unsupported version is refused with 400', async () => {
      assertRefused(await post({ jsonrpc: '2.0', id: 1, method: 'ping' }, { version: '1999-01-01' }), 400, -32600, /MCP-Protocol-Version/);
    });

    test('every supported version is accepted', async () => {
      for (const version of ['2025-11-25', '2025-06-18', '2025-03-26']) {
        assert.equal((await post({ jsonrpc: '2.0', id: 1, method: 'ping' }, { version })).status, 200, version);
      }
    });
  });

  describe('batches', () => {
    const pings = (n) => Array.from({ length: n }, (_, i) => ({ jsonrpc: '2.0', id: i + 1, method: 'ping' }));

    test('are refused from 2025-06-18 on', async () => {
      assertRefused(await post(pings(2), { sessionId: session0618, version: '2025-06-18' }), 400, -32600, /batch/i);
      assertRefused(await post(pings(2)), 400, -32600, /batch/i);
    });

    test('are answered in a 2025-03-26 session', async () => {
      const answer = await post(pings(3), { sessionId: session0326, version: '2025-03-26' });
      assert.equal(answer.status, 200, answer.body);
      const ids = answer.body.split('\n').filter((l) => l.startsWith('data:')).map((l) => JSON.parse(l.slice(5)).id)
        .concat([answer.json ?? []].flat().map((m) => m.id)).sort();
      assert.deepEqual(ids, [1, 2, 3]);
    });

    test('larger than 10 requests are refused in a 2025-03-26 session', async () => {
      assertRefused(await post(pings(11), { sessionId: session0326, version: '2025-03-26' }), 400, -32600, /10/);
    });

    test('cannot open a session', async () => {
      const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'b', version: '1' } } };
      assertRefused(await post([init], { sessionId: null, version: null }), 400, -32600, /batch/i);
    });
  });

  describe('initialize keeps only small client information', () => {
    const initialize = (clientInfo, capabilities = {}) => post({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: LATEST, capabilities, clientInfo } }, { sessionId: null, version: null });

    test('a client name over 256 characters is refused', async () => {
      const refused = assertRefused(await initialize({ name: 'n'.repeat(257), version: '1' }), 400, -32602, /clientInfo\.name/);
      assert.equal(refused.id, 1);
    });

    test('a client version over 256 characters is refused', async () => {
      assertRefused(await initialize({ name: 'c', version: 'v'.repeat(257) }), 400, -32602, /clientInfo\.version/);
    });

    test('client information over 4096 bytes is refused', async () => {
      assertRefused(await initialize({ name: 'c', version: '1', description: 'd'.repeat(5000) }), 400, -32602, /clientInfo/);
    });

    test('capabilities over 4096 bytes are refused', async () => {
      assertRefused(await initialize({ name: 'c', version: '1' }, { experimental: { blob: 'x'.repeat(5000) } }), 400, -32602, /capabilities/);
    });

    test('no clientInfo is refused', async () => {
      assertRefused(await post({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: LATEST, capabilities: {} } }, { sessionId: null, version: null }), 400, -32602, /clientInfo/);
    });

    test('names at the limit are accepted', async () => {
      const answer = await initialize({ name: 'n'.repeat(256), version: 'v'.repeat(256) });
      assert.equal(answer.status, 200, answer.body);
    });
  });

  describe('sessions', () => {
    test('a forged session id gets 404 with a JSON-RPC error', async () => {
      assertRefused(await post({ jsonrpc: '2.0', id: 1, method: 'ping' }, { sessionId: 'forged-'.repeat(40) }), 404, -32001, /session/i);
    });
  });

  describe('a body over the 1 MiB limit gets 413 with a JSON-RPC error', () => {
    const oversized = JSON.stringify(call('store_memory', { text: 'x'.repeat(1_100_000) }));
    test('when its length is announced', async () => {
      const answer = await exchange(url, {
        headers: { ...headersFor({ sessionId: session, version: LATEST }), 'Content-Length': String(oversized.length) },
        body: oversized,
      });
      assertRefused(answer, 413, -32000, /larger than the limit of 1 MiB/);
    });
    test('when it is sent in chunks', async () => {
      const answer = await exchange(url, {
        headers: { ...headersFor({ sessionId: session, version: LATEST }), 'Transfer-Encoding': 'chunked' },
        chunks: oversized.match(/[\s\S]{1,65536}/g),
      });
      assertRefused(answer, 413, -32000, /larger than the limit of 1 MiB/);
    });
  });

  test('a body sent slowly is cut off with 408 after the body timeout', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', padding: 'x'.repeat(2000) });
    const chunks = body.match(/[\s\S]{1,100}/g);
    const answer = await exchange(url, {
      headers: { ...headersFor({ sessionId: session, version: LATEST }), 'Content-Length': String(Buffer.byteLength(body)) },
      chunks,
      chunkDelayMs: 1_000,
      timeoutMs: 16_000,
    });
    assert.equal(answer.status, 408, answer.body);
    assert.ok(answer.elapsedMs < 15_000, `cut off after ${answer.elapsedMs} ms`);
  });

  describe('tool arguments', () => {
    const tool = (name, args, id) => post(call(name, args, id));
    const result = (answer) => {
      assert.equal(answer.status, 200, answer.body);
      return message(answer).result;
    };

    test('an explicit null on an optional argument is the argument left out', async () => {
      const stored = result(await tool('store_memory', {
        text: `nulls are absent ${unique('n')}`, memory_type: 'episodic', scope: 'global', entity: 'python-client',
        project: null, task_id: null, tags: null, related_to: null, relation_types: null, status: null, priority: null,
      }));
      assert.notEqual(stored.isError, true, JSON.stringify(stored));
      assert.equal(stored.structuredContent.stored, true);
    });

    test('a null required argument is a tool error naming it', async () => {
      const refused = result(await tool('store_memory', { text: null, memory_type: 'episodic', scope: 'global', entity: 'e' }));
      assert.equal(refused.isError, true);
      assert.match(refused.content[0].text, /text/);
      assert.doesNotMatch(refused.content[0].text, /reference|Internal/);
    });

    test('missing arguments are a tool error naming the required ones', async () => {
      const answer = await post({ jsonrpc: '2.0', id: 8, method: 'tools/call', params: { name: 'store_memory' } });
      const refused = result(answer);
      assert.equal(refused.isError, true);
      for (const name of ['text', 'memory_type', 'scope', 'entity']) assert.match(refused.content[0].text, new RegExp(name));
    });

    test('a tool without required arguments may be called without arguments', async () => {
      const info = result(await post({ jsonrpc: '2.0', id: 9, method: 'tools/call', params: { name: 'get_context_info' } }));
      assert.notEqual(info.isError, true, JSON.stringify(info));
    });

    test('unknown argument names are refused, each named', async () => {
      const refused = result(await tool('store_memory', { text: 't', memory_type: 'episodic', scope: 'global', entity: 'e', user: 'mallory', evil: 1 }));
      assert.equal(refused.isError, true);
      assert.match(refused.content[0].text, /user/);
      assert.match(refused.content[0].text, /evil/);
    });

    test('an unknown tool is a JSON-RPC error, not a hang', async () => {
      const answer = await tool('no_such_tool', {});
      assert.ok([200, 400].includes(answer.status), answer.body);
      assert.ok(message(answer).error, answer.body);
    });
  });
});
