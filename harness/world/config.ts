import { z } from 'zod';
import { CREDENTIAL_NAMES } from '../crypto/store.js';
import { USERNAME_FORMATS } from '../okta/app-username.js';
import { OKTA_STATUSES } from '../okta/directory.js';
import { ORG2ORG_INITIAL_STATUSES } from '../okta/org1/initial-status.js';
import { SCIM_AUTH_SCHEMES } from '../scim/auth.js';
import { SCIM_UPDATE_METHODS } from '../scim/client.js';

/**
 * A world's configuration (a scenario's `world` section, and its `configure` steps): every setting
 * of the three parties; what is left out keeps the defaults that build the seed's topology.
 */
const credential = z.enum(CREDENTIAL_NAMES);
export const status = z.enum(OKTA_STATUSES);
const nameIdFormat = z.enum(['unspecified', 'emailAddress', 'persistent', 'transient']);

const user = z
  .object({
    login: z.string(),
    email: z.string().optional(),
    firstName: z.string(),
    lastName: z.string(),
    password: z.string().optional(),
    status: z.enum(['ACTIVE', 'STAGED', 'DEPROVISIONED', 'SUSPENDED']).optional(),
    /** Extra profile attributes (e.g. employeeNumber for CUSTOM_ATTRIBUTE matching). */
    profile: z.record(z.string(), z.string()).optional(),
    /** Group names the user belongs to (org1: sent by Org2Org when groupsAttribute is set). */
    groups: z.array(z.string()).optional(),
  })
  .strict();

/**
 * Many org1 users from one pattern: `{n}` in the template stands for 1 … count (a world of
 * 100,000 users in one line). `groups` puts user n in the group named by `pattern` with `{g}` =
 * ceil(n / every); `provisioned` starts them assigned to Org2Org and Dropbox Business and present
 * in org2 and the Dropbox team, as if provisioning had already run (seeded in process, not pushed).
 */
const generatedUsers = z
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

const signing = {
  signResponse: z.boolean().optional(),
  signAssertion: z.boolean().optional(),
  signatureAlgorithm: z.enum(['SHA-256', 'SHA-1']).optional(),
  nameIdFormat: nameIdFormat.optional(),
  certificate: credential.optional(),
  acsUrl: z.string().optional(),
  audience: z.string().optional(),
  /** Fields written into the response other than where it is posted (misconfigured IdP app). */
  recipient: z.string().optional(),
  destination: z.string().optional(),
  inResponseTo: z.string().optional(),
  /** Encrypt the assertion for the SP's certificate. */
  encryptAssertion: z.enum(['aes256-gcm', 'aes256-cbc']).optional(),
  /** NotBefore relative to the issue instant (Okta: -300) and validity after it (Okta: 300). */
  notBeforeSeconds: z.number().optional(),
  validitySeconds: z.number().positive().optional(),
};

/** An app's Sign On tab "Application username format": the app username, its NameID and what provisioning pushes. */
const appUserName = {
  userNameFormat: z.enum(USERNAME_FORMATS).optional(),
  /** The Okta expression over user.login/email/firstName/lastName when userNameFormat is CUSTOM. */
  userNameExpression: z.string().optional(),
};

/** How a provisioning client retries 429, 5xx and dropped connections (never other 4xx). */
const retrySchema = z
  .object({
    /** Tries of one task in all, the first included (default 4; 1 = never retry). */
    maxAttempts: z.number().int().min(1).max(20).optional(),
    /** First back-off on 5xx or a dropped connection, doubled at each retry (default 1). */
    backoffSeconds: z.number().nonnegative().optional(),
    maxBackoffSeconds: z.number().nonnegative().optional(),
    /** A 429 whose X-Rate-Limit-Reset is further away fails the task (default 300). */
    maxRateLimitWaitSeconds: z.number().nonnegative().optional(),
  })
  .strict();

const toggles = {
  enabled: z.boolean().optional(),
  create: z.boolean().optional(),
  update: z.boolean().optional(),
  deactivate: z.boolean().optional(),
  retry: retrySchema.optional(),
};

