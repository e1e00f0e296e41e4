import { describe, expect, it } from 'vitest';
import { findScenarioFiles } from '../../harness/scenario/files.js';
import { scenarioTests } from '../../harness/vitest.js';

const SEEDS = [
  'scenarios/sarah-end-to-end.yaml',
  'scenarios/jit-creates-unprovisioned-user.yaml',
  'scenarios/auto-link-existing-user.yaml',
];

describe('bundled scenarios', () => {
  it('has the seed scenarios', () => {
    expect(findScenarioFiles(['scenarios'])).toEqual(expect.arrayContaining(SEEDS));
  });

  // The way README shows users, from source: one test per file, failing with the step report.
  // Every bundled scenario runs (and must pass) in test/trace/every-scenario-*.test.ts.
  scenarioTests(SEEDS);
});
