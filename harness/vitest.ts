import { test } from 'vitest';
import { loadScenarioFile } from './scenario/load.js';
import { ScenarioPool } from './scenario/pool.js';
import { scenarioFailure } from './scenario/report.js';
import type { ScenarioResult } from './scenario/runner.js';
import type { Scenario } from './scenario/schema.js';
import { selectScenarioFiles } from './scenario/select.js';

/**
 * `fedsim/vitest`: scenario files as vitest tests. This is the only module that imports vitest
 * (an optional peer dependency), so the rest of fedsim works without it.
 */

export interface ScenarioTestOptions {
  /** Milliseconds per scenario; vitest's testTimeout when unset. */
  timeout?: number;
}

/**
 * Each file is parsed once, here: the scenario's own name (and its file) names the test, and the
 * run gets the parsed scenario. A file that does not load is named by its path, and its run loads
 * it again to fail with the reason in its test.
 */
function loaded(file: string): { name: string; scenario?: Scenario } {
  try {
    const scenario = loadScenarioFile(file);
    return { name: `${scenario.name} (${file})`, scenario };
  } catch {
    return { name: file };
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
    ? (file: string, scenario?: Scenario) => scenarioPool().run(file, {}, scenario)
    : async (file: string, scenario?: Scenario) => {
        const runner = await import('./scenario/runner.js');
        return scenario ? runner.runParsedScenario(scenario, file) : runner.runScenario(file);
      };
  const register = onThreads ? test.concurrent : test;
  // Threads load while vitest collects: their start does not count against the first tests' timeouts.
  if (onThreads) scenarioPool().warm();
  for (const file of files) {
    const { name, scenario } = loaded(file);
    register(
      name,
      async () => {
        const failure = scenarioFailure(await run(file, scenario));
        if (failure) throw failure;
      },
      options.timeout,
    );
  }
}
