// Raw HTTP requests: fetch cannot set the Host header (which the DNS-rebinding tests forge), send a body slowly,
// or show that the server ended an exchange and closed its connection.
import http from 'node:http';

export function request(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, family: 4 }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { data += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.setTimeout(15_000, () => req.destroy(new Error('timeout')));
    if (body) req.write(body);
    req.end();
  });
}

/**
 * One request on a connection of its own (`Connection: close`), resolved only once the server has answered AND the
 * connection is closed, so a hanging exchange or a connection the server keeps open fails with a timeout after
 * `timeoutMs`. `chunks` (with `chunkDelayMs`) sends the body piece by piece, as a slow client would. Resolves with
 * {status, headers, body, json, elapsedMs}; `json` is the parsed body when it is JSON.
 */
export function exchange(url, { method = 'POST', headers = {}, body, chunks, chunkDelayMs = 0, timeoutMs = 5_000 } = {}) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let answer;
    let settled = false;
    const finish = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error); else resolve({ ...answer, elapsedMs: Date.now() - started });
    };
    const req = http.request(url, { method, headers: { Connection: 'close', ...headers }, family: 4, agent: false }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { data += chunk; });
      res.on('end', () => {
        answer = { status: res.statusCode, headers: res.headers, body: data, json: parseJson(data) };
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish(new Error(`no complete answer and closed connection within ${timeoutMs} ms`
        + (answer ? ` (answered ${answer.status} but left the connection open)` : '')));
    }, timeoutMs);
    req.on('socket', (socket) => socket.on('close', () => (answer ? finish() : finish(new Error('connection closed without an answer')))));
    req.on('error', (error) => { if (!answer) finish(error); });
    if (chunks) {
      (async () => {
        for (const chunk of chunks) {
          if (req.destroyed) return;
          req.write(chunk);
          await new Promise((r) => setTimeout(r, chunkDelayMs));
        }
        if (!req.destroyed) req.end();
      })();
    } else {
      if (body !== undefined) req.write(body);
      req.end();
    }
  });
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
