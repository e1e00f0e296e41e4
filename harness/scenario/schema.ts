import { z } from 'zod';
import { status, worldSchema } from '../world/config.js';
import { faultsExpectSchema, injectSchema, provisioningExpectSchema } from './schema-provisioning.js';

/** Scenario files: a world (world/config.ts) and steps. Unknown keys are errors. */
const appName = z.enum(['Org2Org', 'Dropbox Business']);
const userRef = z.object({ user: z.string(), app: appName.optional() }).strict();

const expectSchema = z
  .object({
    org1: z
      .object({ user: z.string(), status: status.optional(), exists: z.boolean().optional() })
      .strict()
      .optional(),
    org2: z
      .object({
        user: z.string().optional(),
        exists: z.boolean().optional(),
        status: status.optional(),
        provider: z.enum(['OKTA', 'FEDERATION']).optional(),
        profile: z.record(z.string(), z.string()).optional(),
        linked: z.boolean().optional(),
        externalId: z.string().optional(),
        userCount: z.number().int().nonnegative().optional(),
        /** Text the last sign-in's warnings must contain (e.g. an expired IdP certificate). */
        signInWarning: z.string().optional(),
        /** Exactly the groups the user belongs to. */
        groups: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    dropbox: z
      .object({
        member: z.string().optional(),
        exists: z.boolean().optional(),
        state: z.enum(['invited', 'active', 'suspended', 'removed']).optional(),
        memberCount: z.number().int().nonnegative().optional(),
      })
      .strict()
      .optional(),
    signedIn: z
      .object({
        user: z.string(),
        at: z.array(z.enum(['org1', 'org2', 'dropbox'])),
        not: z.array(z.enum(['org1', 'org2', 'dropbox'])).optional(),
      })
      .strict()
      .optional(),
    provisioning: provisioningExpectSchema.optional(),
    faults: faultsExpectSchema.optional(),
  })
  .strict();

export const stepSchema = z
  .object({
    name: z.string().optional(),
    expectError: z.string().optional(),
    assign: userRef.optional(),
    unassign: userRef.optional(),
    updateProfile: z
      .object({
        user: z.string(),
        org: z.enum(['org1', 'org2']).optional(),
        profile: z.record(z.string(), z.string()),
      })
      .strict()
      .optional(),
    deactivate: z
      .object({ user: z.string(), org: z.enum(['org1', 'org2']).optional() })
      .strict()
      .optional(),
    login: z
      .object({
        user: z.string(),
        password: z.string().optional(),
        /** Tiles clicked in order; default: Org2Org when starting at org1, none otherwise. */
        tiles: z.array(appName).optional(),
        confirm: z.boolean().default(true),
        newBrowser: z.boolean().default(false),
        /** Where she starts: org1's dashboard (IdP-initiated), org2 or dropbox (SP-initiated), or a path at org2 (deep link). */
        start: z.enum(['org1', 'org2', 'dropbox']).default('org1'),
        path: z.string().optional(),
      })
      .strict()
      .optional(),
    advanceClock: z.object({ seconds: z.number() }).strict().optional(),
    /** Replaces a user's group memberships (org1's are what Org2Org sends). */
    setGroups: z
      .object({
        user: z.string(),
        org: z.enum(['org1', 'org2']).default('org1'),
        groups: z.array(z.string()),
      })
      .strict()
      .optional(),
    /** Changes settings of the running world (cert rollover, toggles), as an admin would. */
    configure: worldSchema.optional(),
    /** The user's browser posts the last SAML response it sent to a party once more. */
    replay: z
      .object({ user: z.string(), to: z.enum(['org2', 'dropbox']).default('org2') })
      .strict()
      .optional(),
    /** Queues faults for the party's next API calls (org2: /api/v1, dropbox: /scim/v2). */
    inject: injectSchema.optional(),
    expect: expectSchema.optional(),
  })
  .strict()
  .superRefine((step, ctx) => {
    const actions = STEP_KINDS.filter((k) => step[k] !== undefined);
    if (actions.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `a step needs exactly one of ${STEP_KINDS.join(', ')}; found ${actions.length ? actions.join(', ') : 'none'}`,
      });
    }
  });

export const STEP_KINDS = [
  'assign',
  'unassign',
  'updateProfile',
  'deactivate',
  'login',
  'replay',
  'advanceClock',
  'setGroups',
  'configure',
  'inject',
  'expect',
] as const;

export const scenarioSchema = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    world: worldSchema.default({}),
    steps: z.array(stepSchema).min(1),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioSchema>;
/** Defined with the world; re-exported for code that reads a scenario's types from here. */
export type { WorldConfig } from '../world/config.js';
export type Step = z.infer<typeof stepSchema>;
export type Expectation = z.infer<typeof expectSchema>;
