import { describe, expect, it } from 'vitest';
import { findScenarioFiles } from '../../harness/scenario/load.js';
import { runScenario } from '../../harness/scenario/runner.js';

const files = findScenarioFiles(['scenarios']);

describe('bundled scenarios', () => {
  it('has the seed scenarios', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'scenarios/sarah-end-to-end.yaml',
        'scenarios/jit-creates-unprovisioned-user.yaml',
        'scenarios/auto-link-existing-user.yaml',
      ]),
    );
  });

  it.each(files)('%s meets every expectation', async (file) => {
    const result = await runScenario(file);
    const failed = result.steps.filter((s) => s.status !== 'passed');
    expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
    expect(result.status).toBe('passed');
    expect(result.steps.length).toBeGreaterThan(0);
  });
});
