import { test } from 'vitest';
import { loadScenarioFile } from './scenario/load.js';
import { ScenarioPool } from './scenario/pool.js';
import { scenarioFailure } from './scenario/report.js';
import type { ScenarioResult } from './scenario/runner.js';
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
 * Compiled (the installed package), scenarios run on worker threads, one per core, as `fedsim run`
 * does: vitest gives a 2-core machine one worker, and its tests run one at a time. The pool lives
 * on the process, not the module, so test files (isolated or not) share its started threads.
 */
const POOL = Symbol.for('fedsim.vitest.scenarioPool');
const compiled = import.meta.url.endsWith('.js');

function scenarioPool(): ScenarioPool<ScenarioResult> {
  const holder = globalThis as { [POOL]?: ScenarioPool<ScenarioResult> };
  holder[POOL] ??= new ScenarioPool<ScenarioResult>();
  return holder[POOL];
}

/**
 * Registers one test per scenario file in `paths` (files, or folders of *.yaml/*.yml, relative to
 * the working directory). Each runs its scenario in a fresh world; a failure is the step report:
 * which step failed, its code, expected and actual, and the fix. Paths that hold no scenario throw
 * (CLI_USAGE), so a typo cannot pass as an empty suite. From the installed package the tests are
 * concurrent (up to vitest's `maxConcurrency`, 5 by default) and run on worker threads.
 */
export function scenarioTests(paths: string | string[], options: ScenarioTestOptions = {}): void {
  const files = selectScenarioFiles(typeof paths === 'string' ? [paths] : paths);
  const onThreads = compiled && files.length > 1;
  // On threads this process never builds a world: it need not load the parties at all.
  const run = onThreads
    ? (file: string) => scenarioPool().run(file)
    : async (file: string) => (await import('./scenario/runner.js')).runScenario(file);
  const register = onThreads ? test.concurrent : test;
  // Threads load while vitest collects: their start does not count against the first tests' timeouts.
  if (onThreads) scenarioPool().warm();
  for (const file of files) {
    register(
      testName(file),
      async () => {
        const failure = scenarioFailure(await run(file));
        if (failure) throw failure;
      },
      options.timeout,
    );
  }
}
