import express, { type Express } from 'express';
import request, { type Response } from 'supertest';
import { expect } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { SeededIds } from '../../harness/core/ids.js';
import { AppUsers } from '../../harness/okta/api/app-users.js';
import type { AppSummary } from '../../harness/okta/api/apps.js';
import { createOrgApi } from '../../harness/okta/api/org-api.js';
import { RateLimiter } from '../../harness/okta/api/rate-limit.js';
import { Directory } from '../../harness/okta/directory.js';
import { Groups } from '../../harness/okta/groups.js';

// A whole org API (users, apps, groups) over an in-memory directory, for route tests.

export const BASE = 'http://127.0.0.1:4567';
export const T0 = '2026-01-15T09:00:00.000Z';
export const SUPER = 'super-admin-token';
export const READ_ONLY = 'read-only-token';

export const DROPBOX: AppSummary = {
  id: '0oaDROPBOX0000000001',
  name: 'dropbox_for_business',
  label: 'Dropbox Business',
  status: 'ACTIVE',
  signOnMode: 'SAML_2_0',
};

export interface TestOrg {
  app: Express;
  clock: FixedClock;
  directory: Directory;
  groups: Groups;
  appUsers: AppUsers;
  limiter: RateLimiter;
  /** Every assign / unassign callback, in order: `assign appId userId`. */
  calls: string[];
  /** Makes the next assign callbacks fail with this error. */
  failAssign?: Error;
}

export function testOrg(options: { limit?: number; windowMs?: number } = {}): TestOrg {
  const clock = new FixedClock(T0);
  const ids = new SeededIds('api');
  const org = {
    clock,
    directory: new Directory(clock, new SeededIds('dir')),
    groups: new Groups(clock, new SeededIds('groups')),
    appUsers: new AppUsers(clock),
    limiter: new RateLimiter({ limit: options.limit ?? 600, windowMs: options.windowMs ?? 60_000, clock }),
    calls: [] as string[],
    app: express(),
  } as TestOrg;
  const record = async (what: string, appId: string, userId: string) => {
    org.calls.push(`${what} ${appId} ${userId}`);
    if (what === 'assign' && org.failAssign) throw org.failAssign;
  };
  org.app.use(
    '/api/v1',
    createOrgApi({
      clock,
      ids,
      directory: org.directory,
      tokens: new Map([
        [SUPER, 'SUPER_ADMIN'],
        [READ_ONLY, 'READ_ONLY_ADMIN'],
      ]),
      baseUrl: () => BASE,
      sessionUser: () => undefined,
      apps: () => [DROPBOX, { ...DROPBOX, id: '0oaORG2ORG0000000001', name: 'okta_org2org', label: 'Org2' }],
      appUsers: org.appUsers,
      groups: org.groups,
      rateLimit: org.limiter,
      // The org keeps the assignment, as org2 does; its username format here is the Okta username,
      // and its apps do not provision.
      assign: async (appId, userId, userName) => {
        await record('assign', appId, userId);
        org.appUsers.assign(appId, userId, org.directory.get(userId).profile.login, userName);
        org.appUsers.pushed(appId, userId, 'off');
      },
      unassign: (appId, userId) => record('unassign', appId, userId),
    }),
  );
  return org;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  raw?: string;
}

type Method = 'get' | 'post' | 'put' | 'delete';

/** A call with the super admin's SSWS token unless told otherwise; Okta's request id is always there. */
export async function call(app: Express, method: Method, path: string, opts: CallOptions = {}) {
  let req = request(app)[method](path);
  const token = opts.token === undefined ? SUPER : opts.token;
  if (token !== null) req = req.set('Authorization', `SSWS ${token}`);
  if (opts.raw !== undefined) req = req.set('Content-Type', 'application/json').send(opts.raw);
  else if (opts.body !== undefined) req = req.send(opts.body as object);
  const res = await req;
  expect(res.headers['x-okta-request-id']).toMatch(/^[0-9A-Za-z_-]{20}$/);
  return res;
}

export function expectOktaError(
  res: Response,
  status: number,
  code: string,
  summary: string,
  causes: string[] = [],
) {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({
    errorCode: code,
    errorSummary: summary,
    errorLink: code,
    errorId: expect.stringMatching(/^oae[0-9A-Za-z]{17}$/),
    errorCauses: causes.map((errorSummary) => ({ errorSummary })),
  });
}

export function profile(name: string) {
  return {
    login: `${name}@org2.example`,
    email: `${name}@org2.example`,
    firstName: name.charAt(0).toUpperCase() + name.slice(1),
    lastName: 'Tester',
  };
}
