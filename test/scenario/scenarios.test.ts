import { describe, expect, it } from 'vitest';
import { findScenarioFiles } from '../../harness/scenario/files.js';
import { scenarioTests } from '../../harness/vitest.js';

describe('bundled scenarios', () => {
  it('has the seed scenarios', () => {
    expect(findScenarioFiles(['scenarios'])).toEqual(
      expect.arrayContaining([
        'scenarios/sarah-end-to-end.yaml',
        'scenarios/jit-creates-unprovisioned-user.yaml',
        'scenarios/auto-link-existing-user.yaml',
      ]),
    );
  });

  // The way README shows users: one test per file, failing with the step report.
  scenarioTests('scenarios/');
});
