import { USER_SCHEMA } from '../resource.js';
import type { CheckContext, TestUser } from './types.js';

/** The requests of Okta's SPEC test, with the suite's own headers and values. */
const SPEC_HEADERS = {
  Accept: 'application/scim+json',
  'Accept-Charset': 'utf-8',
  'Content-Type': 'application/scim+json; charset=utf-8',
  'User-Agent': 'OKTA SCIM Integration',
};
/** The suite's POSTs send plain JSON. */
const SPEC_POST_HEADERS = {
  'Content-Type': 'application/json',
  Accept: 'application/scim+json; charset=utf-8',
};
/** The suite's never-existing ids. */
export const MISSING_ID = '010101001010101010101010101';
export const MISSING_ID_404 = '00919288221112222';
/** Okta's suite allows the Groups endpoint 600 ms. */
export const GROUPS_BUDGET_MS = 600;

export const USER_FIELDS = [
  'id',
  'name.familyName',
  'name.givenName',
  'userName',
  'active',
  'emails[0].value',
];

export const get = (ctx: CheckContext, path: string, credential?: 'invalid') =>
  ctx.probe.send('GET', path, { headers: { ...SPEC_HEADERS }, credential });

export const byUserName = (ctx: CheckContext, userName: string, credential?: 'invalid') =>
  get(ctx, `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`, credential);

function specBody(user: TestUser): object {
  return {
    schemas: [USER_SCHEMA],
    userName: user.userName,
    name: { givenName: user.givenName, familyName: user.familyName },
    emails: [{ primary: true, value: user.email, type: 'work' }],
    displayName: `${user.givenName} ${user.familyName}`,
    active: true,
  };
}

export const post = (ctx: CheckContext, user: TestUser) =>
  ctx.probe.send('POST', '/Users', { headers: { ...SPEC_POST_HEADERS }, body: specBody(user) });
