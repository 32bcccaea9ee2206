// Connects the real MCP TypeScript SDK client to a server over Streamable HTTP, plus small assertion helpers for
// tool results.
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';

/**
 * An initialized SDK client.
 *
 * `protocolVersion` pins the version the client offers in `initialize` (the SDK always offers its latest one, so the
 * outgoing initialize request is rewritten). The version the server answered is on `client.negotiatedProtocolVersion`.
 */
export async function connect(url, { name = 'min-memory-e2e', protocolVersion, headers } = {}) {
  const transport = new StreamableHTTPClientTransport(new URL(url), headers ? { requestInit: { headers } } : undefined);
  if (protocolVersion) {
    const send = transport.send.bind(transport);
    transport.send = (message, options) => {
      if (message?.method === 'initialize') {
        message = { ...message, params: { ...message.params, protocolVersion } };
      }
      return send(message, options);
    };
  }
  const client = new Client({ name, version: '1.0.0' }, { capabilities: {} });
  await client.connect(transport);
  client.negotiatedProtocolVersion = transport.protocolVersion;
  return client;
}

export async function withClient(url, fn, options) {
  const client = await connect(url, options);
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

/** The JSON mirrored in the first text content block. */
export function textJson(result) {
  const text = result.content?.find((block) => block.type === 'text')?.text;
  assert.ok(text !== undefined, `no text content in ${JSON.stringify(result)}`);
  return JSON.parse(text);
}

/**
 * tools/call through the SDK client's request layer. `client.callTool` would also check structuredContent against the
 * tool's outputSchema (once tools/list has been called); output_schema.test.js does that for every tool, so one
 * schema defect fails there instead of in every behavioural test.
 */
export async function rawCall(client, name, args = {}) {
  return client.request({ method: 'tools/call', params: { name, arguments: args } }, CallToolResultSchema);
}

/**
 * Calls a tool that must succeed: isError is not set, structuredContent is present and the text block carries the
 * same JSON. Returns structuredContent.
 */
export async function call(client, name, args = {}) {
  const result = await rawCall(client, name, args);
  assert.ok(!result.isError, `${name}(${JSON.stringify(args)}) failed: ${JSON.stringify(result.content)}`);
  assert.ok(result.structuredContent, `${name} returned no structuredContent`);
  assert.deepEqual(textJson(result), result.structuredContent, `${name}: the text content is not the structuredContent JSON`);
  return result.structuredContent;
}

/**
 * Calls a tool that must fail as a tool error (isError: true with a message), never as a JSON-RPC error. Returns the
 * message text. `matches` (string or RegExp, or an array of them) must all be found in the message.
 */
export async function callError(client, name, args = {}, matches = []) {
  let result;
  try {
    result = await rawCall(client, name, args);
  } catch (error) {
    assert.fail(`${name}(${JSON.stringify(args)}) answered with a protocol error instead of isError: ${error}`);
  }
  assert.equal(result.isError, true, `${name}(${JSON.stringify(args)}) should fail, got ${JSON.stringify(result)}`);
  const message = (result.content ?? []).filter((b) => b.type === 'text').map((b) => b.text).join('\n');
  assert.ok(message.trim().length > 0, `${name}: tool error without a message`);
  assert.doesNotMatch(message, /\bat [\w$.]+\([\w$]+\.java:\d+\)|Exception:/, `${name}: the error leaks a stack trace: ${message}`);
  for (const expected of [matches].flat()) {
    if (expected instanceof RegExp) assert.match(message, expected, `${name}: unexpected error message`);
    else assert.ok(message.includes(expected), `${name}: error message ${JSON.stringify(message)} does not mention ${JSON.stringify(expected)}`);
  }
  return message;
}
