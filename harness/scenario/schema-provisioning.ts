import { z } from 'zod';
import { FAULT_KINDS } from '../faults/injector.js';
import { errorCodeSchema } from './schema-codes.js';

/** Scenario schema parts for provisioning: fault injection, task expectations. */

export const injectSchema = z
  .object({
    party: z.enum(['org2', 'dropbox']),
    fault: z.enum(FAULT_KINDS),
    /** How many of the next API calls it hits (default 1). */
    count: z.number().int().positive().optional(),
    /** latency: the delay (default 1000); rateLimit: time until X-Rate-Limit-Reset (default 60000). */
    ms: z.number().int().nonnegative().optional(),
    /** error5xx: the status (default 500). */
    status: z.number().int().min(500).max(599).optional(),
  })
  .strict();

/** The last provisioning task of a party, or of one of org2's apps (matching action and user when given). */
export const provisioningExpectSchema = z
  .object({
    party: z
      .enum(['org1', 'org2'])
      .describe("whose tasks: org1's Org2Org connector or an org2 app's (Dropbox Business unless `app`)"),
    app: z
      .string()
      .optional()
      .describe('with party org2: the app whose SCIM tasks to check, by name (an app of world.org2.apps)'),
    action: z.string().optional().describe('only tasks of this action (create, update, deactivate, …)'),
    status: z.enum(['done', 'failed', 'skipped', 'pending']).describe("the task's status"),
    code: errorCodeSchema.optional().describe('the error code a failed task ended with'),
    user: z.string().optional().describe('only tasks of this (source) user'),
    attempts: z.number().int().nonnegative().optional().describe('tries the task took (1 = no retry)'),
    attemptErrors: z
      .array(errorCodeSchema)
      .optional()
      .describe('the error code of each failed try, in order'),
    attemptStatuses: z
      .array(z.union([z.number().int(), z.literal('dropped')]))
      .optional()
      .describe('the HTTP status of each failed try, in order; `dropped` when no response came'),
  })
  .strict()
  .refine((e) => e.app === undefined || e.party === 'org2', {
    message: "app names an org2 app: give party: org2 (org1's tasks are its Org2Org connector's)",
    path: ['app'],
  });

/** What a party's injected faults did: calls hit so far, calls still queued. */
export const faultsExpectSchema = z
  .object({
    party: z.enum(['org2', 'dropbox']).describe('whose API'),
    hits: z.number().int().nonnegative().optional().describe('API calls hit by injected faults so far'),
    pending: z.number().int().nonnegative().optional().describe('injected faults still queued'),
  })
  .strict();

const count = (what: string) => z.number().int().nonnegative().optional().describe(what);

/** How many of a party's provisioning tasks are in each status (a bulk push's outcome). */
export const tasksExpectSchema = z
  .object({
    party: z.enum(['org1', 'org2']).describe("whose tasks: org1's Org2Org connector or org2's Dropbox app"),
    done: count('tasks done'),
    failed: count('tasks failed'),
    pending: count('tasks still pending'),
    skipped: count('tasks skipped'),
    rateLimited: count('tasks that met at least one 429 (and waited for the reset)'),
  })
  .strict();
