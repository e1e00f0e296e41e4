import { z } from 'zod';
import { worldSettingsSchema } from './steps/configure.js';
import { stepSchema } from './steps/index.js';

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
  .describe('A fedsim scenario: a world of two Okta orgs and Dropbox, and steps run against it');

export type Scenario = z.infer<typeof scenarioSchema>;
/** Defined with the world; re-exported for code that reads a scenario's types from here. */
export type { WorldConfig } from '../world/config.js';
export type { Expectation } from './schema-expect.js';
export type { Step } from './steps/index.js';