/** A SAML app's SCIM connection (Okta's Provisioning tab): base URL, credential, auth mode. */
const scimConnection = z
  .object({
    /** The SCIM 2.0 base URL (ending in /scim/v2 or wherever /Users lives); loopback, or a host so named. */
    url: z.string(),
    /** Bearer token; under basic auth, `user:password`. */
    token: z.string().min(1),
    /** Okta's "HTTP Header" (bearer, default) or "Basic Auth". */
    authScheme: z.enum(SCIM_AUTH_SCHEMES).optional(),
  })
  .strict();

/**
 * An App Integration Wizard "SAML 2.0" app in org2 (docs/decisions/external-saml-apps.md): the SP
 * from its metadata (a file relative to the scenario, or a URL) or from fields.
 */
const samlApp = z
  .object({
    /** The app's name (its label): what `assign { app }` and the dashboard tile name. */
    name: z.string().min(1),
    saml: z
      .object({
        /** The SP's metadata: a file path (relative to the scenario) or an http(s) URL (naming its host). */
        metadata: z.string().optional(),
        /** Single sign-on URL (the SP's ACS); default: the metadata's. */
        acsUrl: z.string().optional(),
        /** Audience URI (SP Entity ID); default: the metadata's entityID. */
        audience: z.string().optional(),
        nameIdFormat: nameIdFormat.optional(),
        ...appUserName,
        /** SAML attribute name → an Okta expression over user.* (e.g. `email: user.email`). */
        attributeStatements: z.record(z.string(), z.string()).optional(),
        /** What is signed (Okta: Response and Assertion Signature both Signed by default). */
        signing: z.enum(['response', 'assertion', 'both']).optional(),
        signatureAlgorithm: z.enum(['SHA-256', 'SHA-1']).optional(),
        /** The app's IdP signing credential (default: org2-apps). */
        certificate: credential.optional(),
        /** Encrypt assertions for the SP's certificate: the metadata's encryption key, or this PEM file. */
        encryption: z
          .object({
            algorithm: z.enum(['aes256-gcm', 'aes256-cbc']).optional(),
            certificateFile: z.string().optional(),
          })
          .strict()
          .optional(),
        /** The SP's AuthnRequest-signing certificate (PEM file); default: the metadata's when it signs requests. */
        requestCertificateFile: z.string().optional(),
      })
      .strict()
      .refine((s) => s.metadata !== undefined || (s.acsUrl !== undefined && s.audience !== undefined), {
        message: 'give the SP metadata, or both acsUrl and audience',
      }),
    provisioning: z
      .object({
        ...toggles,
        scim: scimConnection,
        /** How profile updates go: GET + PUT of the whole user (AIW default) or one PATCH. */
        updateMethod: z.enum(SCIM_UPDATE_METHODS).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

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

export const worldSchema = z
  .object({
    clock: z.iso.datetime().optional(),
    seed: z.string().optional(),
    org1: z
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
      .strict()
      .optional(),
    org2: z
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
        idp: z
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
            /** Take issuer, SSO URL and certificate from org1's IdP metadata. */
            /** An Okta IdP object (GET /api/v1/idps/{id}) to simulate, relative to the scenario file; other keys here override it. */
            oktaJson: z.string().optional(),
            fromMetadata: z.boolean().optional(),
            ...externalIdp,
            suspendedAction: z.enum(['NONE', 'UNSUSPEND']).optional(),
          })
          .strict()
          .optional(),
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
      .strict()
      .optional(),
    dropbox: z
      .object({
        teamName: z.string().optional(),
        deactivation: z.enum(['suspend', 'remove']).optional(),
        trust: credential.optional(),
        /** Take issuer and certificate from org2's Dropbox app metadata. */
        fromMetadata: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type WorldConfig = z.infer<typeof worldSchema>;
export type SeedUserConfig = z.infer<typeof user>;
export type SamlAppConfig = z.infer<typeof samlApp>;
export type GeneratedUsersConfig = z.infer<typeof generatedUsers>['generate'];
