import express, { type Express } from 'express';
import request from 'supertest';
import { DEFAULT_SCENARIO_START, FixedClock } from '../../harness/core/clock.js';
import { SeededIds } from '../../harness/core/ids.js';
import { Team } from '../../harness/dropbox/team.js';
import { LIST_SCHEMA, USER_SCHEMA } from '../../harness/scim/resource.js';
import { createScimRouter } from '../../harness/scim/server.js';

/** A Dropbox team behind the SCIM router, mounted where the harness mounts it. */
export const TOKEN = 'dbx-scim-token-123';
export const BASE_URL = 'http://dropbox.fedsim.test/scim/v2';
export const AUTH = { Authorization: `Bearer ${TOKEN}` };
export const START = DEFAULT_SCENARIO_START;
/** A ListResponse with nothing in it, integers as RFC 7644 wants them. */
export const EMPTY_LIST = {
  schemas: [LIST_SCHEMA],
  totalResults: 0,
  startIndex: 1,
  itemsPerPage: 0,
  Resources: [],
};

export interface ScimFixture {
  app: Express;
  team: Team;
  clock: FixedClock;
}

export function scimFixture(deactivation: 'suspend' | 'remove' = 'suspend'): ScimFixture {
  const clock = new FixedClock(START);
  const team = new Team(clock, new SeededIds('scim-test'), { deactivation });
  const app = express();
  app.use('/scim/v2', createScimRouter({ store: team, token: TOKEN, baseUrl: () => BASE_URL }));
  return { app, team, clock };
}

/** The body Okta POSTs when it provisions a user. */
export function oktaUserBody(
  userName: string,
  givenName = 'Ada',
  familyName = 'Lovelace',
): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA],
    userName,
    name: { givenName, familyName },
    emails: [{ primary: true, value: userName, type: 'work' }],
    displayName: `${givenName} ${familyName}`,
    externalId: '00u1a2b3c4d5e6f7g8h9',
    active: true,
  };
}

/** POSTs an Okta-shaped user and returns its SCIM id. */
export async function createUser(
  app: Express,
  userName: string,
  givenName = 'Ada',
  familyName = 'Lovelace',
): Promise<string> {
  const res = await request(app)
    .post('/scim/v2/Users')
    .set(AUTH)
    .send(oktaUserBody(userName, givenName, familyName));
  if (res.status !== 201)
    throw new Error(`createUser ${userName}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
