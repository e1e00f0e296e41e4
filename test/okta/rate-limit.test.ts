import express from 'express';
import type request from 'supertest';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { SeededIds } from '../../harness/core/ids.js';
import { createOrgApi } from '../../harness/okta/api/org-api.js';
import { DEFAULT_RATE_LIMIT, RateLimiter } from '../../harness/okta/api/rate-limit.js';
import { Directory } from '../../harness/okta/directory.js';
import { call, expectOktaError, SUPER, T0, testOrg } from './api-helpers.js';

const epochSeconds = (iso: string) => Date.parse(iso) / 1000;
const RESET = epochSeconds('2026-01-15T09:01:00.000Z');
const EXCEEDED = 'API call exceeded rate limit due to too many requests.';

function rateHeaders(res: request.Response) {
  return {
    limit: res.headers['x-rate-limit-limit'],
    remaining: res.headers['x-rate-limit-remaining'],
    reset: res.headers['x-rate-limit-reset'],
  };
}

describe('X-Rate-Limit-* and 429 E0000047', () => {
  it('counts down, refuses the 4th call of 3 with Okta’s error, and says when to come back', async () => {
    const { app } = testOrg({ limit: 3 });
    const seen = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await call(app, 'get', '/api/v1/users');
      expect(res.status).toBe(200);
      seen.push(rateHeaders(res));
    }
    expect(seen).toEqual(
      ['2', '1', '0'].map((remaining) => ({ limit: '3', remaining, reset: String(RESET) })),
    );
    const refused = await call(app, 'get', '/api/v1/users');
    expectOktaError(refused, 429, 'E0000047', EXCEEDED);
    expect(rateHeaders(refused)).toEqual({ limit: '3', remaining: '0', reset: String(RESET) });
    // Reset − Date is what clients wait: both come from the org's clock.
    expect(refused.headers.date).toBe(new Date(T0).toUTCString());
  });

  it('lets calls through again once the clock reaches the reset', async () => {
    const { app, clock } = testOrg({ limit: 3 });
    for (let i = 0; i < 3; i += 1) await call(app, 'get', '/api/v1/users');
    clock.advance(59_999);
    expect((await call(app, 'get', '/api/v1/users')).status).toBe(429);
    clock.advance(1);
    const again = await call(app, 'get', '/api/v1/users');
    expect(again.status).toBe(200);
    expect(rateHeaders(again)).toEqual({ limit: '3', remaining: '2', reset: String(RESET + 60) });
  });

  it('puts the headers on errors too: 401, 404 and malformed bodies', async () => {
    const { app } = testOrg({ limit: 10 });
    const unauthorised = await call(app, 'get', '/api/v1/users', { token: 'revoked' });
    const missing = await call(app, 'get', '/api/v1/users/00uNOPE');
    const malformed = await call(app, 'post', '/api/v1/users', { raw: '{' });
    expect([unauthorised.status, missing.status, malformed.status]).toEqual([401, 404, 400]);
    expect([unauthorised, missing, malformed].map((r) => r.headers['x-rate-limit-remaining'])).toEqual([
      '9',
      '8',
      '7',
    ]);
  });

  it('keeps one bucket per API: users, apps and groups count separately', async () => {
    const { app } = testOrg({ limit: 1 });
    expect((await call(app, 'get', '/api/v1/users')).status).toBe(200);
    expect((await call(app, 'get', '/api/v1/users')).status).toBe(429);
    expect((await call(app, 'get', '/api/v1/apps')).status).toBe(200);
    const groups = await call(app, 'get', '/api/v1/groups');
    expect(groups.status).toBe(200);
    expect(rateHeaders(groups).remaining).toBe('0');
    expect((await call(app, 'post', '/api/v1/groups', { body: { profile: { name: 'x' } } })).status).toBe(
      429,
    );
  });

  it('takes a new limit mid-scenario and starts counting afresh', async () => {
    const { app, limiter } = testOrg({ limit: 1 });
    await call(app, 'get', '/api/v1/users');
    limiter.configure({ limit: 2 });
    const first = await call(app, 'get', '/api/v1/users');
    expect(rateHeaders(first)).toMatchObject({ limit: '2', remaining: '1' });
    limiter.configure({ limit: 0 });
    expectOktaError(await call(app, 'get', '/api/v1/users'), 429, 'E0000047', EXCEEDED);
  });
});

describe('RateLimiter', () => {
  const clock = () => new FixedClock(T0);

  it('rejects a negative or fractional limit and an empty window', () => {
    expect(() => new RateLimiter({ limit: -1, windowMs: 1000, clock: clock() })).toThrow(RangeError);
    expect(() => new RateLimiter({ limit: 1.5, windowMs: 1000, clock: clock() })).toThrow(RangeError);
    expect(() => new RateLimiter({ limit: 1, windowMs: 0, clock: clock() })).toThrow(RangeError);
  });

  it('aligns windows to the epoch, so the reset is the next window boundary', () => {
    const c = clock();
    c.advance(12_345);
    const limiter = new RateLimiter({ limit: 5, windowMs: 10_000, clock: c });
    expect(limiter.take('users')).toMatchObject({
      allowed: true,
      remaining: 4,
      reset: epochSeconds(T0) + 20,
    });
  });

  it('is generous by default in an org API built without a limiter', async () => {
    const app = express();
    const c = clock();
    app.use(
      '/api/v1',
      createOrgApi({
        clock: c,
        ids: new SeededIds('x'),
        directory: new Directory(c, new SeededIds('d')),
        tokens: new Map([[SUPER, 'SUPER_ADMIN']]),
        baseUrl: () => 'http://127.0.0.1:1',
        sessionUser: () => undefined,
        apps: () => [],
        assign: async () => undefined,
        unassign: async () => undefined,
      }),
    );
    const res = await call(app, 'get', '/api/v1/users');
    expect(rateHeaders(res)).toMatchObject({
      limit: String(DEFAULT_RATE_LIMIT.limit),
      remaining: String(DEFAULT_RATE_LIMIT.limit - 1),
    });
  });
});
