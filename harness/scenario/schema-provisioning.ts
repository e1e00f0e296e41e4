import { z } from 'zod';
import { FAULT_KINDS } from '../faults/injector.js';

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

/** The last provisioning task of a party (matching action and user when given). */
export const provisioningExpectSchema = z
  .object({
    party: z.enum(['org1', 'org2']),
    action: z.string().optional(),
    status: z.enum(['done', 'failed', 'skipped', 'pending']),
    code: z.string().optional(),
    /** Only tasks of this (source) user. */
    user: z.string().optional(),
    /** Tries the task took (1 = no retry). */
    attempts: z.number().int().nonnegative().optional(),
    /** The error code of each failed try, in order. */
    attemptErrors: z.array(z.string()).optional(),
    /** The HTTP status of each failed try, in order; `dropped` when no response came. */
    attemptStatuses: z.array(z.union([z.number().int(), z.literal('dropped')])).optional(),
  })
  .strict();

/** What a party's injected faults did: calls hit so far, calls still queued. */
export const faultsExpectSchema = z
  .object({
    party: z.enum(['org2', 'dropbox']),
    hits: z.number().int().nonnegative().optional(),
    pending: z.number().int().nonnegative().optional(),
  })
  .strict();
