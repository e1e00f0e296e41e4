import type { Agent } from '../agent/index.js';
import { FedsimError, toFedsimError } from '../core/errors.js';
import type { World } from '../world/world.js';
import type { Scenario } from './schema.js';
import type { ServeSteps } from './serve-step-choice.js';
import { describeStep, runStep, type Step, stepKind } from './steps/index.js';

/**
 * What `setup` leaves out: a person's sign-ins (the served world is there for people to sign in
 * to), the checks on what they did, and moves of the clock, which a served world on real time
 * cannot make.
 */
const NOT_SETUP = new Set(['login', 'replay', 'expect', 'advanceClock']);

const wanted = (which: ServeSteps) => (step: Step) =>
  which === 'all' || (which === 'setup' && !NOT_SETUP.has(stepKind(step)));

/**
 * Runs the chosen steps in order on the world serve is about to serve. A failing step stops it
 * (the world would not be the one the scenario describes), named by its number and name.
 */
export async function runServeSteps(scenario: Scenario, world: World, which: ServeSteps): Promise<void> {
  const ctx = { world, browsers: new Map<string, Agent>(), onHop: () => {} };
  for (const [i, step] of scenario.steps.entries()) {
    if (!wanted(which)(step)) continue;
    try {
      await runStep(step, ctx);
    } catch (err) {
      const e = toFedsimError(err);
      throw new FedsimError(e.code, `step ${i + 1} (${describeStep(step)}): ${e.message}`, {
        expected: e.expected,
        actual: e.actual,
        hint:
          e.hint ?? `Serve it with --steps ${which === 'all' ? 'setup' : 'none'} to leave such steps out.`,
      });
    }
  }
}
