// Starts the BUILT memory server (target/quarkus-app/quarkus-run.jar) as a child process on free loopback ports (MCP,
// and the management interface for health and metrics) with its own data directory, waits until /q/health/ready is UP, and stops it gracefully (SIGTERM) or crashes it
// (SIGKILL). Nothing is mocked: this is the jar `./mvnw package` produced.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** memory-server/ */
export const moduleDir = resolve(here, '../../../..');
export const targetDir = join(moduleDir, 'target');
export const serverJar = process.env.MEMORY_SERVER_JAR ?? join(targetDir, 'quarkus-app', 'quarkus-run.jar');
/** Shared by every test server so the model is extracted once. */
export const modelCacheDir = process.env.MEMORY_EMBEDDING_CACHE_DIR ?? join(targetDir, 'e2e-model-cache');
const dataRoot = join(targetDir, 'e2e-data');
export const logDir = join(targetDir, 'e2e-logs');

const READY_TIMEOUT_MS = Number(process.env.MEMORY_E2E_READY_TIMEOUT_MS ?? 180_000);

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). */
export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** `count` distinct free ports (each asked from the OS while the others are still held). */
export async function freePorts(count) {
  const ports = new Set();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/** A fresh, empty data directory under target/e2e-data (removed by `mvn clean`). */
export function freshDataDir(label = 'server') {
  mkdirSync(dataRoot, { recursive: true });
  return mkdtempSync(join(dataRoot, `${label}-`));
}

/**
 * Spawns the server without waiting for it. Returns a handle; `exited` resolves with {code, signal} once the
 * process has ended.
 */
export function spawnServer({ dataDir, port, managementPort, env = {}, javaOptions = ['-Xmx512m'] } = {}) {
  if (!existsSync(serverJar)) {
    throw new Error(`${serverJar} does not exist: build it first (./mvnw -B -pl memory-server package -DskipTests)`);
  }
  mkdirSync(modelCacheDir, { recursive: true });
  const childEnv = {
    ...process.env,
    PORT: String(port),
    MANAGEMENT_PORT: String(managementPort),
    MCP_DATA_DIR: dataDir,
    MEMORY_EMBEDDING_CACHE_DIR: modelCacheDir,
    ...env,
  };
  for (const [key, value] of Object.entries(childEnv)) {
    if (value === undefined) delete childEnv[key];
  }
  // The server writes to a log file (kept for post-mortems, and read by tests that check its messages).
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `server-${port}-${Date.now()}.log`);
  const fd = openSync(logFile, 'a');
  const proc = spawn('java', [...javaOptions, '-jar', serverJar], {
    cwd: moduleDir,
    env: childEnv,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise((resolveExit) => {
    proc.on('exit', (code, signal) => resolveExit({ code, signal }));
  });
  let running = true;
  exited.then(() => { running = false; });
  return {
    proc,
    port,
    dataDir,
    baseUrl: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/mcp`,
    managementUrl: `http://127.0.0.1:${managementPort}/q`,
    exited,
    get running() { return running; },
    logFile,
    /** Everything the process wrote to stdout and stderr so far. */
    output: () => readFileSync(logFile, 'utf8'),
  };
}

/** Polls the management interface's /q/health/ready until it answers 200 UP; fails early (with the server's output) if the process exits. */
export async function waitReady(server, timeoutMs = READY_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (!server.running) {
      const { code, signal } = await server.exited;
      throw new Error(`server exited (code ${code}, signal ${signal}) before it was ready:\n${tail(server.output())}`);
    }
    try {
      const response = await fetch(`${server.managementUrl}/health/ready`, { signal: AbortSignal.timeout(5_000) });
      const body = await response.text();
      if (response.status === 200 && JSON.parse(body).status === 'UP') return server;
      last = `${response.status} ${body}`;
    } catch (error) {
      last = String(error?.cause?.code ?? error);
    }
    await sleep(200);
  }
  await kill(server);
  throw new Error(`server not ready after ${timeoutMs} ms (last answer: ${last}):\n${tail(server.output())}`);
}

/** Starts a server on a free port (and a fresh data dir unless one is given) and waits until it is ready. */
export async function startServer({ dataDir = freshDataDir(), env = {}, javaOptions } = {}) {
  const [port, managementPort] = await freePorts(2);
  const server = spawnServer({ dataDir, port, managementPort, env, javaOptions });
  return waitReady(server);
}

/** Graceful stop: SIGTERM, then waits for the exit. Resolves with {code, signal}. */
export async function stop(server, timeoutMs = 30_000) {
  if (!server?.running) return server ? server.exited : undefined;
  server.proc.kill('SIGTERM');
  const timer = setTimeout(() => server.proc.kill('SIGKILL'), timeoutMs);
  try {
    return await server.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Crash: SIGKILL (kill -9), no shutdown hook runs. Resolves with {code, signal}. */
export async function kill(server) {
  if (!server?.running) return server ? server.exited : undefined;
  server.proc.kill('SIGKILL');
  return server.exited;
}

export function tail(text, lines = 60) {
  return text.split('\n').slice(-lines).join('\n');
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
