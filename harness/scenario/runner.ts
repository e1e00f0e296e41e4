import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Hop } from '../agent/index.js';
import { createWorld, type World } from '../world/world.js';
import { loadScenarioFile, scenarioSeed } from './load.js';
import { Recording } from './recording.js';
import type { ScenarioOptions, ScenarioResult, StepResult } from './result.js';
import { elapsed, failedStep, runSteps } from './run-steps.js';
import type { Scenario } from './schema.js';
import { describeStep } from './steps/index.js';

export type { ScenarioOptions, ScenarioResult, StepError, StepResult } from './result.js';

const INLINE = '<inline>';

/** Runs a parsed scenario in a fresh world and always closes it. */
export async function runParsedScenario(
  scenario: Scenario,
  file = INLINE,
  options: ScenarioOptions = {},
): Promise<ScenarioResult> {
  const started = performance.now();
  const hops: Hop[] = [];
  let steps: StepResult[] = [];
  let world: World | undefined;
  const recording = options.trace ? new Recording() : undefined;
  try {
    world = await createWorld(
      { ...scenario.world, seed: scenarioSeed(scenario) },
      {
        baseDir: file === INLINE ? process.cwd() : dirname(file),
        ...(recording ? { record: recording.parties } : {}),
      },
    );
  } catch (err) {
    const skipped = scenario.steps.map((s) => ({
      name: describeStep(s),
      status: 'skipped' as const,
      durationMs: 0,
    }));
    steps = [failedStep('build the world', err, started), ...skipped];
  }
  if (world) {
    const running = world;
    recording?.watch(running);
    try {
      steps = await runSteps(scenario, running, hops, recording);
    } finally {
      await running.close();
    }
  }
  const status = steps.some((s) => s.status === 'failed') ? 'failed' : 'passed';
  const trace = recording?.document(world, { name: scenario.name, file: traceFile(file) }, steps, status);
  return {
    file,
    name: scenario.name,
    status,
    steps,
    durationMs: elapsed(started),
    ...(trace ? { trace } : {}),
  };
}

/**
 * Where a trace says the scenario came from: relative to the working folder with forward slashes,
 * or absolute when it lies outside it (`../../tmp/x.yaml` helps nobody).
 */
function traceFile(file: string): string {
  if (file === INLINE) return file;
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || isAbsolute(rel) ? resolve(file) : rel.split(sep).join('/');
}

/** Loads and runs one scenario file; a file that does not load is a failed scenario, not a crash. */
export async function runScenario(file: string, options: ScenarioOptions = {}): Promise<ScenarioResult> {
  let scenario: Scenario;
  try {
    scenario = loadScenarioFile(file);
  } catch (err) {
    return {
      file,
      name: file,
      status: 'failed',
      steps: [failedStep('load the scenario', err, performance.now())],
      durationMs: 0,
    };
  }
  return runParsedScenario(scenario, file, options);
}
