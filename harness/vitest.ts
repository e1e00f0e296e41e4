import { test } from 'vitest';
import { loadScenarioFile } from './scenario/load.js';
import { scenarioFailure } from './scenario/report.js';
import { runScenario } from './scenario/runner.js';
import { selectScenarioFiles } from './scenario/select.js';

/**
 * `fedsim/vitest`: scenario files as vitest tests. This is the only module that imports vitest
 * (an optional peer dependency), so the rest of fedsim works without it.
 */

export interface ScenarioTestOptions {
  /** Milliseconds per scenario; vitest's testTimeout when unset. */
  timeout?: number;
}

/** The scenario's own name and its file; a file that does not load is named by its path and fails in its test. */
function testName(file: string): string {
  try {
    return `${loadScenarioFile(file).name} (${file})`;
  } catch {
    return file;
  }
}

/**
 * Registers one test per scenario file in `paths` (files, or folders of *.yaml/*.yml, relative to
 * the working directory). Each runs its scenario in a fresh world; a failure is the step report:
 * which step failed, its code, expected and actual, and the fix. Paths that hold no scenario throw
 * (CLI_USAGE), so a typo cannot pass as an empty suite.
 */
export function scenarioTests(paths: string | string[], options: ScenarioTestOptions = {}): void {
  for (const file of selectScenarioFiles(typeof paths === 'string' ? [paths] : paths)) {
    test(
      testName(file),
      async () => {
        const failure = scenarioFailure(await runScenario(file));
        if (failure) throw failure;
      },
      options.timeout,
    );
  }
}
