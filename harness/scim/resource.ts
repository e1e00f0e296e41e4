import { z } from 'zod';
import { FedsimError } from '../core/errors.js';
import type { ScimUserInput, ScimUserRecord } from './store.js';

/** The SCIM core User resource (RFC 7643 §4.1) as fedsim's SCIM server serves it, and its request bodies. */
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

export interface ScimEmail {
  primary: boolean;
  value: string;
  type: string;
}

export interface ScimUser {
  schemas: string[];
  id: string;
  externalId?: string;
  userName: string;
  name: { givenName: string; familyName: string; formatted: string };
  displayName: string;
  emails: ScimEmail[];
  active: boolean;
  meta: { resourceType: 'User'; created: string; lastModified: string; location: string };
}

export interface ListResponse<T> {
  schemas: [typeof LIST_SCHEMA];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: T[];
}

/** How each attribute of a served User is made from the record: one table for whole resources and filter views. */
const ATTRIBUTES: {
  readonly [K in keyof ScimUser]-?: (member: ScimUserRecord, baseUrl: string) => ScimUser[K];
} = {
  schemas: () => [USER_SCHEMA],
  id: (m) => m.id,
  externalId: (m) => m.externalId,
  userName: (m) => m.userName,
  name: (m) => ({
    givenName: m.givenName,
    familyName: m.familyName,
    formatted: `${m.givenName} ${m.familyName}`.trim(),
  }),
  displayName: (m) => m.displayName,
  emails: (m) => [{ primary: true, value: m.email, type: 'work' }],
  active: (m) => m.active,
  meta: (m, baseUrl) => ({
    resourceType: 'User',
    created: m.created.toISOString(),
    lastModified: m.lastModified.toISOString(),
    location: `${baseUrl}/Users/${m.id}`,
  }),
};

const EVERY_ATTRIBUTE = Object.keys(ATTRIBUTES) as (keyof ScimUser)[];

export function toScimUser(member: ScimUserRecord, baseUrl: string): ScimUser {
  return userAttributes(member, baseUrl, EVERY_ATTRIBUTE) as ScimUser;
}

/** The User's attributes named by `keys` only (a filter reads a few of them, and a team has 100,000). */
export function userAttributes(
  member: ScimUserRecord,
  baseUrl: string,
  keys: readonly (keyof ScimUser)[],
): Partial<ScimUser> {
  const user: Record<string, unknown> = {};
  for (const key of keys) user[key] = ATTRIBUTES[key](member, baseUrl);
  return user as Partial<ScimUser>;
}

/** The served User attribute named `name`, case aside (SCIM attribute names are case-insensitive). */
export function userAttributeNamed(name: string): keyof ScimUser | undefined {
  const wanted = name.toLowerCase();
  return EVERY_ATTRIBUTE.find((key) => key.toLowerCase() === wanted);
}

/** One page of a list: `page` starts at `startIndex` (from 1) of `totalResults`. */
export function listResponse<T>(page: T[], totalResults: number, startIndex: number): ListResponse<T> {
  return {
    schemas: [LIST_SCHEMA],
    totalResults,
    startIndex,
    itemsPerPage: page.length,
    Resources: page,
  };
}

/** The page of `all` a startIndex and count ask for. */
export function listPage<T>(all: T[], startIndex: number, count: number): ListResponse<T> {
  return listResponse(all.slice(startIndex - 1, startIndex - 1 + count), all.length, startIndex);
}

/** Some clients send booleans as "True"/"False" strings; accept those, reject anything else. */
const booleanish = z.preprocess(
  (v) => (typeof v === 'string' && /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : v),
  z.boolean(),
);

const optionalText = z.string().nullish();

const userBody = z.object({
  userName: z.string({ error: 'userName is required' }).trim().min(1, 'userName must not be empty'),
  externalId: optionalText,
  name: z.object({ givenName: optionalText, familyName: optionalText }).nullish(),
  displayName: optionalText,
  emails: z.array(z.object({ value: z.string(), primary: booleanish.nullish() })).nullish(),
  active: booleanish.nullish(),
});

/** A POST/PUT body (or a patched resource) as store input; the primary email wins, else the first. */
export function parseUserInput(body: unknown): ScimUserInput {
  const parsed = userBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new FedsimError('SCIM_INVALID_VALUE', `${where}${issue?.message ?? 'invalid User'}`);
  }
  const u = parsed.data;
  const email = u.emails?.find((e) => e.primary)?.value ?? u.emails?.[0]?.value;
  return {
    userName: u.userName,
    externalId: u.externalId ?? undefined,
    givenName: u.name?.givenName ?? '',
    familyName: u.name?.familyName ?? '',
    displayName: u.displayName ?? undefined,
    // Dropbox keys members by email; Okta's userName is usually the email when none is sent.
    email: email ?? u.userName,
    active: u.active ?? undefined,
  };
}
