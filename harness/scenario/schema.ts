import { z } from 'zod';
import { worldSettingsSchema } from './steps/configure.js';
import { stepSchema } from './steps/index.js';

const BUILT_IN_APPS = ['Org2Org', 'Dropbox Business'];

type WithApps = { org2?: { apps?: { name: string }[] } } | undefined;
const appNames = (config: WithApps) => (config?.org2?.apps ?? []).map((a) => a.name);

/**
 * Every app a step names (assign/unassign `app`, login `tiles`, expect.provisioning `app`) is Org2Org, Dropbox Business or
 * one of world.org2.apps or of a `configure` step's (whether it exists yet is the run's to say).
 */
function appNamesExist(
  scenario: { world: WithApps; steps: Record<string, unknown>[] },
  ctx: z.RefinementCtx,
): void {
  const configured = scenario.steps.flatMap((step) => appNames(step.configure as WithApps));
  const known = [...new Set([...BUILT_IN_APPS, ...appNames(scenario.world), ...configured])];
  const check = (name: unknown, path: (string | number)[]) => {
    if (typeof name === 'string' && !known.includes(name))
      ctx.addIssue({
        code: 'custom',
        path,
        message: `no app "${name}" in this world; apps: ${known.join(', ')}`,
      });
  };
  scenario.steps.forEach((step, i) => {
    for (const kind of ['assign', 'unassign'] as const)
      check((step[kind] as { app?: unknown } | undefined)?.app, ['steps', i, kind, 'app']);
    const provisioning = (step.expect as { provisioning?: { app?: unknown } } | undefined)?.provisioning;
    check(provisioning?.app, ['steps', i, 'expect', 'provisioning', 'app']);
    const tiles = (step.login as { tiles?: unknown[] } | undefined)?.tiles ?? [];
    for (const [j, tile] of tiles.entries()) check(tile, ['steps', i, 'login', 'tiles', j]);
  });
}

/** Scenario files: a world (world/config.ts) and steps (steps/). Unknown keys are errors. */
export const scenarioSchema = z
  .strictObject({
    name: z.string().describe('what the scenario shows, one line'),
    description: z.string().optional().describe('why, and what to look for'),
    world: worldSettingsSchema
      .default({})
      .describe('the parties and their settings; defaults build the seed topology'),
    steps: z.array(stepSchema).min(1).describe('what happens, in order; a failed step skips the rest'),
  })
  .superRefine(appNamesExist)
  .describe('A fedsim scenario: a world of two Okta orgs and Dropbox, and steps run against it');

export type Scenario = z.infer<typeof scenarioSchema>;
/** Defined with the world; re-exported for code that reads a scenario's types from here. */
export type { WorldConfig } from '../world/config.js';
export type { Expectation } from './schema-expect.js';
export type { Step } from './steps/index.js';
