import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Agent, Hop } from '../agent/index.js';
import { toFedsimError } from '../core/errors.js';
import { decodeHop, type TracedSaml } from '../trace/decode.js';
import type { TraceDocument } from '../trace/document.js';
import { createWorld, type World } from '../world/world.js';
import { loadScenarioFile, scenarioSeed } from './load.js';
import { runOnWorkers } from './pool.js';
import { Recording } from './recording.js';
import type { Scenario } from './schema.js';
import { describeStep, runStep } from './steps/index.js';

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
  /** For a failed step: the last SAML message it sent, decoded (the message that caused the failure). */
  saml?: TracedSaml;
  durationMs: number;
}

export interface ScenarioResult {
  file: string;
  name: string;
  status: 'passed' | 'failed';
  steps: StepResult[];
  durationMs: number;
  /**
   * Every exchange of the run (browser and party to party), raw: real origins and timings. Only
   * when asked for (`trace: true`); `normalizeTrace` gives the stable form `--trace` writes.
   */
  trace?: TraceDocument;
}

export interface ScenarioOptions {
  /** Record every exchange into `ScenarioResult.trace` (off: the parties call each other directly). */
  trace?: boolean;
}

const INLINE = '<inline>';
const elapsed = (start: number) => Math.round((performance.now() - start) * 10) / 10;

function failedStep(name: string, err: unknown, started: number): StepResult {
  return {
    name,
    status: 'failed',
    error: toFedsimError(err).toJSON(),
    durationMs: elapsed(started),
  };
}

/** The last SAML message among the hops of one step, decoded with the receiving SP's profile. */
function lastMessage(world: World, hops: readonly Hop[]): TracedSaml | undefined {
  for (let i = hops.length - 1; i >= 0; i--) {
    const saml = decodeHop(hops[i] as Hop, (url) => world.spFor(url));
    if (saml) return saml;
  }
  return undefined;
}

async function runSteps(
  scenario: Scenario,
  world: World,
  hops: Hop[],
  recording?: Recording,
): Promise<StepResult[]> {
  const steps: StepResult[] = [];
  const ctx = {
    world,
    browsers: new Map<string, Agent>(),
    onHop: (hop: Hop, browser: string) => {
      hops.push(hop);
      recording?.onHop(hop, browser);
    },
    ...(recording ? { browserFetch: (browser: string) => recording.browserFetch(world, browser) } : {}),
  };
  for (const step of scenario.steps) {
    const name = describeStep(step);
    if (steps.some((s) => s.status === 'failed')) {
      steps.push({ name, status: 'skipped', durationMs: 0 });
      continue;
    }
    recording?.step(steps.length + 1, name);
    const started = performance.now();
    const firstHop = hops.length;
    try {
      await runStep(step, ctx);
      steps.push({ name, status: 'passed', durationMs: elapsed(started) });
    } catch (err) {
      const saml = lastMessage(world, hops.slice(firstHop));
      steps.push({ ...failedStep(name, err, started), ...(saml ? { saml } : {}) });
    }
  }
  return steps;
}

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

export interface RunOptions extends ScenarioOptions {
  concurrency?: number;
  /** Worker threads (default: one per core when running compiled; 0 = this thread only). */
  threads?: number;
  onResult?: (result: ScenarioResult, done: number, total: number) => void;
}

/** Runs files with bounded concurrency; results keep the order of `files`. */
export async function runScenarios(files: string[], options: RunOptions = {}): Promise<ScenarioResult[]> {
  // Worker threads load the compiled worker: from TypeScript sources (vitest) run in this thread.
  const compiled = import.meta.url.endsWith('.js');
  const threads = options.threads ?? (compiled ? availableParallelism() : 0);
  if (threads > 1 && files.length > 1) {
    return runOnWorkers(files, {
      trace: options.trace,
      threads,
      perWorker: Math.max(1, Math.ceil((options.concurrency ?? 4) / threads)),
      onResult: options.onResult,
    });
  }
  const results: ScenarioResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const result = await runScenario(files[i] as string, options);
      results[i] = result;
      options.onResult?.(result, ++done, files.length);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, files.length)) }, worker),
  );
  return results;
}
