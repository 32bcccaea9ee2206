// The official MCP conformance suite (@modelcontextprotocol/conformance), generic server scenarios, against the built
// server. Each scenario must report no failed check ("Passed: N/N, 0 failed", or "Total: N passed, 0 failed" when
// the suite runs several scenarios); the summed result is printed as "conformance Total: N passed, M failed".
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { conformanceCli, node22 } from '../lib/node22.js';
import { sharedServer } from '../lib/shared.js';

const run = promisify(execFile);
const SCENARIOS = ['server-initialize', 'ping', 'tools-list', 'prompts-list', 'resources-list', 'logging-set-level',
  'dns-rebinding-protection'];

describe('MCP conformance suite (generic server scenarios)', () => {
  const totals = { passed: 0, failed: 0 };
  after(() => console.log(`conformance Total: ${totals.passed} passed, ${totals.failed} failed (${SCENARIOS.join(', ')})`));

  for (const scenario of SCENARIOS) {
    test(`scenario ${scenario} passes with no failed checks`, async () => {
      const { url } = await sharedServer();
      let stdout;
      let stderr;
      try {
        ({ stdout, stderr } = await run(node22(), [conformanceCli, 'server', '--url', url, '--scenario', scenario],
          { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }));
      } catch (error) {
        // The suite exits non-zero when a check fails; its report is still on stdout.
        ({ stdout = '', stderr = '' } = error);
      }
      // eslint-disable-next-line no-control-regex
      const output = `${stdout}\n${stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
      const single = output.match(/Passed: (\d+)\/(\d+), (\d+) failed/);
      const total = output.match(/Total: (\d+) passed, (\d+) failed/);
      assert.ok(single || total, `no result line from the conformance suite:\n${output}`);
      const [passed, failed] = single ? [Number(single[1]), Number(single[3])] : [Number(total[1]), Number(total[2])];
      totals.passed += passed;
      totals.failed += failed;
      console.log(`conformance ${scenario}: ${(single ?? total)[0]}`);
      assert.equal(failed, 0, `conformance ${scenario}:\n${output}`);
      assert.ok(passed > 0, `conformance ${scenario} ran no checks:\n${output}`);
    });
  }
});
