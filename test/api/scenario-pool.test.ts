import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseScenario, runScenarios } from 'fedsim';
import { scenarioTests } from 'fedsim/vitest';
import { expect, test } from 'vitest';
import { ScenarioPool } from '../../dist/harness/scenario/pool.js';
import type { ScenarioResult } from '../../harness/scenario/result.js';

// Through the package (dist/): worker threads need the compiled worker.
test('scenarios on worker threads come back in the order of the files, a file named twice runs twice', async () => {
  const failing = path.join(mkdtempSync(path.join(os.tmpdir(), 'fedsim-pool-')), 'wrong-count.yaml');
  writeFileSync(failing, 'name: Wrong count\nsteps:\n  - expect:\n      org2: { userCount: 3 }\n');
  const files = ['scenarios/org2org-create-user.yaml', failing, 'scenarios/org2org-create-user.yaml'];
  const done: number[] = [];
  const results = await runScenarios(files, {
    threads: 2,
    concurrency: 4,
    onResult: (_r, n) => done.push(n),
  });
  expect(results.map((r) => [r.file, r.status])).toEqual([
    [files[0], 'passed'],
    [failing, 'failed'],
    [files[2], 'passed'],
  ]);
  expect(results[1]?.steps[0]?.error?.code).toBe('SCENARIO_EXPECTATION_FAILED');
  expect(done).toEqual([1, 2, 3]);
});

test('a scenario parsed before it is sent runs as parsed: the thread does not read its file again', async () => {
  const pool = new ScenarioPool<ScenarioResult>({ threads: 1 });
  const scenario = parseScenario(
    'name: Parsed here\nsteps:\n  - expect:\n      org2: { userCount: 0 }\n',
    'x.yaml',
  );
  try {
    const result = await pool.run('scenarios/org2org-create-user.yaml', {}, scenario);
    expect([result.file, result.name, result.status]).toEqual([
      'scenarios/org2org-create-user.yaml',
      'Parsed here',
      'passed',
    ]);
  } finally {
    await pool.close();
  }
});

// From the package, more than one file: concurrent tests on the process's worker threads.
scenarioTests(['scenarios/org2org-create-user.yaml', 'scenarios/sarah-end-to-end.yaml']);
