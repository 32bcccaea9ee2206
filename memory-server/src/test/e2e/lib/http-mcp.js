// MCP over plain HTTP, for the auth tests that must see the exact status and WWW-Authenticate header of a refused
// request (the SDK client turns those into exceptions or, with an auth provider, into a new authorization).
import assert from 'node:assert/strict';

export const PROTOCOL_VERSION = '2025-11-25';

export const initializeRequest = (id = 1) => ({
  jsonrpc: '2.0', id, method: 'initialize',
  params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'min-memory-e2e-http', version: '1' } },
});

export const toolCallRequest = (name, args = {}, id = 2) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });

export const toolsListRequest = (id = 3) => ({ jsonrpc: '2.0', id, method: 'tools/list', params: {} });

/**
 * POSTs a JSON-RPC message (or any body) to the MCP endpoint. `token` goes into `Authorization: Bearer` unless
 * `authorization` gives the whole header. Returns {status, wwwAuthenticate, sessionId, text, messages} where
 * messages are the JSON-RPC messages of a JSON or SSE answer.
 */
export async function post(url, message, { token, authorization, sessionId, headers = {}, method = 'POST' } = {}) {
  const requestHeaders = {
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
    ...(sessionId ? { 'Mcp-Session-Id': sessionId, 'MCP-Protocol-Version': PROTOCOL_VERSION } : {}),
    ...(authorization ? { Authorization: authorization } : token ? { Authorization: `Bearer ${token}` } : {}),
    ...headers,
  };
  const response = await fetch(url, {
    method,
    headers: requestHeaders,
    body: method === 'POST' ? (typeof message === 'string' ? message : JSON.stringify(message)) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = method === 'GET' && response.ok ? '' : await response.text();
  if (method === 'GET' && response.ok) await response.body?.cancel();
  return {
    status: response.status,
    wwwAuthenticate: response.headers.get('www-authenticate'),
    sessionId: response.headers.get('mcp-session-id'),
    contentType: response.headers.get('content-type'),
    headers: Object.fromEntries(response.headers),
    text,
    messages: parseMessages(response.headers.get('content-type'), text),
  };
}

function parseMessages(contentType, text) {
  if (!text) return [];
  if (contentType?.includes('text/event-stream')) {
    return text.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).filter(Boolean).map((d) => JSON.parse(d));
  }
  if (contentType?.includes('application/json')) return [JSON.parse(text)].flat();
  return [];
}

/** initialize + notifications/initialized with `token`; returns the session id. */
export async function openSession(url, token) {
  const init = await post(url, initializeRequest(), { token });
  assert.equal(init.status, 200, `initialize: ${init.status} ${init.text}`);
  assert.ok(init.sessionId, 'initialize returned an Mcp-Session-Id');
  const initialized = await post(url, { jsonrpc: '2.0', method: 'notifications/initialized' }, { token, sessionId: init.sessionId });
  assert.equal(initialized.status, 202, `notifications/initialized: ${initialized.status} ${initialized.text}`);
  return init.sessionId;
}

/** A tools/call in a session; returns the HTTP answer plus `result` (the JSON-RPC result, if any). */
export async function callTool(url, { token, sessionId, authorization }, name, args = {}) {
  const answer = await post(url, toolCallRequest(name, args), { token, sessionId, authorization });
  return { ...answer, result: answer.messages.find((m) => m.id === 2)?.result };
}

/** The exact WWW-Authenticate values of the server's auth contract. */
export const challenges = (resourceMetadataUrl) => ({
  missing: `Bearer resource_metadata="${resourceMetadataUrl}", scope="mcp:read mcp:write"`,
  /** error_description is free text for humans; everything else is exact. */
  invalid: new RegExp(`^Bearer error="invalid_token", error_description="[^"\\\\]+", resource_metadata="${escape(resourceMetadataUrl)}", scope="mcp:read mcp:write"$`),
  insufficient: (scope) => new RegExp(`^Bearer error="insufficient_scope", error_description="[^"\\\\]+", resource_metadata="${escape(resourceMetadataUrl)}", scope="${escape(scope)}"$`),
});

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
