import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../harness/scenario/load.js';
import { scenarioFailure } from '../../harness/scenario/report.js';
import { runParsedScenario } from '../../harness/scenario/runner.js';
import { scenarioTests } from '../../harness/vitest.js';
import { codeOf } from '../codes.js';

describe('fedsim/vitest', () => {
  it('fails a scenario test with the failed step: its number, name, code, expected and actual', async () => {
    const scenario = parseScenario(
      'name: Wrong count\nsteps:\n  - assign: { user: sarah@org1.example }\n  - expect:\n      org2: { userCount: 3 }\n',
      'wrong-count.yaml',
    );
    const result = await runParsedScenario(scenario, 'wrong-count.yaml');
    const failure = scenarioFailure(result);
    expect(failure?.code).toBe('SCENARIO_EXPECTATION_FAILED');
    const lines = failure?.message.split('\n') ?? [];
    expect(lines[0]).toContain('step 2 of 2');
    expect(lines[0]).toContain('wrong-count.yaml');
    expect(lines.slice(1).map((l) => l.trim().split(':')[0])).toEqual([
      'step 2',
      'SCENARIO_EXPECTATION_FAILED',
      'expected',
      'actual',
    ]);
  });

  it('passes a scenario that meets its expectations', async () => {
    const scenario = parseScenario(
      'name: ok\nsteps:\n  - expect:\n      org2: { userCount: 0 }\n',
      'ok.yaml',
    );
    expect(scenarioFailure(await runParsedScenario(scenario))).toBeUndefined();
  });

  it('is the only harness module that imports vitest (an optional peer dependency)', () => {
    const importsVitest = /['"]vitest(\/[^'"]*)?['"]/;
    const importers = readdirSync('harness', { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && importsVitest.test(readFileSync(path.join('harness', f), 'utf8')),
    );
    expect(importers).toEqual(['vitest.ts']);
  });

  it('refuses, while collecting, paths that hold no scenario', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'fedsim-vitest-'));
    expect(codeOf(() => scenarioTests(empty))).toBe('CLI_USAGE');
  });
});
