import { z } from 'zod';
import { credential } from './config-shared.js';

/**
 * An IdP org2's inbound IdP trusts in place of org1 (with `issuer`): its metadata, or its SSO URL
 * and signing certificate.
 */
const externalIdp = {
  /** The IdP's metadata: a file path (relative to the scenario) or an http(s) URL (naming its host). */
  metadata: z.string().optional(),
  /** The IdP's SSO URL (where org2 sends AuthnRequests); default: the metadata's. */
  ssoUrl: z.string().optional(),
  /** The IdP's signing certificate, PEM (or base64 DER). */
  certificatePem: z.string().optional(),
  /** The same from a PEM file relative to the scenario. */
  certificateFile: z.string().optional(),
};

/** org2's inbound IdP (org1's Org2Org, or an external IdP): trust, matching, linking, JIT and groups. */
export const org2IdpSchema = z
  .object({
    issuer: z.string().optional(),
    trust: z.array(credential).min(1).max(2).optional(),
    signatureScope: z.enum(['RESPONSE', 'TOKEN', 'ANY']).optional(),
    signatureAlgorithm: z.enum(['SHA-256', 'SHA-1']).optional(),
    userNameTemplate: z.string().optional(),
    subjectFilter: z.string().optional(),
    matchType: z.enum(['USERNAME', 'EMAIL', 'USERNAME_OR_EMAIL', 'CUSTOM_ATTRIBUTE']).optional(),
    matchAttribute: z.string().optional(),
    accountLink: z.enum(['AUTO', 'DISABLED']).optional(),
    provisioning: z.enum(['AUTO', 'DISABLED']).optional(),
    profileMaster: z.boolean().optional(),
    honorPersistentNameId: z.boolean().optional(),
    maxClockSkewSeconds: z.number().nonnegative().optional(),
    allowUnsolicited: z.boolean().optional(),
    requireEncryptedAssertion: z.boolean().optional(),
    deprovisionedAction: z.enum(['NONE', 'REACTIVATE']).optional(),
    /** Auto-link only members of these groups: ids (00g…) or names of world.org2.groups. */
    accountLinkGroups: z.array(z.string()).optional(),
    /** Never auto-link these org2 users: ids (00u…) or logins. */
    accountLinkExcludeUsers: z.array(z.string()).optional(),
    /** Never auto-link users listed under world.org2.admins. */
    accountLinkExcludeAdmins: z.boolean().optional(),
    /** Okta's "trust claims from this IdP" (policy.trustClaims); read and served only. */
    trustClaims: z.boolean().optional(),
    groups: z
      .object({
        action: z.enum(['NONE', 'ASSIGN', 'APPEND', 'SYNC']),
        /** Groups (ids or names) a JIT-created user joins. */
        assignments: z.array(z.string()).optional(),
        sourceAttributeName: z.string().optional(),
        /** Groups (ids or names) APPEND / SYNC may manage. */
        filter: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    /** An Okta IdP object (GET /api/v1/idps/{id}) to simulate, relative to the scenario file; other keys here override it. */
    oktaJson: z.string().optional(),
    /** Take issuer, SSO URL and certificate from org1's IdP metadata. */
    fromMetadata: z.boolean().optional(),
    ...externalIdp,
    suspendedAction: z.enum(['NONE', 'UNSUSPEND']).optional(),
  })
  .strict();
