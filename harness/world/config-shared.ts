import { z } from 'zod';
import { CREDENTIAL_NAMES } from '../crypto/store.js';
import { USERNAME_FORMATS } from '../okta/app-username.js';
import { OKTA_STATUSES } from '../okta/directory.js';

/** Schema parts more than one party's config uses (config.ts composes the parties). */
export const credential = z.enum(CREDENTIAL_NAMES);
export const status = z.enum(OKTA_STATUSES);
export const nameIdFormat = z.enum(['unspecified', 'emailAddress', 'persistent', 'transient']);

export const user = z
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

export const signing = {
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
export const appUserName = {
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

export const toggles = {
  enabled: z.boolean().optional(),
  create: z.boolean().optional(),
  update: z.boolean().optional(),
  deactivate: z.boolean().optional(),
  retry: retrySchema.optional(),
};
