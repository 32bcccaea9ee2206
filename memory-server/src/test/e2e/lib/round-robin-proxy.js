// A plain load balancer in front of several servers, as a Kubernetes Service without session affinity is: each
// request goes to the next server in turn, whatever it carries. Bodies and answers (SSE streams included) are
// streamed through unchanged; every request is recorded with the server it went to and the status it got.
import { createServer, request as forward } from 'node:http';

/** Starts the proxy on a free loopback port. `targets` are base URLs such as http://127.0.0.1:8080. */
export async function startRoundRobinProxy(targets) {
  const exchanges = [];
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const target = new URL(targets[next++ % targets.length]);
    const exchange = { target: target.origin, method: incoming.method, sessionId: incoming.headers['mcp-session-id'], status: undefined };
    exchanges.push(exchange);
    const upstream = forward({ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      exchange.status = answer.statusCode;
      outgoing.writeHead(answer.statusCode, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on('error', (error) => {
      exchange.status = 502;
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end(String(error));
    });
    outgoing.on('close', () => upstream.destroy());
    incoming.pipe(upstream);
  });
  await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address();
  return {
    port,
    url: `http://127.0.0.1:${port}/mcp`,
    /** {target, method, sessionId, status} of each request so far, in order. */
    exchanges,
    close: () => new Promise((closed) => {
      server.closeAllConnections();
      server.close(closed);
    }),
  };
}
