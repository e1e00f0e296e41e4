import { dirname } from 'node:path';
import type { Agent, Hop } from '../agent/index.js';
import { toFedsimError } from '../core/errors.js';
import { createWorld, type World } from '../world/world.js';
import { loadScenarioFile } from './load.js';
import type { Scenario } from './schema.js';
import { describeStep, runStep } from './steps.js';

export interface StepError {
  code: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
  hint?: string;
}

export interface StepResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  error?: StepError;
  durationMs: number;
}

export interface ScenarioResult {
  file: string;
  name: string;
  status: 'passed' | 'failed';
  steps: StepResult[];
  durationMs: number;
  hops: Hop[];
}

const elapsed = (start: number) => Math.round((performance.now() - start) * 10) / 10;

/** Runs a parsed scenario in a fresh world and always closes it. */
const INLINE = '<inline>';

export async function runParsedScenario(scenario: Scenario, file = INLINE): Promise<ScenarioResult> {
  const started = performance.now();
  const hops: Hop[] = [];
  const steps: StepResult[] = [];
  let world: World | undefined;
  try {
    const t = performance.now();
    try {
      world = await createWorld(
        { seed: file, ...scenario.world },
        { baseDir: file === INLINE ? process.cwd() : dirname(file) },
      );
    } catch (err) {
      steps.push({
        name: 'build the world',
        status: 'failed',
        error: toFedsimError(err, 'CONFIG_INVALID').toJSON(),
        durationMs: elapsed(t),
      });
    }
    const ctx = world && { world, browsers: new Map<string, Agent>(), onHop: (h: Hop) => hops.push(h) };
    for (const step of scenario.steps) {
      const name = describeStep(step);
      if (!ctx || steps.some((s) => s.status === 'failed')) {
        steps.push({ name, status: 'skipped', durationMs: 0 });
        continue;
      }
      const s = performance.now();
      try {
        await runStep(step, ctx);
        steps.push({ name, status: 'passed', durationMs: elapsed(s) });
      } catch (err) {
        steps.push({ name, status: 'failed', error: toFedsimError(err).toJSON(), durationMs: elapsed(s) });
      }
    }
  } finally {
    await world?.close();
  }
  const failed = steps.some((s) => s.status === 'failed');
  return {
    file,
    name: scenario.name,
    status: failed ? 'failed' : 'passed',
    steps,
    durationMs: elapsed(started),
    hops,
  };
}

/** Loads and runs one scenario file; a file that does not load is a failed scenario, not a crash. */
export async function runScenario(file: string): Promise<ScenarioResult> {
  let scenario: Scenario;
  try {
    scenario = loadScenarioFile(file);
  } catch (err) {
    return {
      file,
      name: file,
      status: 'failed',
      steps: [
        {
          name: 'load the scenario',
          status: 'failed',
          error: toFedsimError(err, 'SCENARIO_INVALID').toJSON(),
          durationMs: 0,
        },
      ],
      durationMs: 0,
      hops: [],
    };
  }
  return runParsedScenario(scenario, file);
}

export interface RunOptions {
  concurrency?: number;
  onResult?: (result: ScenarioResult, done: number, total: number) => void;
}

/** Runs files with bounded concurrency; results keep the order of `files`. */
export async function runScenarios(files: string[], options: RunOptions = {}): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const result = await runScenario(files[i] as string);
      results[i] = result;
      options.onResult?.(result, ++done, files.length);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, files.length)) }, worker),
  );
  return results;
}
