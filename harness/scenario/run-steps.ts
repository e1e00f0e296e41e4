import type { Agent, Hop } from '../agent/index.js';
import { toFedsimError } from '../core/errors.js';
import { decodeHop, type TracedSaml } from '../trace/decode.js';
import type { World } from '../world/world.js';
import type { Recording } from './recording.js';
import type { StepResult } from './result.js';
import type { Scenario } from './schema.js';
import { describeStep, runStep } from './steps/index.js';

/** Milliseconds since `start`, to a tenth. */
export const elapsed = (start: number) => Math.round((performance.now() - start) * 10) / 10;

export function failedStep(name: string, err: unknown, started: number): StepResult {
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

/** Runs the scenario's steps in order; after the first failure the rest are skipped. */
export async function runSteps(
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
