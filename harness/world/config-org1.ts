import { z } from 'zod';
import { ORG2ORG_INITIAL_STATUSES } from '../okta/org1/initial-status.js';
import { appUserName, signing, toggles, user } from './config-shared.js';

/**
 * Many org1 users from one pattern: `{n}` in the template stands for 1 … count (a world of
 * 100,000 users in one line). `groups` puts user n in the group named by `pattern` with `{g}` =
 * ceil(n / every); `provisioned` starts them assigned to Org2Org and Dropbox Business and present
 * in org2 and the Dropbox team, as if provisioning had already run (seeded in process, not pushed).
 */
export const generatedUsers = z
  .object({
    generate: z
      .object({
        count: z.number().int().min(1).max(1_000_000),
        template: z
          .object({
            login: z.string().regex(/\{n\}/, 'the login pattern must contain {n}'),
            email: z.string().optional(),
            firstName: z.string(),
            lastName: z.string(),
            password: z.string().optional(),
          })
          .strict(),
        groups: z
          .object({ pattern: z.string().min(1), every: z.number().int().min(1) })
          .strict()
          .optional(),
        provisioned: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();

/** org1: its users and its Org2Org app (SAML sign-on and provisioning into org2). */
export const org1Schema = z
  .object({
    /** Users one by one, and `{ generate }` entries for many from a pattern. */
    users: z.array(z.union([user, generatedUsers])).optional(),
    org2org: z
      .object({
        ...signing,
        ...appUserName,
        issuer: z.string().optional(),
        /** Take ACS URL and Audience from org2's SP metadata instead of defaults. */
        fromMetadata: z.boolean().optional(),
        /** Send the user's org1 groups in this assertion attribute. */
        groupsAttribute: z.string().optional(),
        /** Push Groups by name: org1 groups pushed to org2 when the world starts (their members once provisioned). */
        pushGroups: z.array(z.string()).optional(),
        clockOffsetSeconds: z.number().optional(),
        provisioning: z
          .object({
            ...toggles,
            token: z.enum(['super-admin', 'read-only', 'invalid']).optional(),
            /** Link to an org2 user with the same login instead of failing with E0000001. */
            matchExisting: z.boolean().optional(),
            /** Status of users it creates in org2 (default active_without_pass: PROVISIONED). */
            initialStatus: z.enum(ORG2ORG_INITIAL_STATUSES).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
