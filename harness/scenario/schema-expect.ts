import { z } from 'zod';
import { status } from '../world/config-shared.js';
import { faultsExpectSchema, provisioningExpectSchema, tasksExpectSchema } from './schema-provisioning.js';

/**
 * The `expect` step: what each party must hold. Every key carries its description, which README's
 * expect table and editors (through the JSON Schema) show.
 */
const party = z.enum(['org1', 'org2', 'dropbox']);

const org1 = z
  .object({
    user: z.string().describe('the org1 login'),
    status: status.optional().describe('its Okta status'),
    exists: z
      .boolean()
      .optional()
      .describe('whether org1 has the user (default: true when a status is given)'),
  })
  .strict();

const org2 = z
  .object({
    user: z.string().optional().describe('the org2 login the user keys below are about'),
    exists: z
      .boolean()
      .optional()
      .describe('whether org2 has the user (default: true when another user key is given)'),
    status: status.optional().describe('its Okta status'),
    provider: z
      .enum(['OKTA', 'FEDERATION'])
      .optional()
      .describe('who created it: the API (OKTA) or JIT (FEDERATION)'),
    profile: z
      .record(z.string(), z.string())
      .optional()
      .describe('profile attributes that must have these values'),
    linked: z.boolean().optional().describe("whether it is linked to org2's inbound IdP"),
    externalId: z.string().optional().describe("the link's externalId (the assertion's NameID)"),
    userCount: z.number().int().nonnegative().optional().describe('how many users org2 has'),
    signInWarning: z
      .string()
      .optional()
      .describe("text one of the last sign-in's warnings must contain (e.g. an expired IdP certificate)"),
    groups: z.array(z.string()).optional().describe('exactly the groups the user belongs to'),
  })
  .strict();

const dropbox = z
  .object({
    member: z
      .string()
      .optional()
      .describe('the member userName (the email org2 pushes) the member keys below are about'),
    exists: z
      .boolean()
      .optional()
      .describe('whether the team has the member (default: true when another member key is given)'),
    state: z
      .enum(['invited', 'active', 'suspended', 'removed'])
      .optional()
      .describe("the member's lifecycle state"),
    active: z.boolean().optional().describe("the member's SCIM `active` flag (true while invited or active)"),
    givenName: z.string().optional().describe("the member's given name"),
    familyName: z.string().optional().describe("the member's family name"),
    displayName: z.string().optional().describe("the member's display name"),
    email: z.string().optional().describe("the member's email"),
    memberCount: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('how many members the team has (removed ones excluded)'),
  })
  .strict();

const signedIn = z
  .object({
    user: z.string().describe('whose browser'),
    at: z.array(party).describe('parties where it must hold a live session'),
    not: z.array(party).optional().describe('parties where it must not'),
  })
  .strict();

const log = z
  .object({
    org: z.enum(['org1', 'org2']).describe('whose System Log (GET /api/v1/logs)'),
    eventType: z.string().describe("Okta's event type, e.g. user.authentication.auth_via_IDP"),
    outcome: z.enum(['SUCCESS', 'FAILURE']).optional().describe('outcome.result'),
    reason: z.string().optional().describe('outcome.reason, e.g. User Not Found'),
    target: z.string().optional().describe("a target's id or alternateId (a login, an app or IdP name)"),
    count: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('exactly this many matching events (default: at least one)'),
  })
  .strict();

export const expectSchema = z
  .object({
    org1: org1.optional().describe('a user in org1'),
    org2: org2.optional().describe('a user in org2, and org2 as a whole'),
    dropbox: dropbox.optional().describe('a member of the Dropbox team, and the team as a whole'),
    signedIn: signedIn.optional().describe("where the user's browser is signed in"),
    provisioning: provisioningExpectSchema.optional().describe("a party's last provisioning task"),
    tasks: tasksExpectSchema
      .optional()
      .describe("how many of a party's provisioning tasks are in each status"),
    faults: faultsExpectSchema.optional().describe("what a party's injected faults did"),
    log: log.optional().describe("events in an org's System Log"),
  })
  .strict();

export type Expectation = z.infer<typeof expectSchema>;
