import { z } from 'zod';
import { org2IdpSchema } from './config-org2-idp.js';
import { samlApp } from './config-saml-app.js';
import { appUserName, signing, toggles, user } from './config-shared.js';

/** org2: its directory, its inbound IdP, Dropbox Business and other SAML apps. */
export const org2Schema = z
  .object({
    users: z.array(user).optional(),
    /**
     * Groups that exist in org2 (Okta's JIT group policy never creates groups): a name, or
     * `{ id, name }` to keep the id an exported IdP object refers to.
     */
    groups: z
      .array(
        z.union([
          z.string(),
          z
            .object({
              id: z.string().regex(/^00g[0-9A-Za-z]+$/, 'an Okta group id (00g…)'),
              name: z.string(),
            })
            .strict(),
        ]),
      )
      .optional(),
    jit: z.boolean().optional(),
    /** org2's directory settings in Okta's Admin Console (both as Okta ships them by default). */
    directory: z
      .object({
        /** The default username policy: logins must be email addresses (true). */
        loginsAreEmails: z.boolean().optional(),
        /** "Edit Deactivated User Profile Updates": profile updates of DEPROVISIONED users (false). */
        editDeprovisionedProfiles: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** Logins of org2 users holding an admin role (what accountLinkExcludeAdmins excludes). */
    admins: z.array(z.string()).optional(),
    /** org2's API rate limit: requests per endpoint family per window (Okta: per minute). */
    rateLimit: z
      .object({
        limit: z.number().int().nonnegative(),
        windowSeconds: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
    idp: org2IdpSchema.optional(),
    dropbox: z
      .object({
        ...signing,
        ...appUserName,
        provisioning: z.object(toggles).strict().optional(),
        /** Advanced Sign-on Settings "Silent Provisioning": no invitation; the first SSO sign-in activates the member. */
        silentProvisioning: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** SAML apps besides Dropbox Business (AIW "SAML 2.0" apps); `configure`: adds one, or replaces one's settings by name. */
    apps: z.array(samlApp).optional(),
  })
  .strict();
