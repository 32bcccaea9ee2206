// A real client: Claude Code, installed from npm into a temporary directory with a temporary HOME, is given the memory
// server over HTTP and over stdio (`java -jar … stdio`, bridging to the same server) with `claude mcp add`, and
// `claude mcp list` must report both connected. Opt-in (MEMORY_E2E_CLAUDE_CODE=1): the package is ~235 MB. No API key
// is needed: `mcp list` only connects to the servers.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { serverJar, targetDir } from '../lib/server.js';
import { sharedServer } from '../lib/shared.js';

const run = promisify(execFile);
const CLAUDE_CODE = '@anthropic-ai/claude-code@2.1.332';
const enabled = process.env.MEMORY_E2E_CLAUDE_CODE === '1';

describe('Claude Code', { skip: !enabled && `set MEMORY_E2E_CLAUDE_CODE=1 to install ${CLAUDE_CODE} (~235 MB) and connect it` }, () => {
  let root;
  let claude;

  before(async () => {
    mkdirSync(targetDir, { recursive: true });
    root = mkdtempSync(join(targetDir, 'e2e-claude-code-'));
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', root, CLAUDE_CODE], { timeout: 600_000 });
    // npm 11 does not run the package's postinstall, which would link the platform's binary: call that one directly.
    const binary = process.platform === 'win32' ? 'claude.exe' : 'claude';
    const home = join(root, 'home');
    const project = join(root, 'project');
    mkdirSync(home);
    mkdirSync(project);
    const env = { ...process.env, HOME: home, USERPROFILE: home, DISABLE_AUTOUPDATER: '1', MCP_TIMEOUT: '120000' };
    claude = (...args) => run(join(root, 'node_modules', '@anthropic-ai', `claude-code-${process.platform}-${process.arch}`, binary), args,
      { cwd: project, env, timeout: 180_000 });
  }, { timeout: 660_000 });
  after(() => root && rmSync(root, { recursive: true, force: true }));

  test('claude mcp list reports the server connected over HTTP and over stdio', { timeout: 300_000 }, async () => {
    const server = await sharedServer();
    await claude('mcp', 'add', '--transport', 'http', 'memory-http', server.url);
    // The stdio process bridges to the server running on its data directory.
    await claude('mcp', 'add', 'memory-stdio', '-e', `MCP_DATA_DIR=${server.dataDir}`, '--', 'java', '-jar', serverJar, 'stdio');

    const { stdout } = await claude('mcp', 'list');
    assert.match(stdout, /^memory-http: .* - ✔ Connected$/m, stdout);
    assert.match(stdout, /^memory-stdio: java -jar .* stdio - ✔ Connected$/m, stdout);
  });
});
